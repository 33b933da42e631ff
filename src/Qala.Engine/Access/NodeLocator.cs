namespace Qala.Engine.Access;

/// <summary>A point snapped to a node: the node and the great-circle distance to it in metres.</summary>
public readonly record struct NodeSnap(int Node, double Distance);

/// <summary>
/// Finds the node of a <see cref="WalkGraph"/> nearest to a point: a k-d tree over the nodes as unit vectors in 3-D,
/// where straight-line (chord) order is great-circle order, so the answer is exact and needs no map projection.
/// </summary>
public sealed class NodeLocator
{
    private const int LeafSize = 8;

    private readonly WalkGraph graph;
    private readonly int[] order;
    private readonly double[] x;
    private readonly double[] y;
    private readonly double[] z;
    private readonly byte[] axis;

    public NodeLocator(WalkGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        this.graph = graph;
        var n = graph.NodeCount;
        order = new int[n];
        x = new double[n];
        y = new double[n];
        z = new double[n];
        axis = new byte[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
            (x[i], y[i], z[i]) = UnitVector(graph.Latitudes[i], graph.Longitudes[i]);
        }

        Build(0, n);
    }

    /// <summary>The nearest node; throws when the graph has no nodes.</summary>
    public NodeSnap Nearest(GeoPoint point)
    {
        if (order.Length == 0)
        {
            throw new InvalidOperationException("The walk graph has no nodes to snap to.");
        }

        var (px, py, pz) = UnitVector(point.Latitude, point.Longitude);
        var best = -1;
        var bestChord = double.PositiveInfinity;
        Search(0, order.Length, px, py, pz, ref best, ref bestChord);
        return new NodeSnap(best, GeoPoint.Distance(point, graph.Location(best)));
    }

    /// <summary>The nearest node if it lies within <paramref name="maxDistance"/> metres, else null (the point is off the network).</summary>
    public NodeSnap? Nearest(GeoPoint point, double maxDistance)
    {
        var snap = Nearest(point);
        return snap.Distance <= maxDistance ? snap : null;
    }

    private void Build(int lo, int hi)
    {
        if (hi - lo <= LeafSize)
        {
            return;
        }

        var split = Widest(lo, hi);
        var mid = (lo + hi) >>> 1;
        Select(lo, hi - 1, mid, Coordinate(split));
        axis[mid] = split;
        Build(lo, mid);
        Build(mid + 1, hi);
    }

    private byte Widest(int lo, int hi)
    {
        Span<double> min = [double.MaxValue, double.MaxValue, double.MaxValue];
        Span<double> max = [double.MinValue, double.MinValue, double.MinValue];
        for (var i = lo; i < hi; i++)
        {
            var node = order[i];
            min[0] = Math.Min(min[0], x[node]);
            max[0] = Math.Max(max[0], x[node]);
            min[1] = Math.Min(min[1], y[node]);
            max[1] = Math.Max(max[1], y[node]);
            min[2] = Math.Min(min[2], z[node]);
            max[2] = Math.Max(max[2], z[node]);
        }

        var spread0 = max[0] - min[0];
        var spread1 = max[1] - min[1];
        var spread2 = max[2] - min[2];
        return spread0 >= spread1 && spread0 >= spread2 ? (byte)0 : spread1 >= spread2 ? (byte)1 : (byte)2;
    }

    // Quickselect: order[k] gets the node with the k-th smallest coordinate, smaller ones before it, larger after.
    private void Select(int lo, int hi, int k, double[] key)
    {
        while (hi > lo)
        {
            var pivot = key[order[(lo + hi) >>> 1]];
            int i = lo, j = hi;
            while (i <= j)
            {
                while (key[order[i]] < pivot)
                {
                    i++;
                }

                while (key[order[j]] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (order[i], order[j]) = (order[j], order[i]);
                    i++;
                    j--;
                }
            }

            if (k <= j)
            {
                hi = j;
            }
            else if (k >= i)
            {
                lo = i;
            }
            else
            {
                return;
            }
        }
    }

    private void Search(int lo, int hi, double px, double py, double pz, ref int best, ref double bestChord)
    {
        if (hi - lo <= LeafSize)
        {
            for (var i = lo; i < hi; i++)
            {
                Consider(order[i], px, py, pz, ref best, ref bestChord);
            }

            return;
        }

        var mid = (lo + hi) >>> 1;
        var node = order[mid];
        Consider(node, px, py, pz, ref best, ref bestChord);
        var key = Coordinate(axis[mid]);
        var delta = (axis[mid] switch { 0 => px, 1 => py, _ => pz }) - key[node];
        if (delta < 0)
        {
            Search(lo, mid, px, py, pz, ref best, ref bestChord);
            if (delta * delta <= bestChord)
            {
                Search(mid + 1, hi, px, py, pz, ref best, ref bestChord);
            }
        }
        else
        {
            Search(mid + 1, hi, px, py, pz, ref best, ref bestChord);
            if (delta * delta <= bestChord)
            {
                Search(lo, mid, px, py, pz, ref best, ref bestChord);
            }
        }
    }

    private void Consider(int node, double px, double py, double pz, ref int best, ref double bestChord)
    {
        var dx = x[node] - px;
        var dy = y[node] - py;
        var dz = z[node] - pz;
        var chord = (dx * dx) + (dy * dy) + (dz * dz);
        if (chord < bestChord || (chord == bestChord && node < best))
        {
            best = node;
            bestChord = chord;
        }
    }

    private double[] Coordinate(byte split) => split switch { 0 => x, 1 => y, _ => z };

    private static (double X, double Y, double Z) UnitVector(double latitude, double longitude)
    {
        var lat = latitude * Math.PI / 180;
        var lon = longitude * Math.PI / 180;
        return (Math.Cos(lat) * Math.Cos(lon), Math.Cos(lat) * Math.Sin(lon), Math.Sin(lat));
    }
}
