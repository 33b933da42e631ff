using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Qala.Web.Data;
using Qala.Web.Infrastructure.Files;

namespace Qala.Web.Features.Instructions;

/// <summary>Files of instruction reports: downloaded by those who may read the instruction.</summary>
public sealed class InstructionFiles(QalaDbContext db, InstructionControl control, InstructionAccess access) : IAttachmentOwner
{
    public async Task<bool?> MayReadAsync(Guid attachmentId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var instructionId = await db.Set<InstructionReportAttachment>().Where(a => a.AttachmentId == attachmentId)
            .Join(db.Set<InstructionReport>(), a => a.ReportId, r => r.Id, (_, r) => (int?)r.InstructionId)
            .FirstOrDefaultAsync(cancellationToken);
        return instructionId is { } id
            ? await control.LoadAsync(id, cancellationToken) is { } instruction && await access.CanReadAsync(user, instruction)
            : null;
    }
}
