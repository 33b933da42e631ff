namespace Qala.Engine.Indicators;

/// <summary>An indicator chosen for a composite index, with its polarity, weight (&gt; 0) and, for a target range, the range.</summary>
public sealed record CompositeIndicator(string Code, Polarity Polarity, double Weight = 1, ValueRange? Range = null);

/// <summary>What a territory lacking some of the index's indicators gets. There is no imputation.</summary>
public enum MissingValues
{
    /// <summary>No score: the territory is left out of the index and the ranking.</summary>
    Exclude,

    /// <summary>A score over the indicators it has, their weights scaled back to sum 1.</summary>
    Reweight,
}

/// <summary>A territory's values, by indicator code; an absent, null or non-finite value is missing.</summary>
public sealed record TerritoryValues(string Territory, IReadOnlyDictionary<string, double?> Values);

/// <summary>A territory's composite score in [0, 1] (1 = best) and competition rank; both null when it has no score.</summary>
public sealed record CompositeScore(string Territory, double? Score, int? Rank);

/// <summary>Composite indices of territories over chosen indicators.</summary>
public static class CompositeIndex
{
    /// <summary>
    /// The value every territory gets for an indicator on which all territories with a value are equal: the middle of
    /// the scale, neither rewarding nor punishing when <see cref="MissingValues.Reweight"/> mixes territories.
    /// </summary>
    public const double DegenerateScore = 0.5;

    /// <summary>
    /// Normalises each indicator min–max over the territories that have it (1 = best, so lower-is-better is inverted
    /// and a range counts the distance outside it), takes the weighted mean with weights summing to 1, and ranks the
    /// scores ("1, 2, 2, 4", exact ties). Ordered by rank, then territory; territories without a score come last.
    /// </summary>
    public static IReadOnlyList<CompositeScore> Compute(
        IReadOnlyList<CompositeIndicator> indicators,
        IReadOnlyList<TerritoryValues> territories,
        MissingValues missingValues)
    {
        ArgumentNullException.ThrowIfNull(indicators);
        ArgumentNullException.ThrowIfNull(territories);
        Validate(indicators, territories);

        var normalised = territories.Select(_ => new double?[indicators.Count]).ToArray();
        for (var i = 0; i < indicators.Count; i++)
        {
            var indicator = indicators[i];
            var merits = territories.Select(t => Merit(indicator, t)).ToArray();
            var present = merits.OfType<double>().ToArray();
            if (present.Length == 0)
            {
                continue;
            }

            // Halving is exact and keeps max − min finite for values near double.MaxValue.
            var (min, max) = (present.Min(), present.Max());
            for (var t = 0; t < territories.Count; t++)
            {
                normalised[t][i] = merits[t] is not { } m ? null
                    : min == max ? DegenerateScore
                    : ((m / 2) - (min / 2)) / ((max / 2) - (min / 2));
            }
        }

        var scores = normalised.Select(values => Score(indicators, values, missingValues)).ToArray();
        var ranks = Ranking.Competition(scores);
        return territories
            .Select((t, i) => new CompositeScore(t.Territory, scores[i], ranks[i]))
            .OrderBy(s => s.Rank ?? int.MaxValue)
            .ThenBy(s => s.Territory, StringComparer.Ordinal)
            .ToList();
    }

    private static void Validate(IReadOnlyList<CompositeIndicator> indicators, IReadOnlyList<TerritoryValues> territories)
    {
        if (indicators.Count == 0)
        {
            throw new ArgumentException("An index needs at least one indicator.", nameof(indicators));
        }

        foreach (var indicator in indicators)
        {
            if (!double.IsFinite(indicator.Weight) || indicator.Weight <= 0)
            {
                throw new ArgumentException($"The weight of {indicator.Code} must be finite and positive.", nameof(indicators));
            }

            if (indicator.Polarity == Polarity.TargetRange && indicator.Range is null)
            {
                throw new ArgumentException($"{indicator.Code} is a target range without bounds.", nameof(indicators));
            }
        }

        if (indicators.Select(i => i.Code).Distinct(StringComparer.Ordinal).Count() != indicators.Count)
        {
            throw new ArgumentException("An indicator is chosen twice.", nameof(indicators));
        }

        if (territories.Select(t => t.Territory).Distinct(StringComparer.Ordinal).Count() != territories.Count)
        {
            throw new ArgumentException("A territory is listed twice.", nameof(territories));
        }
    }

    // Larger is better after this, so one min–max formula serves every polarity.
    private static double? Merit(CompositeIndicator indicator, TerritoryValues territory)
    {
        if (!territory.Values.TryGetValue(indicator.Code, out var value) || value is not { } v || !double.IsFinite(v))
        {
            return null;
        }

        return indicator.Polarity switch
        {
            Polarity.HigherIsBetter => v,
            Polarity.LowerIsBetter => -v,
            Polarity.TargetRange => -indicator.Range!.Value.DistanceTo(v),
        };
    }

    private static double? Score(IReadOnlyList<CompositeIndicator> indicators, double?[] values, MissingValues missingValues)
    {
        double weighted = 0, weights = 0;
        var missing = false;
        for (var i = 0; i < indicators.Count; i++)
        {
            if (values[i] is { } value)
            {
                weighted += indicators[i].Weight * value;
                weights += indicators[i].Weight;
            }
            else
            {
                missing = true;
            }
        }

        return weights == 0 || (missing && missingValues == MissingValues.Exclude) ? null : weighted / weights;
    }
}

/// <summary>Rankings of scores.</summary>
public static class Ranking
{
    /// <summary>
    /// Competition ranks ("1, 2, 2, 4"), highest score first, ties on exactly equal scores; null scores get no rank.
    /// </summary>
    public static int?[] Competition(IReadOnlyList<double?> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var present = scores.OfType<double>().Order().ToArray();
        return scores
            .Select(s => s is { } score ? present.Length - UpperBound(present, score) + 1 : (int?)null)
            .ToArray();
    }

    // Index of the first element greater than value in an ascending array: the count of scores not above it.
    private static int UpperBound(double[] ascending, double value)
    {
        int low = 0, high = ascending.Length;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (ascending[middle] <= value)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
