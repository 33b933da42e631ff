using System.Collections.Concurrent;
using System.Globalization;
using MathNet.Numerics.Distributions;

namespace Qala.Engine.Indicators;

/// <summary>One value of a yearly series; null when the year has no value.</summary>
public readonly record struct YearValue(int Year, double? Value);

/// <summary>
/// A straight-line forecast for <see cref="Year"/>: the point <see cref="Value"/> and the prediction interval
/// [<see cref="Lower"/>, <see cref="Upper"/>] for a single new observation at <see cref="Confidence"/>.
/// </summary>
public sealed record TrendForecast(
    int Year,
    double Value,
    double Lower,
    double Upper,
    double Confidence,
    double Slope,
    double Intercept,
    int Points)
{
    /// <summary>
    /// Whether the whole interval lies on the wrong side of <paramref name="target"/>: below it (higher is better),
    /// above it (lower is better), or entirely outside the range.
    /// </summary>
    public bool WillMiss(Target target) => target.Polarity switch
    {
        Polarity.HigherIsBetter => Upper < target.Value,
        Polarity.LowerIsBetter => Lower > target.Value,
        Polarity.TargetRange => Upper < target.Bounds.Lower || Lower > target.Bounds.Upper,
    };
}

/// <summary>Forecasts from an ordinary least-squares linear trend over a yearly series.</summary>
public static class Forecast
{
    // The Student-t quantile is found by a root search (tens of microseconds); series share a few degrees of freedom.
    private static readonly ConcurrentDictionary<(int DegreesOfFreedom, double Confidence), double> Quantiles = new();

    /// <summary>The fewest values a trend is fitted on: two always fit a line exactly and leave no error to estimate.</summary>
    public const int MinimumPoints = 3;

    /// <summary>
    /// Fits value = intercept + slope × year by least squares on the series' values (missing ones skipped) and
    /// forecasts <paramref name="year"/> with a Student t prediction interval at <paramref name="confidence"/>
    /// (0 &lt; confidence &lt; 1); null with fewer than <see cref="MinimumPoints"/> values. Years must be distinct.
    /// </summary>
    public static TrendForecast? ToYear(IEnumerable<YearValue> series, int year, double confidence = 0.90)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (!(confidence > 0 && confidence < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), "Confidence lies strictly between 0 and 1.");
        }

        var points = series
            .Where(p => p.Value is { } v && double.IsFinite(v))
            .Select(p => (p.Year, Value: p.Value!.Value))
            .OrderBy(p => p.Year)
            .ToList();
        for (var i = 1; i < points.Count; i++)
        {
            if (points[i].Year == points[i - 1].Year)
            {
                throw new ArgumentException($"The series has two values for {points[i].Year.ToString(CultureInfo.InvariantCulture)}.", nameof(series));
            }
        }

        if (points.Count < MinimumPoints)
        {
            return null;
        }

        // Years are centred on their mean so that squares of numbers near 2000 do not swamp the residuals; points are
        // summed in year order so the result does not depend on the caller's order.
        var n = points.Count;
        var meanYear = points.Average(p => (double)p.Year);
        var meanValue = points.Sum(p => p.Value) / n;
        double sxx = 0, sxy = 0;
        foreach (var (x, y) in points)
        {
            sxx += (x - meanYear) * (x - meanYear);
            sxy += (x - meanYear) * (y - meanValue);
        }

        var slope = sxy / sxx;
        double sse = 0;
        foreach (var (x, y) in points)
        {
            var residual = y - (meanValue + (slope * (x - meanYear)));
            sse += residual * residual;
        }

        var degreesOfFreedom = n - 2;
        var standardError = Math.Sqrt(sse / degreesOfFreedom);
        var distance = year - meanYear;
        var value = meanValue + (slope * distance);
        var quantile = Quantiles.GetOrAdd((degreesOfFreedom, confidence), k => StudentT.InvCDF(0, 1, k.DegreesOfFreedom, (1 + k.Confidence) / 2));
        var halfWidth = quantile * standardError * Math.Sqrt(1 + (1.0 / n) + (distance * distance / sxx));
        return new TrendForecast(year, value, value - halfWidth, value + halfWidth, confidence, slope, meanValue - (slope * meanYear), n);
    }
}
