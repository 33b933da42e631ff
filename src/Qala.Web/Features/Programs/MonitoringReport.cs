using System.Globalization;
using Microsoft.Extensions.Localization;
using Qala.Engine.Indicators;
using Qala.Engine.Programs;
using Qala.Web.Infrastructure.Documents;

namespace Qala.Web.Features.Programs;

/// <summary>The quarter or year a monitoring report speaks of.</summary>
public sealed record ReportPeriod(int Year, int? Quarter)
{
    public DateOnly From => new(Year, Quarter is { } q ? (3 * q) - 2 : 1, 1);

    public DateOnly To => Quarter is { } q ? new DateOnly(Year, 3 * q, 1).AddMonths(1).AddDays(-1) : new DateOnly(Year, 12, 31);

    /// <summary>A period of a real year and, if given, a quarter from 1 to 4.</summary>
    public bool IsValid => Year is >= 2000 and <= 2100 && Quarter is null or (>= 1 and <= 4);

    /// <summary>The day the report assesses the program on: the period's last day, or today while the period runs.</summary>
    public DateOnly AsOf(DateOnly today) => To < today ? To : today;
}

/// <summary>
/// The monitoring report of a program for a quarter or a year: progress by direction, the scorecard of target
/// indicators, lagging indicators, overdue activities and budget execution by funding source. One
/// <see cref="ReportDocument"/> is the print-ready page, the .docx and the .xlsx alike.
/// </summary>
public static class MonitoringReport
{
    /// <summary>
    /// The report of <paramref name="tree"/> (loaded as of the period's <see cref="ReportPeriod.AsOf"/> day) in the
    /// current UI language; <paramref name="replans"/> are the re-plannings of its activities made in the period.
    /// </summary>
    public static ReportDocument Build(ProgramTree tree, ReportPeriod period, IReadOnlyList<ActivityReplan> replans, StatusThresholds thresholds, IStringLocalizer t)
    {
        var culture = CultureInfo.CurrentCulture;
        var program = tree.Program;
        var periodText = period.Quarter is { } quarter
            ? string.Format(culture, t["Quarter {0} of {1}"], quarter, period.Year)
            : string.Format(culture, t["Year {0}"], period.Year);
        var indicators = tree.Directions.SelectMany(d => d.Goals.SelectMany(g => g.Indicators.Select(i => (Direction: d, Goal: g, Indicator: i)))).ToList();
        var lagging = indicators.Where(i => IndicatorBand(i.Indicator, thresholds) is ProgressBand.AtRisk or ProgressBand.OffTrack).ToList();
        var overdue = tree.Activities.Where(a => a.Assessment.IsOverdue).OrderBy(a => a.Activity.DueDate).ThenBy(a => a.Activity.Id).ToList();
        var budget = tree.Activities.SelectMany(a => a.Activity.Budget).GroupBy(b => b.Source).OrderBy(g => g.Key)
            .Select(g => (Source: g.Key, Planned: g.Sum(b => b.Planned), Actual: g.Sum(b => b.Actual))).ToList();
        var activities = tree.Activities.ToDictionary(a => a.Activity.Id, a => a.Activity);
        var replanned = replans.Where(r => activities.ContainsKey(r.ActivityId)).OrderBy(r => r.ChangedOn).ThenBy(r => r.Id).ToList();
        var planned = budget.Sum(b => b.Planned);
        var actual = budget.Sum(b => b.Actual);

        IReadOnlyList<ReportColumn> indicatorColumns =
        [
            new(t["Goal"]), new(t["Indicator"]), new(t["Unit"]), new(t["Latest value"], ColumnKind.Number, 1), new(t["Year"]),
            new(t["Target"], ColumnKind.Number, 1), new(t["Target year"]), new(t["Achievement"], ColumnKind.Percent, 1), new(t["Status"]),
        ];
        IEnumerable<IReadOnlyList<object?>> IndicatorRows(IEnumerable<(DirectionNode Direction, GoalNode Goal, GoalIndicatorNode Indicator)> rows) => rows.Select(r => (IReadOnlyList<object?>)
        [
            $"{r.Direction.Direction.Position}.{r.Goal.Goal.Position}. {r.Goal.Goal.Title.Current}",
            $"{r.Indicator.Indicator.Code} {r.Indicator.Indicator.Name.Current}",
            r.Indicator.Indicator.Unit,
            r.Indicator.Value,
            r.Indicator.Year,
            r.Indicator.Target,
            r.Indicator.TargetYear,
            r.Indicator.Achievement / 100,
            t[ProgramText.Band(IndicatorBand(r.Indicator, thresholds))].Value,
        ]).ToList();

        List<ReportBlock> blocks =
        [
            new ReportHeading(t["Progress by direction"]),
            new ReportTable(
                t["Directions"],
                [new ReportColumn(t["Direction"]), new ReportColumn(t["Progress"], ColumnKind.Percent, 1), new ReportColumn(t["Expected"], ColumnKind.Percent, 1), new ReportColumn(t["Status"])],
                [
                    .. tree.Directions.Select(d => (IReadOnlyList<object?>)[$"{d.Direction.Position}. {d.Direction.Title.Current}", d.Rollup.Percent / 100, d.Rollup.Expected / 100, t[ProgramText.Band(d.Rollup.Band)].Value]),
                    [t["Program"].Value, tree.Rollup.Percent / 100, tree.Rollup.Expected / 100, t[ProgramText.Band(tree.Rollup.Band)].Value],
                ]),
            new ReportHeading(t["Scorecard of target indicators"]),
            indicators.Count == 0 ? new ReportParagraph(t["The program has no target indicators."]) : new ReportTable(t["Target indicators"], indicatorColumns, IndicatorRows(indicators)),
            new ReportHeading(t["Lagging indicators"]),
            lagging.Count == 0 ? new ReportParagraph(t["No target indicator lags behind."]) : new ReportTable(t["Lagging indicators"], indicatorColumns, IndicatorRows(lagging)),
            new ReportHeading(t["Overdue activities"]),
            overdue.Count == 0
                ? new ReportParagraph(t["No activity is overdue."])
                : new ReportTable(
                    t["Overdue activities"],
                    [new ReportColumn(t["ID"], ColumnKind.WholeNumber), new ReportColumn(t["Activity"]), new ReportColumn(t["Responsible agency"]), new ReportColumn(t["Due"], ColumnKind.Date), new ReportColumn(t["Complete"], ColumnKind.Percent, 1), new ReportColumn(t["Status"])],
                    [.. overdue.Select(a => (IReadOnlyList<object?>)[a.Activity.Id, a.Activity.Title.Current, a.Activity.ResponsibleAgency!.Name.Current, a.Activity.DueDate, a.Assessment.Complete / 100, t[ProgramText.ActivityStatus(a.Activity.Status)].Value])]),
            new ReportHeading(t["Re-planned activities"]),
            new ReportParagraph(string.Format(culture, t["Activities re-planned in the period: {0} (changes: {1})."], replanned.Select(r => r.ActivityId).Distinct().Count(), replanned.Count)),
            .. replanned.Count == 0
                ? Array.Empty<ReportBlock>()
                : [new ReportTable(
                    t["Re-planned activities"],
                    [
                        new ReportColumn(t["ID"], ColumnKind.WholeNumber), new ReportColumn(t["Activity"]), new ReportColumn(t["Day"], ColumnKind.Date),
                        new ReportColumn(t["Due before"], ColumnKind.Date), new ReportColumn(t["Due after"], ColumnKind.Date),
                        new ReportColumn(t["Planned before, tenge"], ColumnKind.WholeNumber), new ReportColumn(t["Planned after, tenge"], ColumnKind.WholeNumber), new ReportColumn(t["Reason"]),
                    ],
                    [.. replanned.Select(r => (IReadOnlyList<object?>)[r.ActivityId, activities[r.ActivityId].Title.Current, r.ChangedOn, r.OldDue, r.NewDue, r.OldPlanned, r.NewPlanned, r.Reason])])],
            new ReportHeading(t["Budget execution by funding source"]),
            budget.Count == 0
                ? new ReportParagraph(t["No budget is planned."])
                : new ReportTable(
                    t["Budget"],
                    [new ReportColumn(t["Funding source"]), new ReportColumn(t["Planned, tenge"], ColumnKind.WholeNumber), new ReportColumn(t["Actual, tenge"], ColumnKind.WholeNumber), new ReportColumn(t["Execution"], ColumnKind.Percent, 1)],
                    [
                        .. budget.Select(b => (IReadOnlyList<object?>)[t[ProgramText.Source(b.Source)].Value, b.Planned, b.Actual, Execution(b.Planned, b.Actual)]),
                        [t["Total"].Value, planned, actual, Execution(planned, actual)],
                    ]),
        ];

        return new ReportDocument(string.Format(culture, t["Monitoring report: {0}"], program.Name.Current), blocks)
        {
            Subtitle = periodText,
            Metadata =
            [
                $"{t["Territory"]}: {program.Territory!.Name.Current}",
                $"{t["Period"]}: {program.PeriodFrom.ToString("d", culture)} – {program.PeriodTo.ToString("d", culture)}",
                $"{t["Version"]}: {tree.Current.Number}",
                $"{t["As of"]}: {tree.Today.ToString("d", culture)}",
            ],
        };
    }

    /// <summary>A target indicator's band: its achievement graded like an activity's performance (100 % is on track).</summary>
    public static ProgressBand IndicatorBand(GoalIndicatorNode indicator, StatusThresholds thresholds) =>
        indicator.Achievement is { } achievement ? ActivityProgress.Grade(achievement / 100, thresholds) : ProgressBand.NoData;

    private static double? Execution(decimal planned, decimal actual) => planned == 0 ? null : (double)(actual / planned);
}
