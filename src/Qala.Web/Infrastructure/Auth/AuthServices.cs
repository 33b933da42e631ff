using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Qala.Web.Data;

namespace Qala.Web.Infrastructure.Auth;

public static class AuthServices
{
    public const string SignInPath = "/account/sign-in";
    public const int MaxFailedSignIns = 5;

    /// <summary>
    /// ASP.NET Core Identity with cookies. Every endpoint needs a signed-in user unless it says
    /// <c>[AllowAnonymous]</c>: public pages opt out, nothing is public by accident.
    /// </summary>
    public static IHostApplicationBuilder AddQalaAuth(this IHostApplicationBuilder builder)
    {
        builder.Services
            .AddIdentity<QalaUser, IdentityRole>(options =>
            {
                options.Stores.SchemaVersion = IdentitySchemaVersions.Version2;
                options.Password.RequiredLength = 12;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireUppercase = false;
                options.Lockout.MaxFailedAccessAttempts = MaxFailedSignIns;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<QalaDbContext>()
            .AddClaimsPrincipalFactory<QalaClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();

        builder.Services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "Qala.Auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.LoginPath = SignInPath;
            options.LogoutPath = "/account/sign-out";
            options.AccessDeniedPath = "/account/access-denied";
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            options.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
        });
        builder.Services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "Qala.Antiforgery";
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(QalaRoles.Administrator, policy => policy.RequireRole(QalaRoles.Administrator));
        return builder;
    }

    /// <summary>
    /// Anonymous page requests go to the sign-in page; the JSON API and htmx requests get 401 instead, so a script never
    /// receives a sign-in form where it expected data. A signed-in user without the right role always gets 403
    /// (rendered as a page by the status-code pages), never a redirect that looks like success.
    /// </summary>
    private static Task RedirectOrStatus(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        var request = context.Request;
        if (status == StatusCodes.Status403Forbidden || request.Path.StartsWithSegments("/api") || request.Headers.ContainsKey("HX-Request"))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }
}
