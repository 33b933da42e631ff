using Qala.Engine.Indicators;
using Qala.Engine.Programs;
using Qala.Web.Data;
using Qala.Web.Features.Agencies;

namespace Qala.Web.Features.Programs;

/// <summary>What every item of a program's tree has: a title, a place among its siblings and a weight.</summary>
public interface IProgramItem : IVersioned
{
    int Id { get; }

    LocalizedText Title { get; set; }

    /// <summary>The place among its siblings, from 1.</summary>
    int Position { get; set; }

    /// <summary>Its share in its parent's roll-up.</summary>
    decimal Weight { get; set; }
}

/// <summary>A priority of a program ("comfortable city", "ecology and air quality").</summary>
public sealed class ProgramDirection : IProgramItem
{
    public int Id { get; set; }

    public int ProgramId { get; set; }

    public DevelopmentProgram? Program { get; set; }

    public int Position { get; set; }

    public required LocalizedText Title { get; set; }

    public decimal Weight { get; set; } = 1;

    public List<ProgramGoal> Goals { get; } = [];

    public Guid Version { get; set; }
}

/// <summary>A goal of a direction, measured by target indicators and reached through tasks.</summary>
public sealed class ProgramGoal : IProgramItem
{
    public int Id { get; set; }

    public int DirectionId { get; set; }

    public ProgramDirection? Direction { get; set; }

    public int Position { get; set; }

    public required LocalizedText Title { get; set; }

    public decimal Weight { get; set; } = 1;

    public List<GoalIndicator> Indicators { get; } = [];

    public List<ProgramTask> Tasks { get; } = [];

    public Guid Version { get; set; }
}

/// <summary>An indicator from the catalog that measures a goal; its targets are in the program version's target set.</summary>
public sealed class GoalIndicator
{
    public int Id { get; set; }

    public int GoalId { get; set; }

    public int IndicatorId { get; set; }

    public Indicators.Indicator? Indicator { get; set; }
}

/// <summary>A task of a goal: the group of roadmap activities that serve it.</summary>
public sealed class ProgramTask : IProgramItem
{
    public int Id { get; set; }

    public int GoalId { get; set; }

    public ProgramGoal? Goal { get; set; }

    public int Position { get; set; }

    public required LocalizedText Title { get; set; }

    public decimal Weight { get; set; } = 1;

    public List<RoadmapActivity> Activities { get; } = [];

    public Guid Version { get; set; }
}

/// <summary>Where the money of an activity comes from.</summary>
public enum FundingSource
{
    RepublicanBudget,
    LocalBudget,
    PublicPrivatePartnership,
    PrivateInvestment,
    Other,
}

/// <summary>
/// An activity of the roadmap: who answers for it, when it runs, what it costs and what it should bring, and how far
/// it has got by the reports of its agency.
/// </summary>
public sealed class RoadmapActivity : IProgramItem
{
    public int Id { get; set; }

    public int TaskId { get; set; }

    public ProgramTask? Task { get; set; }

    public int Position { get; set; }

    public required LocalizedText Title { get; set; }

    public decimal Weight { get; set; } = 1;

    /// <summary>The agency that answers for the activity and reports on it.</summary>
    public int ResponsibleAgencyId { get; set; }

    public Agency? ResponsibleAgency { get; set; }

    public List<ActivityCoExecutor> CoExecutors { get; } = [];

    public DateOnly StartDate { get; set; }

    public DateOnly DueDate { get; set; }

    public string? ExpectedResult { get; set; }

    public ActivityStatus Status { get; set; } = ActivityStatus.NotStarted;

    /// <summary>Percent complete, 0 to 100, as last reported.</summary>
    public decimal PercentComplete { get; set; }

    public List<ActivityBudgetLine> Budget { get; } = [];

    public List<ActivityReport> Reports { get; } = [];

    /// <summary>Each change of the dates or the planned money, with its reason.</summary>
    public List<ActivityReplan> Replans { get; } = [];

    public Guid Version { get; set; }

    /// <summary>The planned money of all funding sources; the budget lines are loaded.</summary>
    public decimal PlannedTotal => Budget.Sum(b => b.Planned);

    /// <summary>Whether moving to <paramref name="start"/>, <paramref name="due"/> and a planned total of <paramref name="planned"/> re-plans the activity.</summary>
    public bool IsReplannedBy(DateOnly start, DateOnly due, decimal planned) => start != StartDate || due != DueDate || planned != PlannedTotal;

