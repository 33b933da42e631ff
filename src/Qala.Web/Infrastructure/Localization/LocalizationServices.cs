using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Qala.Engine.Languages;

namespace Qala.Web.Infrastructure.Localization;

/// <summary>
/// Kazakh, Russian and English. The language comes from the URL (<c>?lang=kk</c>), then the language cookie, then the
/// browser's Accept-Language, then the configured default (<c>Qala:DefaultLanguage</c>, Kazakh unless set).
/// A language Qala does not speak falls through to the next source, never to an error.
/// </summary>
public static class LocalizationServices
{
    public const string QueryParameter = "lang";
    public const string DefaultLanguageKey = "Qala:DefaultLanguage";

    public static IHostApplicationBuilder AddQalaLocalization(this IHostApplicationBuilder builder)
    {
        var defaultLanguage = LanguageCodes.Parse(builder.Configuration[DefaultLanguageKey]) ?? Language.Kk;
        builder.Services.AddLocalization(options => options.ResourcesPath = "Resources");
        builder.Services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = QalaCultures.All.ToList();
            options.DefaultRequestCulture = new RequestCulture(QalaCultures.For(defaultLanguage));
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            options.RequestCultureProviders =
            [
                new LanguageProvider(context => context.Request.Query[QueryParameter]),
                new LanguageProvider(context => CookieRequestCultureProvider.ParseCookieValue(
                    context.Request.Cookies[CookieRequestCultureProvider.DefaultCookieName] ?? string.Empty)?.UICultures.FirstOrDefault().Value),
                new LanguageProvider(AcceptedLanguage),
            ];
        });
        return builder;
    }

    /// <summary>
    /// A link that names its language (<c>?lang=ru</c>) switches the site to it, as the switcher does: the next page,
    /// a form sent without the parameter, stays in that language.
    /// </summary>
    public static IApplicationBuilder UseLanguageFromLinks(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (LanguageCodes.Parse(context.Request.Query[QueryParameter]) is { } language)
            {
                Remember(context, language);
            }

            return next(context);
        });

    public static void MapLanguageSwitch(this IEndpointRouteBuilder app) =>
        app.MapGet("/language/{code}", (string code, string? returnUrl, HttpContext context) =>
            {
                if (LanguageCodes.Parse(code) is { } language)
                {
                    Remember(context, language);
                }

                return TypedResults.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
            })
            .AllowAnonymous()
            .ExcludeFromDescription();

    private static void Remember(HttpContext context, Language language) =>
        context.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(QalaCultures.For(language))),
            new CookieOptions
            {
                Expires = DateTimeOffset.UtcNow.AddYears(1),
                IsEssential = true,
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Secure = context.Request.IsHttps,
            });

    /// <summary>The path and query of the current request with <c>lang</c> removed, to come back to after switching.</summary>
    public static string ReturnUrl(HttpRequest request)
    {
        var query = request.Query.Where(p => !string.Equals(p.Key, QueryParameter, StringComparison.OrdinalIgnoreCase)).ToList();
        var queryString = QueryString.Create(query);
        return request.PathBase + request.Path + queryString;
    }

    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));

    private static string? AcceptedLanguage(HttpContext context) =>
        context.Request.GetTypedHeaders().AcceptLanguage
            .Where(l => l.Quality is null or > 0)
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => l.Value.Value)
            .FirstOrDefault(tag => LanguageCodes.Parse(tag) is not null);

    private sealed class LanguageProvider(Func<HttpContext, string?> read) : RequestCultureProvider
    {
        public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
        {
            if (LanguageCodes.Parse(read(httpContext)) is not { } language)
            {
                return NullProviderCultureResult;
            }

            var name = QalaCultures.For(language).Name;
            return Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(name, name));
        }
    }
}

/// <summary>Formats for views: numbers and dates in the culture of the current request.</summary>
public static class Formats
{
    public static string Number(decimal value) => value.ToString("#,0.##", CultureInfo.CurrentCulture);

    public static string Date(DateOnly value) => value.ToString("d", CultureInfo.CurrentCulture);

    public static string Date(DateTimeOffset value) => value.ToString("g", CultureInfo.CurrentCulture);
}
