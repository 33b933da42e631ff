using Qala.Engine.Investment;
using Qala.Web.Data;

namespace Qala.Web.Features.Investment;

/// <summary>One step of a participant's or project's lifecycle, with its day and reason: the history the figures come from.</summary>
public abstract class LifecycleEntry
{
    public long Id { get; set; }

    public LifecycleStage Stage { get; set; }

    public DateOnly On { get; set; }

    public string Reason { get; set; } = string.Empty;

    public string RecordedBy { get; set; } = string.Empty;

    public DateTimeOffset RecordedAt { get; set; }

    /// <summary>Why the day was last corrected (<see cref="Undertaking{TStep, TYear}.CorrectDay"/>), or empty when it never was.</summary>
    public string CorrectionReason { get; set; } = string.Empty;

    public string CorrectedBy { get; set; } = string.Empty;

    public DateTimeOffset? CorrectedAt { get; set; }
}

/// <summary>Planned and actual investment of one year, in tenge.</summary>
public abstract class InvestmentYear
{
    public int Year { get; set; }

    public decimal Planned { get; set; }

    public decimal Actual { get; set; }
}

/// <summary>
/// What a zone participant and a pipeline project share: the company (name, BIN, OKED), the flags the seeds ask
/// for, jobs, investment by year and the lifecycle applied → registered → under construction → commissioned |
/// withdrawn | excluded, whose every move is a history row with its day and reason.
/// </summary>
public abstract class Undertaking<TStep, TYear> : IVersioned, IMapped
    where TStep : LifecycleEntry, new()
    where TYear : InvestmentYear, new()
{
    public const int CompanyNameLength = 300;

    public int Id { get; set; }

    public string CompanyName { get; set; } = string.Empty;

    /// <summary>The company's business identification number, twelve digits with a valid check digit (<see cref="Engine.Investment.Bin"/>).</summary>
    public string Bin { get; set; } = string.Empty;

    /// <summary>The activity's OKED code in its dotted form (<see cref="Oked"/>).</summary>
    public string Oked { get; set; } = string.Empty;

    /// <summary>What the company builds or makes.</summary>
    public string Description { get; set; } = string.Empty;

    public bool IsAnchor { get; set; }

    public bool IsHighTech { get; set; }

    public bool IsExportOriented { get; set; }

    public int PlannedJobs { get; set; }

    public int ActualJobs { get; set; }

    /// <summary>Where it is on the map (WGS 84 degrees), or null when not placed (<see cref="Coordinates"/>).</summary>
    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    public LifecycleStage Stage { get; private set; }

    /// <summary>The day the current stage was reached.</summary>
    public DateOnly StageOn { get; private set; }

    public List<TStep> Steps { get; } = [];

    public List<TYear> Years { get; } = [];

    /// <summary>Whether it was loaded as demonstration data.</summary>
    public bool IsDemo { get; set; }

    public Guid Version { get; set; }

    public decimal PlannedInvestment => Years.Sum(y => y.Planned);

    public decimal ActualInvestment => Years.Sum(y => y.Actual);

    /// <summary>Starts the lifecycle at <paramref name="stage"/> (applied or registered) on <paramref name="on"/>.</summary>
    public void Start(LifecycleStage stage, DateOnly on, string reason, string by, DateTimeOffset at)
    {
        if (Steps.Count > 0 || stage is not (LifecycleStage.Applied or LifecycleStage.Registered))
        {
            throw new InvalidOperationException("A lifecycle starts once, with an application or a registration.");
        }

        Record(stage, on, reason, by, at);
    }

    /// <summary>
    /// Moves to <paramref name="stage"/> on <paramref name="on"/> with its reason, if the lifecycle allows the move
    /// and the day is not before the current stage's; records the step. Otherwise returns why not, and nothing changes.
    /// </summary>
    public string? MoveTo(LifecycleStage stage, DateOnly on, string reason, string by, DateTimeOffset at)
    {
        if (Steps.Count == 0 || !Lifecycle.NextOf(Stage).Contains(stage))
        {
            return "This stage cannot follow the current one.";
        }

        if (on < StageOn)
        {
            return "A stage cannot be dated before the current one.";
        }

        if (stage == LifecycleStage.Commissioned && Steps.All(s => s.Stage != LifecycleStage.Registered))
        {
            return "Only a registered participant can be commissioned.";
        }

        Record(stage, on, reason, by, at);
        return null;
    }

    /// <summary>
    /// Corrects the day of the recorded step <paramref name="stepId"/> (a day entered wrong) with the reason, if the
    /// corrected history is still one the lifecycle allows (<see cref="Lifecycle.Check"/>: every step on or after the
    /// one before it); the stage's day follows when the last step is corrected. Otherwise returns why not, and nothing
    /// changes.
    /// </summary>
    public string? CorrectDay(long stepId, DateOnly on, string reason, string by, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return "Give the reason for the correction.";
        }

        if (Steps.FirstOrDefault(s => s.Id == stepId) is not { } step)
        {
            return "This step is not in the lifecycle.";
        }

        if (step.On == on)
        {
            return "The corrected date is the same as the recorded one.";
        }

        var inOrder = Steps.OrderBy(s => s.Id).ToList();
        if (Lifecycle.Check([.. inOrder.Select(s => new LifecycleStep(s.Stage, s == step ? on : s.On))]) is { } problem)
        {
            return problem;
        }

        step.On = on;
        step.CorrectionReason = reason;
        step.CorrectedBy = by;
        step.CorrectedAt = at;
        StageOn = inOrder[^1].On;
        return null;
    }

    /// <summary>The lifecycle and money as the engine reads them.</summary>
    public ParticipantRecord ToRecord() =>
        new([.. Steps.OrderBy(s => s.On).ThenBy(s => s.Id).Select(s => new LifecycleStep(s.Stage, s.On))],
            [.. Years.Select(y => new YearAmount(y.Year, y.Actual))], ActualJobs);

    /// <summary>Sets the amount of each year given, adding and removing years as needed.</summary>
    public void SetYears(IEnumerable<(int Year, decimal Planned, decimal Actual)> years)
    {
        var given = years.ToDictionary(y => y.Year);
        Years.RemoveAll(y => !given.ContainsKey(y.Year));
        foreach (var (year, planned, actual) in given.Values.OrderBy(y => y.Year))
        {
            var existing = Years.FirstOrDefault(y => y.Year == year);
            if (existing is null)
            {
                Years.Add(existing = new TYear { Year = year });
            }

            existing.Planned = planned;
            existing.Actual = actual;
        }
    }

    private void Record(LifecycleStage stage, DateOnly on, string reason, string by, DateTimeOffset at)
    {
        Steps.Add(new TStep { Stage = stage, On = on, Reason = reason, RecordedBy = by, RecordedAt = at });
        Stage = stage;
        StageOn = on;
    }
}

/// <summary>What the map filters a participant or project by.</summary>
public interface IMapped
{
    int Id { get; }

    string Oked { get; }

    int PlannedJobs { get; }

    LifecycleStage Stage { get; }

    double? Latitude { get; }

    double? Longitude { get; }
}

/// <summary>Why the money and jobs cannot stand, or null: none of them may be negative.</summary>
public static class UndertakingChecks
{
    public static string? MoneyAndJobs(int plannedJobs, int actualJobs, IEnumerable<(int Year, decimal Planned, decimal Actual)> years) =>
        plannedJobs < 0 || actualJobs < 0 ? "Jobs cannot be negative."
        : years.Any(y => y.Planned < 0 || y.Actual < 0) ? "Investment cannot be negative."
        : null;
}
