namespace Qala.Engine.Investment;

/// <summary>Money in tenge of one year.</summary>
public readonly record struct YearAmount(int Year, decimal Amount);

/// <summary>What the figures need of a zone's participant (or a pipeline's project).</summary>
/// <param name="Steps">Its lifecycle in the order it happened.</param>
/// <param name="ActualInvestment">Investment made, by year.</param>
/// <param name="ActualJobs">Permanent jobs it has created.</param>
public sealed record ParticipantRecord(IReadOnlyList<LifecycleStep> Steps, IReadOnlyList<YearAmount> ActualInvestment, int ActualJobs);

/// <summary>The figures of a zone on a day; see <see cref="ZoneFigures.Compute"/> for their definitions.</summary>
public sealed record ZoneFigureSet(
    DateOnly AsOf,
    int Applied,
    int Registered,
    int UnderConstruction,
    int Operating,
    int CommissionedEver,
    int CommissionedInYear,
    int Left,
    double? CommissioningRate,
    double? MedianDaysToCommissioning,
    double? MeanDaysToCommissioning,
    decimal Investment,
    decimal? InvestmentPerParticipant,
    int Jobs,
    decimal? InvestmentPerJob);

/// <summary>
/// The figures the seeds quote about a zone ("33 companies registered and over 156 billion tenge invested … only 6 new
/// enterprises were commissioned, and only 1 … this year"; "15 participants, only 6 of which are operating"), computed
/// from the participants' lifecycles on a day.
/// </summary>
public static class ZoneFigures
{
    /// <summary>
    /// The figures as of <paramref name="asOf"/>, each participant taken at the stage its history reached by then:
    /// <list type="bullet">
    /// <item><b>Applied</b>: those whose stage is applied (not yet registered).</item>
    /// <item><b>Registered</b> ("participants"): those in the registry — registered, under construction or commissioned;
    /// the withdrawn and excluded are not, whatever they were before.</item>
    /// <item><b>Under construction</b> and <b>Operating</b>: those whose stage is under construction or commissioned.</item>
    /// <item><b>Commissioned ever</b>: those whose history reached commissioning by then, including any that left later.</item>
    /// <item><b>Commissioned in the year</b>: those commissioned in the calendar year of <paramref name="asOf"/>, up to it.</item>
    /// <item><b>Left</b>: withdrawn or excluded.</item>
    /// <item><b>Commissioning rate</b>: operating ÷ registered; null with no one registered.</item>
    /// <item><b>Days to commissioning</b>: median and mean, over those commissioned by then that have a registration
    /// date, of the days from registration to commissioning (the median of an even count is the mean of the middle two).</item>
    /// <item><b>Investment</b>: the actual investment of the registered participants in years up to that of
    /// <paramref name="asOf"/>; <b>per participant</b> ÷ registered, <b>per job</b> ÷ their actual jobs (null for zero).</item>
    /// <item><b>Jobs</b>: the actual jobs of the registered participants.</item>
    /// </list>
    /// Participants whose history had not started by <paramref name="asOf"/> are left out of everything.
    /// </summary>
    public static ZoneFigureSet Compute(IEnumerable<ParticipantRecord> participants, DateOnly asOf)
    {
        int applied = 0, registered = 0, building = 0, operating = 0, commissionedEver = 0, inYear = 0, left = 0, jobs = 0;
        decimal investment = 0;
        var days = new List<int>();
        foreach (var participant in participants)
        {
            if (Lifecycle.StageOn(participant.Steps, asOf) is not { } stage)
            {
                continue;
            }

            switch (stage)
            {
                case LifecycleStage.Applied:
                    applied++;
                    break;
                case LifecycleStage.UnderConstruction:
                    building++;
                    break;
                case LifecycleStage.Commissioned:
                    operating++;
                    break;
                case LifecycleStage.Withdrawn or LifecycleStage.Excluded:
                    left++;
                    break;
                case LifecycleStage.Registered:
                    break;
            }

            if (Lifecycle.IsRegistered(stage))
            {
                registered++;
                jobs += Math.Max(0, participant.ActualJobs);
                investment += participant.ActualInvestment.Where(a => a.Year <= asOf.Year).Sum(a => a.Amount);
            }

            if (Lifecycle.FirstOn(participant.Steps, LifecycleStage.Commissioned, asOf) is { } commissioned)
            {
                commissionedEver++;
                if (commissioned.Year == asOf.Year)
                {
                    inYear++;
                }

                if (Lifecycle.FirstOn(participant.Steps, LifecycleStage.Registered, asOf) is { } registeredOn)
                {
                    days.Add(commissioned.DayNumber - registeredOn.DayNumber);
                }
            }
        }

        return new ZoneFigureSet(
            asOf, applied, registered, building, operating, commissionedEver, inYear, left,
            registered == 0 ? null : (double)operating / registered,
            Median(days),
            days.Count == 0 ? null : days.Average(),
            investment,
            registered == 0 ? null : investment / registered,
            jobs,
            jobs == 0 ? null : investment / jobs);
    }

    private static double? Median(List<int> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        values.Sort();
        var middle = values.Count / 2;
        return values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2.0;
    }
}
