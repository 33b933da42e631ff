namespace Qala.Engine.Access;

/// <summary>One undirected street segment between two nodes of a <see cref="WalkGraph"/>, in metres.</summary>
public readonly record struct Segment(int From, int To, double Length);

/// <summary>
/// A walking network in compressed sparse row form: node <c>v</c>'s edges are
/// <c>Targets[FirstEdge[v]..FirstEdge[v + 1]]</c> with their <c>Lengths</c> in metres. Every street segment is an
/// edge in both directions (walkers ignore one-way streets); of parallel segments between the same two nodes only the
/// shortest is kept, and self-loops are dropped. Nodes carry their coordinates (and their OSM ids when read from OSM),
/// so the graph is a few flat arrays: about 12 bytes per directed edge plus 28 per node.
/// </summary>
public sealed class WalkGraph
{
    private readonly int[] firstEdge;
    private readonly int[] targets;
    private readonly double[] lengths;
    private readonly double[] latitudes;
    private readonly double[] longitudes;
    private readonly long[] osmIds;

    private WalkGraph(int[] firstEdge, int[] targets, double[] lengths, double[] latitudes, double[] longitudes, long[] osmIds)
    {
        this.firstEdge = firstEdge;
        this.targets = targets;
        this.lengths = lengths;
        this.latitudes = latitudes;
        this.longitudes = longitudes;
        this.osmIds = osmIds;
    }

    public int NodeCount => latitudes.Length;

    /// <summary>The number of directed edges: twice the number of distinct undirected segments.</summary>
    public int EdgeCount => targets.Length;

    public ReadOnlySpan<int> FirstEdge => firstEdge;

    public ReadOnlySpan<int> Targets => targets;

    public ReadOnlySpan<double> Lengths => lengths;

    public ReadOnlySpan<double> Latitudes => latitudes;

    public ReadOnlySpan<double> Longitudes => longitudes;

    /// <summary>The OSM node id of each node; empty for a graph not read from OSM.</summary>
    public ReadOnlySpan<long> OsmIds => osmIds;

    /// <summary>The bytes held by the graph's arrays.</summary>
    public long MemoryBytes =>
        (4L * firstEdge.Length) + (4L * targets.Length) + (8L * lengths.Length) + (8L * latitudes.Length) +
        (8L * longitudes.Length) + (8L * osmIds.Length);

    public GeoPoint Location(int node) => new(latitudes[node], longitudes[node]);

    /// <summary>The length of the edge from <paramref name="from"/> to <paramref name="to"/>, or null when none.</summary>
    public double? EdgeLength(int from, int to)
    {
        for (var e = firstEdge[from]; e < firstEdge[from + 1]; e++)
        {
            if (targets[e] == to)
            {
                return lengths[e];
            }
        }

        return null;
    }

    /// <summary>
    /// A graph of the given nodes and undirected segments with their own lengths (non-negative and finite).
    /// <paramref name="osmIds"/> is empty or one id per node.
    /// </summary>
    public static WalkGraph Create(
        ReadOnlySpan<double> latitudes, ReadOnlySpan<double> longitudes, IReadOnlyList<Segment> segments, ReadOnlySpan<long> osmIds = default)
    {
        ArgumentNullException.ThrowIfNull(segments);
        var n = latitudes.Length;
        if (longitudes.Length != n || (!osmIds.IsEmpty && osmIds.Length != n))
        {
            throw new ArgumentException("Every node needs one latitude, one longitude and, if any, one OSM id.", nameof(longitudes));
        }

        var degree = new int[n + 1];
        foreach (var s in segments)
        {
            if ((uint)s.From >= (uint)n || (uint)s.To >= (uint)n)
            {
                throw new ArgumentOutOfRangeException(nameof(segments), $"Segment {s} refers to a node outside 0..{n - 1}.");
            }

            if (!(s.Length >= 0) || double.IsPositiveInfinity(s.Length))
            {
                throw new ArgumentOutOfRangeException(nameof(segments), $"Segment {s} has no finite non-negative length.");
            }

            if (s.From != s.To)
            {
                degree[s.From + 1]++;
                degree[s.To + 1]++;
            }
        }

        for (var v = 0; v < n; v++)
        {
            degree[v + 1] += degree[v];
        }

        var fill = degree[..n];
        var rawTargets = new int[degree[n]];
        var rawLengths = new double[degree[n]];
        foreach (var s in segments)
        {
            if (s.From == s.To)
            {
                continue;
            }

            rawTargets[fill[s.From]] = s.To;
            rawLengths[fill[s.From]++] = s.Length;
            rawTargets[fill[s.To]] = s.From;
            rawLengths[fill[s.To]++] = s.Length;
        }

        // Sort each node's edges by target and keep the shortest of each run of parallel edges.
        var first = new int[n + 1];
        var kept = 0;
        for (var v = 0; v < n; v++)
        {
            var start = degree[v];
            var count = degree[v + 1] - start;
            Array.Sort(rawTargets, rawLengths, start, count);
            first[v] = kept;
            for (var e = start; e < start + count; e++)
            {
                if (kept > first[v] && rawTargets[kept - 1] == rawTargets[e])
                {
                    rawLengths[kept - 1] = Math.Min(rawLengths[kept - 1], rawLengths[e]);
                    continue;
                }

                rawTargets[kept] = rawTargets[e];
                rawLengths[kept++] = rawLengths[e];
            }
        }

        first[n] = kept;
        return new WalkGraph(first, rawTargets[..kept], rawLengths[..kept], latitudes.ToArray(), longitudes.ToArray(), osmIds.ToArray());
    }
}
