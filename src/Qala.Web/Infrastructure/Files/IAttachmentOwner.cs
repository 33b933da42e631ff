using System.Security.Claims;

namespace Qala.Web.Infrastructure.Files;

/// <summary>
/// A feature that attaches files to records it scopes (an instruction's reports, a citizen's letter) and so decides
/// who downloads them from <c>/files/{id}</c>: those who may read the record.
/// </summary>
public interface IAttachmentOwner
{
    /// <summary>Null when the attachment is not one of this feature's; else whether <paramref name="user"/> may download it.</summary>
    Task<bool?> MayReadAsync(Guid attachmentId, ClaimsPrincipal user, CancellationToken cancellationToken);
}
