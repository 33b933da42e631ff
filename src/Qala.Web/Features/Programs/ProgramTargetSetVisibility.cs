using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Qala.Web.Data;
using Qala.Web.Features.Indicators;

namespace Qala.Web.Features.Programs;

/// <summary>
/// A program version's targets are public once the version is approved and the program is public (approved, in
/// implementation or completed); until then — a draft, a program in discussion, an amendment being prepared, an
/// archived program — only those who read the program's drafts in its territory see them (<see cref="ProgramAccess"/>).
/// </summary>
public sealed class ProgramTargetSetVisibility(QalaDbContext db, ProgramAccess access) : ITargetSetVisibility
{
    public async Task<IReadOnlySet<int>> HiddenFromAsync(ClaimsPrincipal reader, CancellationToken cancellationToken)
    {
        var unpublished = await db.Set<ProgramVersion>().AsNoTracking()
            .Join(db.Set<DevelopmentProgram>(), v => v.ProgramId, p => p.Id, (v, p) => new { v.TargetSetId, v.ApprovedOn, p.Status, p.TerritoryId })
            .Where(v => v.ApprovedOn == null
                || !(v.Status == ProgramStatus.Approved || v.Status == ProgramStatus.InImplementation || v.Status == ProgramStatus.Completed))
            .ToListAsync(cancellationToken);
        var hidden = new HashSet<int>();
        var readsDrafts = ProgramAccess.ReadsDrafts(reader);
        foreach (var territory in unpublished.GroupBy(v => v.TerritoryId))
        {
            if (!readsDrafts || !await access.InScopeAsync(reader, territory.Key))
            {
                hidden.UnionWith(territory.Select(v => v.TargetSetId));
            }
        }

        return hidden;
    }
}
