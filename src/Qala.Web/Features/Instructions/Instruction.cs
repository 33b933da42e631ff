using Qala.Web.Data;
using Qala.Web.Features.Agencies;
using Qala.Web.Features.Indicators;
using Qala.Web.Features.Programs;
using Qala.Web.Features.Users;

namespace Qala.Web.Features.Instructions;

/// <summary>Where an instruction is in its control.</summary>
public enum InstructionStatus
{
    OnControl,
    ReportSubmitted,
    Accepted,
    Returned,
    ExtensionRequested,
    Removed,
}

/// <summary>Who watches over an instruction's execution.</summary>
public enum ControlLevel
{
    HeadOfState,
    Government,
    Akim,
    DeputyAkim,
}

/// <summary>How often the executor reports on the way to the deadline, if at all.</summary>
public enum InterimReporting
{
    None,
    Monthly,
    Quarterly,
}

/// <summary>
/// An instruction under control: what must be done (kk/ru/en), by whom (a lead agency and co-executors of the
/// akimat, or named outside bodies such as "the Government"), by when, at what control level, and how it went.
/// Every change of status goes through a guarded method that records who, when and why as an
/// <see cref="InstructionEvent"/>; a refused move returns the reason and changes nothing. Overdue is not stored:
/// <see cref="IsOverdueOn"/> tells it from the day in Asia/Almaty (<c>Deadlines.Today</c>).
/// </summary>
public sealed class Instruction : IVersioned, ITerritoryScoped
{
    public const int TextLength = 4000;
    public const int AddresseeLength = 500;
    public const int ReasonLength = 2000;

    public int Id { get; set; }

    public int MeetingId { get; set; }

    public Meeting? Meeting { get; set; }

    /// <summary>The meeting's territory, kept on the instruction for the scoped lists.</summary>
    public int TerritoryId { get; set; }

    /// <summary>The instruction's number within its meeting, from 1.</summary>
    public int Number { get; set; }

    public required LocalizedText Text { get; set; }

    public int? LeadAgencyId { get; set; }

    public Agency? LeadAgency { get; set; }

    /// <summary>Outside bodies named as addressees ("the Government", a ministry), as written.</summary>
    public string ExternalAddressees { get; set; } = string.Empty;

    public List<InstructionCoExecutor> CoExecutors { get; } = [];

    /// <summary>The deadline set at the meeting; extensions never change it.</summary>
    public DateOnly OriginalDeadline { get; private set; }

    /// <summary>The deadline in force: the original one or the last extension granted.</summary>
    public DateOnly Deadline { get; private set; }

    public InterimReporting InterimReporting { get; set; }

    public ControlLevel ControlLevel { get; set; }

    public int? GoalId { get; set; }

    public ProgramGoal? Goal { get; set; }

    public int? ActivityId { get; set; }

    public RoadmapActivity? Activity { get; set; }

    public int? IndicatorId { get; set; }

    public Indicator? Indicator { get; set; }

    public InstructionStatus Status { get; private set; }

    public DateTimeOffset StatusChangedAt { get; private set; }

    public string StatusChangedBy { get; private set; } = string.Empty;

    /// <summary>The day the accepted final report was submitted: what "executed on time" compares with the deadlines.</summary>
    public DateOnly? ExecutedOn { get; private set; }

    /// <summary>The new deadline an executor asked for while an extension is requested.</summary>
    public DateOnly? RequestedDeadline { get; private set; }

    public List<InstructionReport> Reports { get; } = [];

    public List<InstructionEvent> Events { get; } = [];

    public bool IsDemo { get; set; }

    public Guid Version { get; set; }

    public bool IsClosed => Status is InstructionStatus.Accepted or InstructionStatus.Removed;

    /// <summary>Whether the executor still owes the work: open and no report waiting for the controller.</summary>
    public bool AwaitsExecutor => Status is InstructionStatus.OnControl or InstructionStatus.Returned or InstructionStatus.ExtensionRequested;

