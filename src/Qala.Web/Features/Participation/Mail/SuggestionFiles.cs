using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Qala.Web.Data;
using Qala.Web.Features.Users;
using Qala.Web.Infrastructure.Files;

namespace Qala.Web.Features.Participation.Mail;

/// <summary>Files that came with a citizen's letter: downloaded by those who may read the suggestion in the inbox.</summary>
public sealed class SuggestionFiles(QalaDbContext db, UserScope scope) : IAttachmentOwner
{
    public async Task<bool?> MayReadAsync(Guid attachmentId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var suggestion = await db.Set<SuggestionAttachment>().AsNoTracking().Where(a => a.AttachmentId == attachmentId)
            .Join(db.Set<Suggestion>(), a => a.SuggestionId, s => s.Id, (_, s) => s)
            .FirstOrDefaultAsync(cancellationToken);
        return suggestion is null ? null : ParticipationAccess.CanRead(user, await scope.CurrentAsync(cancellationToken), suggestion);
    }
}
