using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Qala.Web.Infrastructure.Auth;

namespace Qala.Web.Infrastructure.Files;

public static class FileEndpoints
{
    /// <summary>
    /// <c>GET /files/{id}</c>: an attachment as a download, for those the feature that owns it allows
    /// (<see cref="IAttachmentOwner"/>: whoever may read the instruction or the suggestion it belongs to); a file no
    /// feature owns (uploaded on the administration's files page) only for administrators. Knowing the id is not enough.
    /// </summary>
    public static IEndpointRouteBuilder MapQalaFiles(this IEndpointRouteBuilder app)
    {
        app.MapGet("/files/{id:guid}", GuardedDownloadAsync).RequireAuthorization().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> GuardedDownloadAsync(
        Guid id, IEnumerable<IAttachmentOwner> owners, ClaimsPrincipal user, AttachmentStore store, HttpContext http, CancellationToken cancellationToken)
    {
        bool? allowed = null;
        foreach (var owner in owners)
        {
            allowed = await owner.MayReadAsync(id, user, cancellationToken);
            if (allowed is not null)
            {
                break;
            }
        }

        return allowed ?? user.IsInRole(QalaRoles.Administrator)
            ? await DownloadAsync(id, store, http, cancellationToken)
            : TypedResults.Forbid();
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