    /// <summary>Overdue on <paramref name="today"/>: the executor still owes the work and the deadline day has ended.</summary>
    public bool IsOverdueOn(DateOnly today) => AwaitsExecutor && today > Deadline;

    /// <summary>Executed on time against the original deadline.</summary>
    public bool OnTimeOriginally => Status == InstructionStatus.Accepted && ExecutedOn <= OriginalDeadline;

    /// <summary>Executed on time against the deadline in force after extensions.</summary>
    public bool OnTimeAfterExtensions => Status == InstructionStatus.Accepted && ExecutedOn <= Deadline;

    /// <summary>Whether <paramref name="agencyId"/> executes the instruction (lead or co-executor) and so may report on it.</summary>
    public bool IsExecutor(int agencyId) => LeadAgencyId == agencyId || CoExecutors.Any(c => c.AgencyId == agencyId);

    /// <summary>A new instruction on control from <paramref name="at"/> with its deadline.</summary>
    public static Instruction Register(Meeting meeting, int number, LocalizedText text, DateOnly deadline, string by, DateTimeOffset at)
    {
        var instruction = new Instruction
        {
            Meeting = meeting,
            TerritoryId = meeting.TerritoryId,
            Number = number,
            Text = text,
            OriginalDeadline = deadline,
            Deadline = deadline,
            Status = InstructionStatus.OnControl,
            StatusChangedAt = at,
            StatusChangedBy = by,
        };
        instruction.Events.Add(new InstructionEvent { Kind = InstructionEventKind.Registered, At = at, By = by, Deadline = deadline });
        return instruction;
    }

    /// <summary>
    /// The days interim reports are due: every month or quarter after the meeting, before the deadline in force.
    /// Each one is late on its own when no interim report came by its day.
    /// </summary>
    public IReadOnlyList<DateOnly> InterimDueDates(DateOnly meetingDay)
    {
        var months = InterimReporting switch
        {
            InterimReporting.Monthly => 1,
            InterimReporting.Quarterly => 3,
            _ => 0,
        };
        var days = new List<DateOnly>();
        for (var step = 1; months > 0 && meetingDay.AddMonths(step * months) < Deadline; step++)
        {
            days.Add(meetingDay.AddMonths(step * months));
        }

        return days;
    }

    /// <summary>The interim due days before <paramref name="today"/> for which no interim report came by that day.</summary>
    public IReadOnlyList<DateOnly> LateInterimReports(DateOnly meetingDay, DateOnly today) =>
        [.. InterimDueDates(meetingDay).Where(due => due < today && !Reports.Any(r => r.IsInterim && r.SubmittedOn <= due && r.SubmittedOn > due.AddMonths(InterimReporting == InterimReporting.Monthly ? -1 : -3)))];

    /// <summary>
    /// The late interim reports the control board counts on <paramref name="today"/>: due days that passed without
    /// their report while the executor still owed reports — up to the accepted report's day once executed, none for
    /// an instruction removed from control.
    /// </summary>
    public int LateInterimCount(DateOnly meetingDay, DateOnly today) => CountedLateInterimReports(meetingDay, today).Count;

    /// <summary>The due days <see cref="LateInterimCount"/> counts, for the API.</summary>
    public IReadOnlyList<DateOnly> CountedLateInterimReports(DateOnly meetingDay, DateOnly today) => Status switch
    {
        InstructionStatus.Removed => [],
        InstructionStatus.Accepted when ExecutedOn is { } done && done < today => LateInterimReports(meetingDay, done),
        _ => LateInterimReports(meetingDay, today),
    };

    /// <summary>An executor agency's report: a final one waits for the controller's decision, an interim one only informs.</summary>
    public string? SubmitReport(InstructionReport report, int agencyId, string by, DateTimeOffset at)
    {
        if (!IsExecutor(agencyId))
        {
            return "Only an executor of the instruction reports on it.";
        }

        if (report.IsInterim)
        {
            if (IsClosed)
            {
                return "This instruction is no longer on control.";
            }
        }
        else if (Status is not (InstructionStatus.OnControl or InstructionStatus.Returned))
        {
            return "A report can be submitted while the instruction is on control or returned for rework.";
        }

        report.AgencyId = agencyId;
        report.SubmittedBy = by;
        report.SubmittedAt = at;
        Reports.Add(report);
        if (!report.IsInterim)
        {
            Move(InstructionStatus.ReportSubmitted, by, at);
        }

        Events.Add(new InstructionEvent { Kind = report.IsInterim ? InstructionEventKind.InterimReport : InstructionEventKind.ReportSubmitted, At = at, By = by, Report = report });
        return null;
    }

