namespace Qala.Web.Features.Instructions;

/// <summary>
/// Counts of one agency's instructions (as lead executor) by status, overdue computed for today, and the interim
/// reports that were late (their due day passed before they came, or they have not come).
/// </summary>
public sealed record AgencyCounts(string Agency, int OnControl, int ReportSubmitted, int Returned, int ExtensionRequested, int Accepted, int Removed, int Overdue, int LateInterim);

/// <summary>
/// An agency's execution discipline in a period: the instructions due in it (not removed from control) and those
/// executed on time, both against the original deadline and against the deadline in force after extensions.
/// </summary>
public sealed record Discipline(string Agency, int DueOriginally, int OnTimeOriginally, int DueAfterExtensions, int OnTimeAfterExtensions)
{
    /// <summary>Executed on time ÷ due, on the original deadline; null when nothing was due.</summary>
    public double? Original => DueOriginally == 0 ? null : (double)OnTimeOriginally / DueOriginally;

    /// <summary>Executed on time ÷ due, on the deadline after extensions; null when nothing was due.</summary>
    public double? AfterExtensions => DueAfterExtensions == 0 ? null : (double)OnTimeAfterExtensions / DueAfterExtensions;
}

/// <summary>The control board: totals by status, by agency, what is overdue and due this week, and discipline.</summary>
public sealed record BoardFigures(
    IReadOnlyDictionary<InstructionStatus, int> ByStatus,
    int Overdue,
    IReadOnlyList<AgencyCounts> ByAgency,
    IReadOnlyList<InstructionLine> OverdueLines,
    IReadOnlyList<InstructionLine> DueThisWeek,
    IReadOnlyList<Discipline> Discipline,
    DateOnly From,
    DateOnly To);

public static class ControlBoard
{
    /// <summary>The name used for instructions without a lead agency of the akimat (only outside addressees).</summary>
    public const string NoAgency = "—";

    /// <summary>
    /// The board's figures from the register's lines (already filtered by meeting, chair, territory, agency; with
    /// their interim reports and meetings loaded), for
    /// <paramref name="today"/> and the discipline period <paramref name="from"/>–<paramref name="to"/> (both days
    /// included). The week is Monday to Sunday.
    /// </summary>
    public static BoardFigures Compute(IReadOnlyList<InstructionLine> lines, DateOnly today, DateOnly from, DateOnly to)
    {
        var byStatus = Enum.GetValues<InstructionStatus>().ToDictionary(s => s, s => lines.Count(l => l.Instruction.Status == s));
        var endOfWeek = today.AddDays((7 - ((int)today.DayOfWeek + 6) % 7) - 1);
        var byAgency = lines.GroupBy(AgencyOf).OrderBy(g => g.Key, StringComparer.CurrentCulture)
            .Select(g => new AgencyCounts(
                g.Key,
                g.Count(l => l.Instruction.Status == InstructionStatus.OnControl),
                g.Count(l => l.Instruction.Status == InstructionStatus.ReportSubmitted),
                g.Count(l => l.Instruction.Status == InstructionStatus.Returned),
                g.Count(l => l.Instruction.Status == InstructionStatus.ExtensionRequested),
                g.Count(l => l.Instruction.Status == InstructionStatus.Accepted),
                g.Count(l => l.Instruction.Status == InstructionStatus.Removed),
                g.Count(l => l.IsOverdue),
                g.Sum(l => l.Instruction.LateInterimCount(l.Instruction.Meeting!.HeldOn, today))))
            .ToList();
        var discipline = lines.Where(l => l.Instruction.Status != InstructionStatus.Removed).GroupBy(AgencyOf).OrderBy(g => g.Key, StringComparer.CurrentCulture)
            .Select(g =>
            {
                var original = g.Where(l => l.Instruction.OriginalDeadline >= from && l.Instruction.OriginalDeadline <= to).ToList();
                var extended = g.Where(l => l.Instruction.Deadline >= from && l.Instruction.Deadline <= to).ToList();
                return new Discipline(
                    g.Key,
                    original.Count,
                    original.Count(l => l.Instruction.OnTimeOriginally),
                    extended.Count,
                    extended.Count(l => l.Instruction.OnTimeAfterExtensions));
            })
            .Where(d => d.DueOriginally > 0 || d.DueAfterExtensions > 0)
            .ToList();
        return new BoardFigures(
            byStatus,
            lines.Count(l => l.IsOverdue),
            byAgency,
            [.. lines.Where(l => l.IsOverdue)],
            [.. lines.Where(l => l.Instruction.AwaitsExecutor && l.Instruction.Deadline >= today && l.Instruction.Deadline <= endOfWeek)],
            discipline,
            from,
            to);
    }

    private static string AgencyOf(InstructionLine line) => line.Instruction.LeadAgency?.Name.Current ?? NoAgency;
}
