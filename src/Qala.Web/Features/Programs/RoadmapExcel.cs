using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qala.Engine.Calendar;
using Qala.Engine.Programs;
using Qala.Web.Data;
using Qala.Web.Features.Agencies;
using Qala.Web.Features.Territories;
using Qala.Web.Infrastructure.Calendar;
using Qala.Web.Infrastructure.Documents;
using Qala.Web.Infrastructure.Imports;

namespace Qala.Web.Features.Programs;

/// <summary>
/// The roadmap of a program as a workbook that agencies edit offline and <see cref="RoadmapImport"/> reads back: one
/// activity a row, its ID and version (which must not be edited), titles, responsible agency, dates, status, percent
/// complete and the planned and actual money of every funding source.
/// </summary>
public static class RoadmapWorkbook
{
    public const string Id = "id";
    public const string Version = "version";
    public const string Task = "task";
    public const string TitleKk = "title_kk";
    public const string TitleRu = "title_ru";
    public const string TitleEn = "title_en";
    public const string Agency = "agency";
    public const string Start = "start";
    public const string Due = "due";
    public const string Status = "status";
    public const string PercentComplete = "percent_complete";
    public const string ReplanReason = "replan_reason";

    /// <summary>The funding sources with the suffix of their columns: planned_ppp, actual_ppp…</summary>
    public static IReadOnlyList<(FundingSource Source, string Key)> Sources { get; } =
    [
        (FundingSource.RepublicanBudget, "republican"),
        (FundingSource.LocalBudget, "local"),
        (FundingSource.PublicPrivatePartnership, "ppp"),
        (FundingSource.PrivateInvestment, "private"),
        (FundingSource.Other, "other"),
    ];

    public static IReadOnlyList<string> Columns { get; } =
    [
        Id, Version, Task, TitleKk, TitleRu, TitleEn, Agency, Start, Due, Status, PercentComplete,
        .. Sources.SelectMany(s => new[] { Planned(s.Key), Actual(s.Key) }),
        ReplanReason,
    ];

    public static string Planned(string key) => "planned_" + key;

    public static string Actual(string key) => "actual_" + key;

    /// <summary>The roadmap of <paramref name="tree"/> as a report whose one table is the workbook's sheet.</summary>
    public static ReportDocument Of(ProgramTree tree, IStringLocalizer t)
    {
        var rows = tree.Directions.SelectMany(d => d.Goals.SelectMany(g => g.Tasks.SelectMany(task => task.Activities.Select(a => (IReadOnlyList<object?>)
        [
            a.Activity.Id,
            a.Activity.Version.ToString(),
            $"{d.Direction.Position}.{g.Goal.Position}.{task.Task.Position}. {task.Task.Title.Current}",
            a.Activity.Title.Kk,
            a.Activity.Title.Ru,
            a.Activity.Title.En,
            a.Activity.ResponsibleAgency!.Code,
            a.Activity.StartDate,
            a.Activity.DueDate,
            a.Activity.Status.ToString(),
            a.Activity.PercentComplete,
            .. Sources.SelectMany(s => a.Activity.Budget.FirstOrDefault(b => b.Source == s.Source) is { } line
                ? new object?[] { line.Planned, line.Actual }
                : [0m, 0m]),
            string.Empty,
        ])))).ToList();
        var columns = Columns.Select(c => c switch
        {
            Id => new ReportColumn(c, ColumnKind.WholeNumber),
            Start or Due => new ReportColumn(c, ColumnKind.Date),
            PercentComplete => new ReportColumn(c, ColumnKind.Number, 1),
            _ when c.StartsWith("planned_", StringComparison.Ordinal) || c.StartsWith("actual_", StringComparison.Ordinal) => new ReportColumn(c, ColumnKind.Number, 2),
            _ => new ReportColumn(c),
        }).ToList();
        return new ReportDocument(
            string.Format(CultureInfo.CurrentCulture, t["Roadmap: {0}"], tree.Program.Name.Current),
            [new ReportTable("Roadmap", columns, rows)]);
    }
}

/// <summary>A row of a roadmap workbook: the new state of one existing activity.</summary>
public sealed record RoadmapRow(
    int ActivityId,
    Guid Version,
    LocalizedText Title,
    int AgencyId,
    DateOnly Start,
    DateOnly Due,
    ActivityStatus Status,
    decimal PercentComplete,
    IReadOnlyList<ActivityBudgetLine> Budget,
    string? ReplanReason);

