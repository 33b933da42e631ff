namespace Qala.Engine.Indicators;

/// <summary>How a derived indicator is computed from others.</summary>
public enum DerivationKind
{
    /// <summary>input ÷ denominator × scale: per capita (population as denominator, scale 1 or 1,000), density, any ratio.</summary>
    Ratio,

    /// <summary>The territory's value as a percentage of the country's in the same period: "Almaty supplies 20.9 % of GDP".</summary>
    ShareOfCountry,

    /// <summary>
    /// The change against the same period a year earlier, in percent of the earlier value's magnitude, so that a
    /// deficit shrinking from −50 to −25 grows by 50 %.
    /// </summary>
    GrowthRate,
}

/// <summary>A value of an input series: territory, period (year and number within it) and value.</summary>
public readonly record struct SeriesKey(int TerritoryId, int Year, int PeriodNumber);

/// <summary>
/// Computes derived indicators from their inputs, key by key. A key without every value it needs, or with a zero
/// denominator, gets no value: nothing is imputed and no infinity or NaN is produced.
/// </summary>
public static class Derivation
{
    /// <summary>
    /// The derived values for every key of <paramref name="input"/> that can be computed. <paramref name="denominator"/>
    /// is read for <see cref="DerivationKind.Ratio"/>; <paramref name="countryId"/> names the country's territory for
    /// <see cref="DerivationKind.ShareOfCountry"/>; <paramref name="yearEarlier"/> gives a period's predecessor for
    /// <see cref="DerivationKind.GrowthRate"/>.
    /// </summary>
    public static Dictionary<SeriesKey, double> Compute(
        DerivationKind kind,
        IReadOnlyDictionary<SeriesKey, double> input,
        IReadOnlyDictionary<SeriesKey, double>? denominator = null,
        double scale = 1,
        int countryId = 0,
        Func<SeriesKey, SeriesKey>? yearEarlier = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!double.IsFinite(scale) || scale == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(scale), "The scale is a finite number other than 0.");
        }

        var result = new Dictionary<SeriesKey, double>();
        foreach (var (key, value) in input)
        {
            double? derived = kind switch
            {
                DerivationKind.Ratio => denominator is not null && denominator.TryGetValue(key, out var d) ? Divide(value, d, scale) : null,
                DerivationKind.ShareOfCountry => input.TryGetValue(key with { TerritoryId = countryId }, out var total) ? Divide(value, total, 100) : null,
                DerivationKind.GrowthRate => input.TryGetValue((yearEarlier ?? YearEarlier)(key), out var before) ? Divide(value - before, Math.Abs(before), 100) : null,
            };
            if (derived is { } v && double.IsFinite(v))
            {
                result[key] = v;
            }
        }

        return result;
    }

    private static SeriesKey YearEarlier(SeriesKey key) => key with { Year = key.Year - 1 };

    private static double? Divide(double numerator, double denominator, double scale) =>
        denominator == 0 || !double.IsFinite(numerator) || !double.IsFinite(denominator) ? null : numerator / denominator * scale;
}
