namespace Qala.Engine.Indicators;

/// <summary>A target to reach by the end of <see cref="Year"/>.</summary>
public readonly record struct YearTarget(int Year, Target Target);

/// <summary>
/// Where an indicator stands for a territory: its latest value and the one a year earlier, the target it is measured
/// against, achievement, progress from the baseline, status, direction of travel and the forecast to the target year.
/// </summary>
public sealed record IndicatorAssessment(
    int? Year,
    double? Actual,
    double? YearEarlier,
    Direction Direction,
    YearValue? Baseline,
    YearTarget? Target,
    double? AchievementPercent,
    double? Progress,
    IndicatorStatus Status,
    TrendForecast? Forecast,
    bool WillMiss)
{
    /// <summary>Off track or at risk, or forecast to miss its target: what a scorecard lists first.</summary>
    public bool IsLagging => Status is IndicatorStatus.OffTrack or IndicatorStatus.AtRisk || WillMiss;

    /// <summary>An order for lists that puts the worst first: off track, at risk, will miss, on track, achieved, no data.</summary>
    public int Severity => (Status, WillMiss) switch
    {
        (IndicatorStatus.OffTrack, _) => 0,
        (IndicatorStatus.AtRisk, _) => 1,
        (_, true) => 2,
        (IndicatorStatus.OnTrack, false) => 3,
        (IndicatorStatus.Achieved, false) => 4,
        (IndicatorStatus.NoData, false) => 5,
    };
}

/// <summary>Assesses an indicator's yearly series against a baseline and targets: the calculations of a scorecard line.</summary>
public static class Assessment
{
    /// <summary>
    /// Takes the series' latest value and compares it with the first target due in that year or later (or, when all
    /// are past, the last one): achievement, progress from <paramref name="baseline"/>, status on the straight path
    /// from the baseline to that target, direction of travel against the year before, and for a target still ahead
    /// the forecast to its year with the flag "will miss". Without a baseline the status is Achieved or NoData.
    /// </summary>
    public static IndicatorAssessment Of(
        IReadOnlyList<YearValue> series,
        Polarity polarity,
        ValueRange? range,
        YearValue? baseline,
        IReadOnlyList<YearTarget> targets,
        StatusThresholds? thresholds = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(targets);
        var known = series.Where(p => p.Value is { } v && double.IsFinite(v)).OrderBy(p => p.Year).ToList();
        var ordered = targets.OrderBy(t => t.Year).ToList();
        if (known.Count == 0)
        {
            var first = ordered.Count > 0 ? ordered[0] : (YearTarget?)null;
            return new IndicatorAssessment(null, null, null, Direction.Unknown, baseline, first, null, null, IndicatorStatus.NoData, null, false);
        }

        var latest = known[^1];
        var actual = latest.Value!.Value;
        var earlier = known.LastOrDefault(p => p.Year == latest.Year - 1).Value;
        var direction = polarity == Polarity.TargetRange && range is null
            ? Direction.Unknown
            : DirectionOfTravel.Of(actual, earlier, polarity, range);
        YearTarget? target = ordered.Count == 0 ? null : (YearTarget?)ordered.FirstOrDefault(t => t.Year >= latest.Year, ordered[^1]);
        if (target is not { } due)
        {
            return new IndicatorAssessment(latest.Year, actual, earlier, direction, baseline, null, null, null, IndicatorStatus.NoData, null, false);
        }

        var baselineValue = baseline?.Value;
        var baselineYear = Math.Min(baseline?.Year ?? latest.Year, due.Year);
        var status = Status.Of(actual, latest.Year, baselineValue, baselineYear, due.Target, due.Year, thresholds);
        var forecast = due.Year > latest.Year ? Forecast.ToYear(known, due.Year) : null;
        return new IndicatorAssessment(
            latest.Year,
            actual,
            earlier,
            direction,
            baseline,
            due,
            Achievement.Percent(actual, due.Target),
            Progress.FromBaseline(actual, baselineValue, due.Target.Value),
            status,
            forecast,
            forecast?.WillMiss(due.Target) == true && status != IndicatorStatus.Achieved);
    }
}
