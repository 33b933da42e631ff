using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;
using Qala.Web.Infrastructure.Files;

namespace Qala.Web.Infrastructure.Imports;

/// <summary>
/// On an import page: lets the request body be as large as the configured upload limit
/// (<c>Qala:Imports:MaxUploadBytes</c>) plus room for the form, and no larger. A file just over the limit still reaches
/// the page, which refuses it with a message that names the limit.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class ImportUploadAttribute : Attribute, IFilterFactory, IOrderedFilter
{
    public bool IsReusable => true;

    public int Order => RequestBodyLimit.FilterOrder;

    public IFilterMetadata CreateInstance(IServiceProvider serviceProvider) =>
        new RequestBodyLimit(serviceProvider.GetRequiredService<IOptions<ImportOptions>>().Value.MaxUploadBytes + RequestBodyLimit.FormOverhead);
}