    /// <summary>The controller accepts the submitted report as execution.</summary>
    public string? Accept(string comment, string by, DateTimeOffset at)
    {
        if (Status != InstructionStatus.ReportSubmitted || LastFinalReport is not { } report)
        {
            return "Only a submitted report can be accepted.";
        }

        ExecutedOn = report.SubmittedOn;
        Move(InstructionStatus.Accepted, by, at);
        Events.Add(new InstructionEvent { Kind = InstructionEventKind.Accepted, At = at, By = by, Reason = comment, Report = report });
        return null;
    }

    /// <summary>The controller returns the submitted report for rework, with a comment saying what is missing.</summary>
    public string? Return(string comment, string by, DateTimeOffset at)
    {
        if (Status != InstructionStatus.ReportSubmitted || LastFinalReport is not { } report)
        {
            return "Only a submitted report can be returned.";
        }

        if (string.IsNullOrWhiteSpace(comment))
        {
            return "Say what is to be reworked.";
        }

        Move(InstructionStatus.Returned, by, at);
        Events.Add(new InstructionEvent { Kind = InstructionEventKind.Returned, At = at, By = by, Reason = comment, Report = report });
        return null;
    }

    /// <summary>An executor asks for a later deadline, with the reason.</summary>
    public string? RequestExtension(DateOnly deadline, string reason, int agencyId, string by, DateTimeOffset at)
    {
        if (!IsExecutor(agencyId))
        {
            return "Only an executor of the instruction asks for an extension.";
        }

        if (Status is not (InstructionStatus.OnControl or InstructionStatus.Returned))
        {
            return "An extension can be asked for while the instruction is on control or returned for rework.";
        }

        if (deadline <= Deadline)
        {
            return "The new deadline must be later than the one in force.";
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return "Give the reason for the extension.";
        }

        RequestedDeadline = deadline;
        Move(InstructionStatus.ExtensionRequested, by, at);
        Events.Add(new InstructionEvent { Kind = InstructionEventKind.ExtensionRequested, At = at, By = by, Reason = reason, Deadline = deadline });
        return null;
    }

    /// <summary>
    /// The controller grants an extension: the deadline in force becomes <paramref name="deadline"/> (the one asked
    /// for, or another later one) and the reason is kept; the original deadline stays. A controller may also extend
    /// without a request.
    /// </summary>
    public string? GrantExtension(DateOnly deadline, string reason, string by, DateTimeOffset at)
    {
        if (Status is not (InstructionStatus.ExtensionRequested or InstructionStatus.OnControl or InstructionStatus.Returned))
        {
            return "Only an instruction still on control can be extended.";
        }

        if (deadline <= Deadline)
        {
            return "The new deadline must be later than the one in force.";
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return "Give the reason for the extension.";
        }

        Deadline = deadline;
        RequestedDeadline = null;
        Move(InstructionStatus.OnControl, by, at);
        Events.Add(new InstructionEvent { Kind = InstructionEventKind.ExtensionGranted, At = at, By = by, Reason = reason, Deadline = deadline });
        return null;
    }

    /// <summary>The controller refuses the requested extension; the deadline in force stays.</summary>
    public string? RefuseExtension(string reason, string by, DateTimeOffset at)
    {
        if (Status != InstructionStatus.ExtensionRequested)
        {
            return "No extension has been asked for.";
        }

        RequestedDeadline = null;
        Move(InstructionStatus.OnControl, by, at);
        Events.Add(new InstructionEvent { Kind = InstructionEventKind.ExtensionRefused, At = at, By = by, Reason = reason });
        return null;
    }

