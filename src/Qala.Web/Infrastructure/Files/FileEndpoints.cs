using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Qala.Web.Infrastructure.Files;

public static class FileEndpoints
{
    /// <summary>
    /// <c>GET /files/{id}</c>: an attachment as a download. For now any signed-in user may download any attachment
    /// whose id they know (ids are random); features that link files to records they scope (an agency's reports, a
    /// citizen's suggestion) add their own checks before they hand out links, or their own download endpoint.
    /// </summary>
    public static IEndpointRouteBuilder MapQalaFiles(this IEndpointRouteBuilder app)
    {
        app.MapGet("/files/{id:guid}", DownloadAsync).RequireAuthorization().ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// Always a download, never a page: <c>attachment</c> with the name in RFC 5987 form for Kazakh and Russian, the type
    /// decided from the content with browser sniffing off, a sandbox in case a browser renders it anyway, and no caching
    /// by shared caches or on disk. The ETag is the content's SHA-256.
    /// </summary>
    internal static async Task<Results<FileStreamHttpResult, NotFound>> DownloadAsync(
        Guid id, AttachmentStore store, HttpContext http, CancellationToken cancellationToken)
    {
        var file = await store.OpenAsync(id, cancellationToken);
        if (file is null)
        {
            return TypedResults.NotFound();
        }

        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
        headers.CacheControl = "private, no-store";
        var attachment = file.Attachment;
        http.Response.ContentLength = attachment.Size;
        return TypedResults.File(
            file.Content,
            attachment.ContentType,
            attachment.FileName,
            lastModified: attachment.UploadedAt,
            entityTag: new EntityTagHeaderValue($"\"{attachment.Sha256}\""));
    }
}
