using System.Collections.Concurrent;

namespace Qala.Web.Features.Indicators;

/// <summary>
/// Which scorecard: the territory's code, the target set asked for (null for the latest), whether only the governors'
/// KPIs, and the sets hidden from its reader (their ids joined: the public share one, a draft's readers another).
/// </summary>
public readonly record struct ScorecardKey(string Territory, int? Set, bool KpiOnly, string HiddenSets);

/// <summary>
/// The scorecards this node has computed, kept under the value of <see cref="IndicatorDataStamp"/> read before they
/// were computed (ADR 0012). A request that reads another value finds nothing and starts a new generation, so a change
/// committed anywhere shows on the next request on every node. Only one generation is held: at most one scorecard per
/// territory, target set and KPI choice. Scorecards hold all three languages and are shared by requests, read-only.
/// </summary>
public sealed class ScorecardCache
{
    private Generation current = new(null, new());

    /// <summary>The scorecard kept for <paramref name="key"/> under <paramref name="stamp"/>, if any.</summary>
    public Scorecard? Find(long stamp, ScorecardKey key)
    {
        var generation = Volatile.Read(ref current);
        if (generation.Stamp != stamp)
        {
            Interlocked.CompareExchange(ref current, new Generation(stamp, new()), generation);
            return null;
        }

        return generation.Scorecards.GetValueOrDefault(key);
    }

    /// <summary>Keeps a scorecard computed after reading <paramref name="stamp"/>, unless another value has been read since.</summary>
    public void Keep(long stamp, ScorecardKey key, Scorecard scorecard)
    {
        var generation = Volatile.Read(ref current);
        if (generation.Stamp == stamp)
        {
            generation.Scorecards[key] = scorecard;
        }
    }

    private sealed record Generation(long? Stamp, ConcurrentDictionary<ScorecardKey, Scorecard> Scorecards);
}
