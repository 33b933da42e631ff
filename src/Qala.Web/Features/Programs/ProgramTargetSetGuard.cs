using Microsoft.EntityFrameworkCore;
using Qala.Web.Data;
using Qala.Web.Features.Indicators;

namespace Qala.Web.Features.Programs;

/// <summary>
/// The targets of a program version change with its structure (<see cref="ProgramAmendments.StructureOpen"/>): a
/// draft's freely, an approved program's only in the amendment being prepared, an earlier version's never.
/// </summary>
public sealed class ProgramTargetSetGuard(QalaDbContext db) : ITargetSetGuard
{
    public async Task<string?> RefusalAsync(int targetSetId, CancellationToken cancellationToken)
    {
        var program = await db.Set<DevelopmentProgram>().AsNoTracking().Include(p => p.Versions)
            .FirstOrDefaultAsync(p => p.Versions.Any(v => v.TargetSetId == targetSetId), cancellationToken);
        if (program is null)
        {
            return null;
        }

        if (program.Versions.MaxBy(v => v.Number)!.TargetSetId != targetSetId)
        {
            return "These are the targets of an earlier version of the program; they stay as they were.";
        }

        if (!program.IsOpen)
        {
            return "A completed or archived program cannot change.";
        }

        return ProgramAmendments.StructureOpen(program) ? null : "An approved program changes only through an amendment: open one first.";
    }
}
