using Microsoft.EntityFrameworkCore;
using Qala.Web.Data;

namespace Qala.Web.Features.Programs;

/// <summary>
/// The order of an item among its siblings (the directions of a program, the goals of a direction, the tasks of a
/// goal, the activities of a task): positions stay dense, 1 to n, whichever way an item moves.
/// </summary>
public static class ProgramOrder
{
    /// <summary>The tracked siblings of <paramref name="item"/>, itself included once it is saved.</summary>
    public static async Task<List<IProgramItem>> SiblingsAsync(QalaDbContext db, IProgramItem item, CancellationToken cancellationToken) => item switch
    {
        ProgramDirection d => [.. await db.Set<ProgramDirection>().Where(x => x.ProgramId == d.ProgramId).ToListAsync(cancellationToken)],
        ProgramGoal g => [.. await db.Set<ProgramGoal>().Where(x => x.DirectionId == g.DirectionId).ToListAsync(cancellationToken)],
        ProgramTask t => [.. await db.Set<ProgramTask>().Where(x => x.GoalId == t.GoalId).ToListAsync(cancellationToken)],
        RoadmapActivity a => [.. await db.Set<RoadmapActivity>().Where(x => x.TaskId == a.TaskId).ToListAsync(cancellationToken)],
        _ => throw new ArgumentOutOfRangeException(nameof(item)),
    };

    /// <summary>Puts <paramref name="item"/> at <paramref name="position"/> (kept within 1 to n) and renumbers the siblings densely.</summary>
    public static void Place(IEnumerable<IProgramItem> siblings, IProgramItem item, int position)
    {
        var ordered = siblings.Where(s => !ReferenceEquals(s, item)).OrderBy(s => s.Position).ThenBy(s => s.Id).ToList();
        ordered.Insert(Math.Clamp(position, 1, ordered.Count + 1) - 1, item);
        for (var i = 0; i < ordered.Count; i++)
        {
            if (ordered[i].Position != i + 1)
            {
                ordered[i].Position = i + 1;
            }
        }
    }

    /// <summary>Moves <paramref name="item"/> one place up (<paramref name="up"/>) or down; false when it is first or last already.</summary>
    public static bool Move(IReadOnlyList<IProgramItem> siblings, IProgramItem item, bool up)
    {
        var ordered = siblings.OrderBy(s => s.Position).ThenBy(s => s.Id).ToList();
        var to = ordered.FindIndex(s => ReferenceEquals(s, item)) + (up ? -1 : 1);
        if (to < 0 || to >= ordered.Count)
        {
            return false;
        }

        Place(siblings, item, to + 1);
        return true;
    }
}
