namespace Qala.Engine.Access;

/// <summary>
/// How much a facility within the catchment counts at a given walking distance, from 1 (at the door) down to 0.
/// <see cref="None"/> gives the classic two-step floating catchment area (2SFCA); <see cref="Bands"/> and
/// <see cref="Gaussian"/> give the enhanced 2SFCA (Luo and Qi 2009; Dai 2010).
/// </summary>
public abstract record DistanceDecay
{
    /// <summary>Every place within the catchment counts fully.</summary>
    public static DistanceDecay None { get; } = new Step();

    /// <summary>
    /// Weights by distance band: <paramref name="bands"/> are (upper bound in metres, weight) in increasing order of
    /// bound, e.g. (250, 1), (500, 0.68), (750, 0.22); beyond the last bound the weight is 0.
    /// </summary>
    public static DistanceDecay Bands(params (double UpTo, double Weight)[] bands)
    {
        ArgumentNullException.ThrowIfNull(bands);
        if (bands.Length == 0)
        {
            throw new ArgumentException("At least one band is needed.", nameof(bands));
        }

        for (var i = 0; i < bands.Length; i++)
        {
            if (!(bands[i].Weight is >= 0 and <= 1) || !(bands[i].UpTo >= 0) || (i > 0 && bands[i].UpTo <= bands[i - 1].UpTo))
            {
                throw new ArgumentException("Bands need increasing bounds and weights from 0 to 1.", nameof(bands));
            }
        }

        return new Banded(bands);
    }

    /// <summary>
    /// Dai's Gaussian decay over a catchment of <paramref name="catchment"/> metres:
    /// (e^(−½(d/d₀)²) − e^(−½)) / (1 − e^(−½)), 1 at distance 0 and 0 at the edge of the catchment.
    /// </summary>
    public static DistanceDecay Gaussian(double catchment)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(catchment);
        return new GaussianDecay(catchment);
    }

    /// <summary>The weight at <paramref name="distance"/> metres, from 0 to 1.</summary>
    public abstract double Weight(double distance);

    private sealed record Step : DistanceDecay
    {
        public override double Weight(double distance) => 1;
    }

    private sealed record Banded((double UpTo, double Weight)[] Limits) : DistanceDecay
    {
        public override double Weight(double distance)
        {
            foreach (var (upTo, weight) in Limits)
            {
                if (distance <= upTo)
                {
                    return weight;
                }
            }

            return 0;
        }
    }

    private sealed record GaussianDecay(double Catchment) : DistanceDecay
    {
        private static readonly double Edge = Math.Exp(-0.5);

        public override double Weight(double distance)
        {
            if (distance >= Catchment)
            {
                return 0;
            }

            var ratio = distance / Catchment;
            return (Math.Exp(-0.5 * ratio * ratio) - Edge) / (1 - Edge);
        }
    }
}
