using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace Qala.Web.Infrastructure.Files;

/// <summary>
/// On a page or action that receives attachments: lets the request body be as large as the configured limit
/// (<c>Qala:Attachments:MaxBytes</c>) plus room for the form, and no larger, so a request far beyond the limit is cut
/// off while it arrives. A file just over the limit still reaches <see cref="AttachmentStore"/>, which refuses it with
/// its own message. Runs before antiforgery, which is the first to read the form.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class AttachmentUploadAttribute : Attribute, IFilterFactory, IOrderedFilter
{
    /// <summary>Room for the form's other fields and the multipart boundaries.</summary>
    public const long FormOverhead = 1024 * 1024;

    public bool IsReusable => true;

    // Before the antiforgery filter (1000), like ASP.NET Core's own RequestSizeLimit filter.
    public int Order => 900;

    public IFilterMetadata CreateInstance(IServiceProvider serviceProvider) =>
        new Limit(serviceProvider.GetRequiredService<IOptions<AttachmentOptions>>().Value.MaxBytes + FormOverhead, Order);

    private sealed class Limit(long maxBytes, int order) : IAuthorizationFilter, IOrderedFilter
    {
        public int Order => order;

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
}
