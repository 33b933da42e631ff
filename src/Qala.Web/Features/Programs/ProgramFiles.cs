using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Qala.Web.Data;
using Qala.Web.Features.Users;
using Qala.Web.Infrastructure.Files;

namespace Qala.Web.Features.Programs;

/// <summary>Files of activities' progress reports on <c>/files/{id}</c>: the same readers as their own route.</summary>
public sealed class ProgramFiles(QalaDbContext db, UserScope scope, ProgramAccess access) : IAttachmentOwner
{
    public async Task<bool?> MayReadAsync(Guid attachmentId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var activity = await db.Set<ActivityReportAttachment>().AsNoTracking().Where(f => f.AttachmentId == attachmentId)
            .Join(db.Set<ActivityReport>(), f => f.ReportId, r => r.Id, (_, r) => r.ActivityId)
            .Join(db.Set<RoadmapActivity>().Include(a => a.Task!.Goal!.Direction!.Program), id => id, a => a.Id, (_, a) => a)
            .FirstOrDefaultAsync(cancellationToken);
        return activity is null
            ? null
            : await access.CanReadReportFilesAsync(user, (await scope.CurrentAsync(cancellationToken)).AgencyId, activity, activity.Task!.Goal!.Direction!.Program!);
    }
}