/// <summary>
/// Reads an edited roadmap workbook (<see cref="RoadmapWorkbook"/>) back into the activities of one program. Only
/// activities of that program are changed; an unknown or foreign ID, or a row of an activity changed in Qala since the
/// file was exported, is refused. Dates and money are checked with <see cref="RoadmapActivity.Check"/>. Once the
/// program is approved, a row that moves the dates or the planned money gives its reason in <c>replan_reason</c>,
/// which the activity's re-planning history keeps.
/// </summary>
public sealed class RoadmapImport(QalaDbContext db, Deadlines deadlines) : ImportDefinition<RoadmapRow>
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm:ss"];

    private DevelopmentProgram program = null!;
    private Dictionary<int, RoadmapActivity> activities = [];
    private HashSet<int> elsewhere = [];
    private Dictionary<string, int> agencies = [];

    /// <summary>The program whose roadmap is imported; the page sets it.</summary>
    public int ProgramId { get; set; }

    /// <summary>
    /// Whether only progress may change (status, percent complete, actual money), as agencies report it: an approved
    /// program without an open amendment. A row that changes anything else is refused by column.
    /// </summary>
    public bool ProgressOnly { get; set; }

    public override string Kind => string.Create(CultureInfo.InvariantCulture, $"program-roadmap-{ProgramId}");

    public override IReadOnlyList<string> RequiredColumns => RoadmapWorkbook.Columns.Where(c => c is not (RoadmapWorkbook.Task or RoadmapWorkbook.ReplanReason)).ToList();

    public override async Task PrepareAsync(string fileName, List<ImportError> errors, CancellationToken cancellationToken)
    {
        program = await db.Set<DevelopmentProgram>().AsNoTracking().SingleAsync(p => p.Id == ProgramId, cancellationToken);
        activities = await db.Set<RoadmapActivity>().AsNoTracking().Include(a => a.Budget)
            .Where(a => a.Task!.Goal!.Direction!.ProgramId == ProgramId).ToDictionaryAsync(a => a.Id, cancellationToken);
        elsewhere = [.. await db.Set<RoadmapActivity>().Where(a => a.Task!.Goal!.Direction!.ProgramId != ProgramId).Select(a => a.Id).ToListAsync(cancellationToken)];
        var territories = await db.Set<Territory>().AsNoTracking().Select(t => new { t.Id, t.ParentId }).ToListAsync(cancellationToken);
        var within = new HashSet<int> { program.TerritoryId };
        for (var added = true; added;)
        {
            added = false;
            foreach (var territory in territories.Where(t => t.ParentId is { } parent && within.Contains(parent)))
            {
                added |= within.Add(territory.Id);
            }
        }

        agencies = await db.Set<Agency>().AsNoTracking().Where(a => a.IsActive && within.Contains(a.TerritoryId))
            .ToDictionaryAsync(a => a.Code, a => a.Id, StringComparer.OrdinalIgnoreCase, cancellationToken);
    }

    public override Task<RoadmapRow?> ParseAsync(TabularRow row, List<ImportError> errors, CancellationToken cancellationToken)
    {
        var before = errors.Count;
        void Fail(string column, string message) => errors.Add(new ImportError(row.RowNumber, column, Value(column), message));
        string Value(string column) => (row.Find(column)?.Value ?? string.Empty).Trim();

        RoadmapActivity? activity = null;
        if (!int.TryParse(Value(RoadmapWorkbook.Id), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            Fail(RoadmapWorkbook.Id, "No activity of this program has this ID.");
        }
        else if (elsewhere.Contains(id))
        {
            Fail(RoadmapWorkbook.Id, "This activity belongs to another program.");
        }
        else if (!activities.TryGetValue(id, out activity))
        {
            Fail(RoadmapWorkbook.Id, "No activity of this program has this ID.");
        }

        if (!Guid.TryParse(Value(RoadmapWorkbook.Version), out var version) || (activity is not null && activity.Version != version))
        {
            Fail(RoadmapWorkbook.Version, "The activity has changed since the file was exported. Export the roadmap again and repeat your edits.");
        }

        var title = LocalizedText.Of(Value(RoadmapWorkbook.TitleKk), Value(RoadmapWorkbook.TitleRu), Value(RoadmapWorkbook.TitleEn));
        foreach (var (column, text) in new[] { (RoadmapWorkbook.TitleKk, title.Kk), (RoadmapWorkbook.TitleRu, title.Ru), (RoadmapWorkbook.TitleEn, title.En) })
        {
            if (text.Length is 0 or > 400)
            {
                Fail(column, "Give a title of up to 400 characters.");
            }
        }

        if (!agencies.TryGetValue(Value(RoadmapWorkbook.Agency), out var agencyId))
        {
            Fail(RoadmapWorkbook.Agency, "No agency of the program's territory has this code.");
        }

        DateOnly? Day(string column)
        {
            if (DateOnly.TryParseExact(Value(column), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return day;
            }

            Fail(column, "Give a date as YYYY-MM-DD.");
            return null;
        }

        var start = Day(RoadmapWorkbook.Start);
        var due = Day(RoadmapWorkbook.Due);
        var statusText = Value(RoadmapWorkbook.Status);
        if (!Enum.TryParse<ActivityStatus>(statusText, ignoreCase: true, out var status) || !Enum.IsDefined(status) || statusText.Any(char.IsDigit))
        {
            Fail(RoadmapWorkbook.Status, "The status is one of NotStarted, InProgress, Completed and Cancelled.");
        }

        decimal? Money(string column)
        {
            var text = Value(column);
            if (text.Length == 0)
            {
                return 0;
            }

            if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) && Math.Abs(amount) < 1e17m)
            {
                // Stored with two decimals, as the database keeps money and percentages.
                return Math.Round(amount, 2);
            }

            Fail(column, "Give a number.");
            return null;
        }

        var percent = Money(RoadmapWorkbook.PercentComplete);
        if (percent is < 0 or > 100)
        {
            Fail(RoadmapWorkbook.PercentComplete, "Percent complete is between 0 and 100.");
        }

        var budget = new List<ActivityBudgetLine>();
        foreach (var (source, key) in RoadmapWorkbook.Sources)
        {
            var (planned, actual) = (Money(RoadmapWorkbook.Planned(key)), Money(RoadmapWorkbook.Actual(key)));
            if (planned is { } p && actual is { } a)
            {
                budget.Add(new ActivityBudgetLine { Source = source, Planned = p, Actual = a });
                if (p < 0 || a < 0)
                {
                    Fail(p < 0 ? RoadmapWorkbook.Planned(key) : RoadmapWorkbook.Actual(key), "Budgets cannot be negative.");
                }
            }
        }

        if (start is { } s && due is { } d)
        {
            foreach (var (field, message) in RoadmapActivity.Check(program, s, d, []))
            {
                Fail(field == nameof(RoadmapActivity.StartDate) ? RoadmapWorkbook.Start : RoadmapWorkbook.Due, message);
            }
        }

        if (ProgressOnly && activity is not null)
        {
            foreach (var column in StructuralChanges(activity, title, agencyId, start, due, budget))
            {
                Fail(column, "Without an open amendment only the status, percent complete and actual money change: this column is part of the approved plan.");
            }
        }

        var reason = Value(RoadmapWorkbook.ReplanReason);
        if (reason.Length > 2000)
        {
            Fail(RoadmapWorkbook.ReplanReason, "Give a reason of up to 2,000 characters.");
        }
        else if (!ProgressOnly && reason.Length == 0 && ProgramAmendments.Amends(program.Status) && activity is not null && start is { } newStart && due is { } newDue
            && budget.Count == RoadmapWorkbook.Sources.Count && activity.IsReplannedBy(newStart, newDue, budget.Sum(b => b.Planned)))
        {
            Fail(RoadmapWorkbook.ReplanReason, "Give the reason for re-planning: the dates or the planned budget change.");
        }

        return Task.FromResult(errors.Count > before
            ? null
            : new RoadmapRow(id, version, title, agencyId, start!.Value, due!.Value, status, percent!.Value, budget, reason.Length == 0 ? null : reason));
    }

    public override string KeyOf(RoadmapRow row) => row.ActivityId.ToString(CultureInfo.InvariantCulture);

    public override string Label(RoadmapRow row) => $"{row.ActivityId.ToString(CultureInfo.InvariantCulture)} {row.Title.En}";

    public override Task<IReadOnlyList<ImportOutcome>> CompareAsync(IReadOnlyList<RoadmapRow> rows, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ImportOutcome>>([.. rows.Select(r => Differs(activities[r.ActivityId], r) ? ImportOutcome.Changed : ImportOutcome.Unchanged)]);

    public override async Task ApplyAsync(IReadOnlyList<(RoadmapRow Row, ImportOutcome Outcome)> rows, ImportBatch batch, CancellationToken cancellationToken)
    {
        var changed = rows.Where(r => r.Outcome == ImportOutcome.Changed).Select(r => r.Row).ToList();
        var ids = changed.Select(r => r.ActivityId).ToList();
        var tracked = await db.Set<RoadmapActivity>().Include(a => a.Budget).Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
        foreach (var row in changed)
        {
            var activity = tracked[row.ActivityId];

            // The version of the file: an edit saved in Qala since the export makes the save fail instead of being lost.
            db.Entry(activity).Property(a => a.Version).OriginalValue = row.Version;
            var planned = row.Budget.Sum(b => b.Planned);
            if (ProgramAmendments.Amends(program.Status) && activity.IsReplannedBy(row.Start, row.Due, planned))
            {
                activity.Replan(row.Start, row.Due, planned, row.ReplanReason!, batch.ImportedBy ?? string.Empty, DeadlineClock.Today(batch.ImportedAt, deadlines.Zone), batch.ImportedAt);
            }

            (activity.Title, activity.ResponsibleAgencyId, activity.StartDate, activity.DueDate, activity.Status, activity.PercentComplete) =
                (row.Title, row.AgencyId, row.Start, row.Due, row.Status, row.PercentComplete);
            foreach (var input in row.Budget)
            {
                var line = activity.Budget.FirstOrDefault(b => b.Source == input.Source);
                if (line is null && (input.Planned != 0 || input.Actual != 0))
                {
                    activity.Budget.Add(input);
                }
                else if (line is not null && (line.Planned != input.Planned || line.Actual != input.Actual))
                {
                    (line.Planned, line.Actual) = (input.Planned, input.Actual);
                }
            }
        }
    }

    public override string Describe(RoadmapRow row, ImportOutcome outcome) =>
        string.Create(CultureInfo.InvariantCulture, $"{Label(row)}: {row.Start:yyyy-MM-dd} – {row.Due:yyyy-MM-dd}, {row.Status}, {row.PercentComplete} %");

    // The columns of a row that differ from the activity's approved plan: titles, agency, dates and planned money.
    private static List<string> StructuralChanges(RoadmapActivity activity, LocalizedText title, int agencyId, DateOnly? start, DateOnly? due, List<ActivityBudgetLine> budget)
    {
        var changes = new List<string>();
        changes.AddRange(new[] { (RoadmapWorkbook.TitleKk, activity.Title.Kk, title.Kk), (RoadmapWorkbook.TitleRu, activity.Title.Ru, title.Ru), (RoadmapWorkbook.TitleEn, activity.Title.En, title.En) }
            .Where(t => t.Item2 != t.Item3).Select(t => t.Item1));
        if (agencyId != 0 && agencyId != activity.ResponsibleAgencyId)
        {
            changes.Add(RoadmapWorkbook.Agency);
        }

        if (start is { } s && s != activity.StartDate)
        {
            changes.Add(RoadmapWorkbook.Start);
        }

        if (due is { } d && d != activity.DueDate)
        {
            changes.Add(RoadmapWorkbook.Due);
        }

        changes.AddRange(budget.Where(b => b.Planned != (activity.Budget.FirstOrDefault(l => l.Source == b.Source)?.Planned ?? 0))
            .Select(b => RoadmapWorkbook.Planned(RoadmapWorkbook.Sources.Single(x => x.Source == b.Source).Key)));
        return changes;
    }

    private static bool Differs(RoadmapActivity activity, RoadmapRow row) =>
        activity.Title.Kk != row.Title.Kk || activity.Title.Ru != row.Title.Ru || activity.Title.En != row.Title.En
        || activity.ResponsibleAgencyId != row.AgencyId || activity.StartDate != row.Start || activity.DueDate != row.Due
        || activity.Status != row.Status || activity.PercentComplete != row.PercentComplete
        || row.Budget.Any(input => activity.Budget.FirstOrDefault(b => b.Source == input.Source) is { } line
            ? line.Planned != input.Planned || line.Actual != input.Actual
            : input.Planned != 0 || input.Actual != 0);
}