    /// <summary>
    /// Records that the activity is re-planned to <paramref name="start"/>, <paramref name="due"/> and a planned total of
    /// <paramref name="planned"/> for <paramref name="reason"/>, by <paramref name="by"/> on <paramref name="on"/> (the
    /// day in Kazakhstan). Call it before the new values are applied: the row keeps the old ones beside the new.
    /// </summary>
    public ActivityReplan Replan(DateOnly start, DateOnly due, decimal planned, string reason, string by, DateOnly on, DateTimeOffset at)
    {
        var replan = new ActivityReplan
        {
            OldStart = StartDate,
            OldDue = DueDate,
            OldPlanned = PlannedTotal,
            NewStart = start,
            NewDue = due,
            NewPlanned = planned,
            Reason = reason,
            ChangedBy = by,
            ChangedOn = on,
            ChangedAt = at,
        };
        Replans.Add(replan);
        return replan;
    }

    /// <summary>
    /// What is wrong with an activity's dates and budget in <paramref name="program"/>, as (field, English message
    /// key) pairs: dates outside the program period, a due date before the start, negative money. Empty when valid.
    /// </summary>
    public static IEnumerable<(string Field, string Message)> Check(DevelopmentProgram program, DateOnly start, DateOnly due, IEnumerable<ActivityBudgetLine> budget)
    {
        if (!program.Covers(start))
        {
            yield return (nameof(StartDate), "The start date must lie within the program period.");
        }

        if (!program.Covers(due))
        {
            yield return (nameof(DueDate), "The due date must lie within the program period.");
        }

        if (due < start)
        {
            yield return (nameof(DueDate), "The due date cannot precede the start date.");
        }

        if (budget.Any(b => b.Planned < 0 || b.Actual < 0))
        {
            yield return (nameof(Budget), "Budgets cannot be negative.");
        }
    }

    /// <summary>Records a progress report, with its files, and moves the activity's status and percent complete with it.</summary>
    public ActivityReport Report(string text, decimal percentComplete, ActivityStatus status, DateOnly on, string by, DateTimeOffset at, IEnumerable<Infrastructure.Files.Attachment>? files = null)
    {
        var report = new ActivityReport { Text = text, PercentComplete = percentComplete, ReportedOn = on, ReportedBy = by, ReportedAt = at };
        report.Attachments.AddRange((files ?? []).Select(f => new ActivityReportAttachment { AttachmentId = f.Id, FileName = f.FileName }));
        Reports.Add(report);
        PercentComplete = percentComplete;
        Status = status == ActivityStatus.NotStarted && percentComplete > 0 ? ActivityStatus.InProgress : status;
        return report;
    }

    /// <summary>
    /// The activity on <paramref name="today"/>: expected progress, band by the configured <paramref name="thresholds"/>
    /// (<c>Qala:Indicators</c>) and whether it is overdue.
    /// </summary>
    public ActivityAssessment Assess(DateOnly today, StatusThresholds thresholds) =>
        ActivityProgress.Assess(Status, (double)PercentComplete, StartDate, DueDate, today, thresholds);
}

/// <summary>An agency that works on an activity beside the responsible one.</summary>
public sealed class ActivityCoExecutor
{
    public int ActivityId { get; set; }

    public int AgencyId { get; set; }

    public Agency? Agency { get; set; }
}

/// <summary>The planned and actual money of an activity from one funding source, in tenge.</summary>
public sealed class ActivityBudgetLine
{
    public int Id { get; set; }

    public int ActivityId { get; set; }

    public FundingSource Source { get; set; }

    public decimal Planned { get; set; }

    public decimal Actual { get; set; }
}

/// <summary>A progress report of an activity's agency.</summary>
public sealed class ActivityReport
{
    public int Id { get; set; }

    public int ActivityId { get; set; }

    public required string Text { get; set; }

    /// <summary>The day the report speaks of.</summary>
    public DateOnly ReportedOn { get; set; }

    public decimal PercentComplete { get; set; }

    /// <summary>The user name of the reporter.</summary>
    public required string ReportedBy { get; set; }

    public DateTimeOffset ReportedAt { get; set; }

    public List<ActivityReportAttachment> Attachments { get; } = [];
}

/// <summary>A file attached to a progress report, kept in the platform's attachment store.</summary>
public sealed class ActivityReportAttachment
{
    public int ReportId { get; set; }

    public Guid AttachmentId { get; set; }

    public string FileName { get; set; } = string.Empty;
}

/// <summary>A change of an activity's dates or planned money: the old and new values, why, who and when.</summary>
public sealed class ActivityReplan
{
    public int Id { get; set; }

    public int ActivityId { get; set; }

    public DateOnly OldStart { get; set; }

    public DateOnly OldDue { get; set; }

    /// <summary>The planned money of all funding sources before the change.</summary>
    public decimal OldPlanned { get; set; }

    public DateOnly NewStart { get; set; }

    public DateOnly NewDue { get; set; }

    public decimal NewPlanned { get; set; }

    public required string Reason { get; set; }

    /// <summary>The user name of whoever re-planned.</summary>
    public required string ChangedBy { get; set; }

    /// <summary>The day of the change in Kazakhstan.</summary>
    public DateOnly ChangedOn { get; set; }

    public DateTimeOffset ChangedAt { get; set; }
}
