namespace Qala.Engine.Access;

/// <summary>How many people live within a walking distance: covered, total and the covered share (0 to 1; 0 when nobody lives there).</summary>
public readonly record struct CoverageShare(double Covered, double Total)
{
    public double Share => Total > 0 ? Covered / Total : 0;

    /// <summary>
    /// The share of <paramref name="population"/> whose walking distance (<paramref name="distances"/>, one per point,
    /// infinity when out of reach) is at most <paramref name="radius"/> metres.
    /// </summary>
    public static CoverageShare Within(ReadOnlySpan<double> distances, ReadOnlySpan<double> population, double radius)
    {
        if (distances.Length != population.Length)
        {
            throw new ArgumentException("Every point needs one distance and one population.", nameof(population));
        }

        double covered = 0, total = 0;
        for (var i = 0; i < distances.Length; i++)
        {
            total += population[i];
            if (distances[i] <= radius)
            {
                covered += population[i];
            }
        }

        return new CoverageShare(covered, total);
    }
}
