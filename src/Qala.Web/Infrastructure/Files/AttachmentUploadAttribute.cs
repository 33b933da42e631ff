using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace Qala.Web.Infrastructure.Files;

/// <summary>
/// On a page or action that receives attachments: lets the request body be as large as the configured limit
/// (<c>Qala:Attachments:MaxBytes</c>) plus room for the form, and no larger. A file just over the limit still reaches
/// <see cref="AttachmentStore"/>, which refuses it with its own message.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class AttachmentUploadAttribute : Attribute, IFilterFactory, IOrderedFilter
{
    public bool IsReusable => true;

    public int Order => RequestBodyLimit.FilterOrder;

    public IFilterMetadata CreateInstance(IServiceProvider serviceProvider) =>
        new RequestBodyLimit(serviceProvider.GetRequiredService<IOptions<AttachmentOptions>>().Value.MaxBytes + RequestBodyLimit.FormOverhead);
}
