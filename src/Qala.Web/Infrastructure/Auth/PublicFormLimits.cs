using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Qala.Web.Infrastructure.Auth;

/// <summary>How many posts one client address may send to the public forms per minute (<c>Qala:PublicForms</c>).</summary>
public sealed class PublicFormOptions
{
    public int PostsPerMinute { get; set; } = PublicFormLimits.PostsPerMinute;
}

/// <summary>
/// Forms anyone can post (sign-in, citizens' suggestions) accept a limited number of posts per client address and
/// minute; reading the form is never limited. Lockout protects one account, this protects all of them from a
/// password spray and the suggestion box from a flood. Behind a proxy, enable forwarded headers so that the client's
/// address is seen. A load test raises the limit through configuration.
/// </summary>
public static class PublicFormLimits
{
    public const string Policy = "public-form";
    public const int PostsPerMinute = 10;

    public static IServiceCollection AddQalaRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PublicFormOptions>().Bind(configuration.GetSection("Qala:PublicForms"))
            .Validate(o => o.PostsPerMinute > 0, "Qala:PublicForms:PostsPerMinute must be positive.").ValidateOnStart();
        return services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(Policy, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = context.RequestServices.GetRequiredService<IOptions<PublicFormOptions>>().Value.PostsPerMinute,
                        Window = TimeSpan.FromMinutes(1),
                        QueueLimit = 0,
                    })
                : RateLimitPartition.GetNoLimiter("read"));
        });
    }
}
