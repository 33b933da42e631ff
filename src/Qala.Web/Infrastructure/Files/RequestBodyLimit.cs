using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Qala.Web.Infrastructure.Files;

/// <summary>
/// Lets a request body be as large as <paramref name="maxBytes"/>, and no larger, so a request far beyond a page's
/// limit is cut off while it arrives. Ordered before the antiforgery filter (1000), which is the first to read the form,
/// like ASP.NET Core's own RequestSizeLimit filter.
/// </summary>
internal sealed class RequestBodyLimit(long maxBytes) : IAuthorizationFilter, IOrderedFilter
{
    /// <summary>Room for a form's other fields and the multipart boundaries.</summary>
    public const long FormOverhead = 1024 * 1024;

    public const int FilterOrder = 900;

    public int Order => FilterOrder;

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } body)
        {
            body.MaxRequestBodySize = maxBytes;
        }

        if (http.Features.Get<IFormFeature>() is null && http.Request.HasFormContentType)
        {
            http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions { MultipartBodyLengthLimit = maxBytes }));
        }
    }
}