    /// <summary>The controller removes the instruction from control (superseded, no longer relevant), with the reason.</summary>
    public string? RemoveFromControl(string reason, string by, DateTimeOffset at)
    {
        if (IsClosed)
        {
            return "This instruction is no longer on control.";
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return "Give the reason for removing the instruction from control.";
        }

        RequestedDeadline = null;
        Move(InstructionStatus.Removed, by, at);
        Events.Add(new InstructionEvent { Kind = InstructionEventKind.Removed, At = at, By = by, Reason = reason });
        return null;
    }

    /// <summary>
    /// Links the instruction to a program goal, a roadmap activity and an indicator, or clears a link (null). The
    /// caller has checked that each belongs to the instruction's territory.
    /// </summary>
    public void LinkTo(int? goalId, int? activityId, int? indicatorId)
    {
        GoalId = goalId;
        ActivityId = activityId;
        IndicatorId = indicatorId;
    }

    /// <summary>The instruction's text in Kazakh, Russian and English; refused when all three are blank or one is too long.</summary>
    public string? Reword(string kk, string ru, string en)
    {
        var texts = new[] { kk, ru, en }.Select(x => (x ?? string.Empty).Trim()).ToArray();
        if (texts.All(string.IsNullOrEmpty))
        {
            return "Every instruction needs its text.";
        }

        if (texts.Any(x => x.Length > TextLength))
        {
            return "The text is too long.";
        }

        Text = LocalizedText.Of(texts[0], texts[1], texts[2]);
        return null;
    }

    private InstructionReport? LastFinalReport => Reports.Where(r => !r.IsInterim).MaxBy(r => r.SubmittedAt);

    private void Move(InstructionStatus status, string by, DateTimeOffset at) =>
        (Status, StatusChangedBy, StatusChangedAt) = (status, by, at);
}

/// <summary>An agency of the akimat that executes an instruction beside the lead one.</summary>
public sealed class InstructionCoExecutor
{
    public int InstructionId { get; set; }

    public int AgencyId { get; set; }

    public Agency? Agency { get; set; }
}

/// <summary>A report of an executor agency: final (the instruction is executed, the controller decides) or interim.</summary>
public sealed class InstructionReport
{
    public const int TextLength = 8000;

    public long Id { get; set; }

    public int InstructionId { get; set; }

    public bool IsInterim { get; set; }

    public int AgencyId { get; set; }

    public Agency? Agency { get; set; }

    public string Text { get; set; } = string.Empty;

    /// <summary>The day of submission in Asia/Almaty: what the deadlines are compared with.</summary>
    public DateOnly SubmittedOn { get; set; }

    public DateTimeOffset SubmittedAt { get; set; }

    public string SubmittedBy { get; set; } = string.Empty;

    public List<InstructionReportAttachment> Attachments { get; } = [];
}

/// <summary>A file attached to a report, kept in the platform's attachment store.</summary>
public sealed class InstructionReportAttachment
{
    public long ReportId { get; set; }

    public Guid AttachmentId { get; set; }

    public string FileName { get; set; } = string.Empty;
}

public enum InstructionEventKind
{
    Registered,
    InterimReport,
    ReportSubmitted,
    Accepted,
    Returned,
    ExtensionRequested,
    ExtensionGranted,
    ExtensionRefused,
    Removed,
}

/// <summary>One step of an instruction's history: what happened, who did it, when and why.</summary>
public sealed class InstructionEvent
{
    public long Id { get; set; }

    public int InstructionId { get; set; }

    public InstructionEventKind Kind { get; set; }

    public DateTimeOffset At { get; set; }

    public string By { get; set; } = string.Empty;

    /// <summary>The comment or reason given.</summary>
    public string Reason { get; set; } = string.Empty;

    /// <summary>The deadline set: at registration, asked for, or granted.</summary>
    public DateOnly? Deadline { get; set; }

    public long? ReportId { get; set; }

    public InstructionReport? Report { get; set; }
}
