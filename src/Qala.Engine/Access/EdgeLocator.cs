namespace Qala.Engine.Access;

/// <summary>A point snapped to the nearest street: where it lands on the network, the snap distance and the landing point.</summary>
public readonly record struct EdgeSnap(NetworkLocation Location, double Distance, GeoPoint Point);

/// <summary>Points snapped together: one snap per point (null when too far), and the indices of those too far.</summary>
public sealed record SnapReport(IReadOnlyList<EdgeSnap?> Snaps, IReadOnlyList<int> TooFar);

/// <summary>
/// Snaps points to the nearest edge of a <see cref="WalkGraph"/> with the partial edge lengths to both ends. Edges are
/// bucketed in a uniform grid on a local equirectangular projection (accurate to well under a metre over a city);
/// the snap distance and offsets are measured on the sphere. A point farther than the given maximum from every edge
/// is not snapped, so a facility across the river or outside the extract is reported rather than moved.
/// </summary>
public sealed class EdgeLocator
{
    private const double MaxCells = 4_000_000;

    private readonly WalkGraph graph;
    private readonly double cellSize;
    private readonly double metresPerDegreeLatitude;
    private readonly double metresPerDegreeLongitude;
    private readonly double originX;
    private readonly double originY;
    private readonly int columns;
    private readonly int rows;
    private readonly int[] cellStart;
    private readonly int[] cellEdges;

    /// <param name="graph">The network.</param>
    /// <param name="cellSize">The grid's cell size in metres (larger when the extract would need more than four million cells).</param>
    public EdgeLocator(WalkGraph graph, double cellSize = 100)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cellSize);
        this.graph = graph;
        var n = graph.NodeCount;
        var meanLatitude = n == 0 ? 0 : graph.Latitudes.ToArray().Average();
        metresPerDegreeLatitude = GeoPoint.EarthRadius * Math.PI / 180;
        metresPerDegreeLongitude = metresPerDegreeLatitude * Math.Cos(meanLatitude * Math.PI / 180);
        double minX = double.MaxValue, minY = double.MaxValue, maxX = double.MinValue, maxY = double.MinValue;
        for (var v = 0; v < n; v++)
        {
            var (px, py) = Project(graph.Latitudes[v], graph.Longitudes[v]);
            minX = Math.Min(minX, px);
            minY = Math.Min(minY, py);
            maxX = Math.Max(maxX, px);
            maxY = Math.Max(maxY, py);
        }

        originX = n == 0 ? 0 : minX;
        originY = n == 0 ? 0 : minY;
        // A country-sized extract would need hundreds of millions of 100 m cells: coarsen the grid to at most MaxCells.
        var width = Math.Max(maxX - minX, cellSize);
        var height = Math.Max(maxY - minY, cellSize);
        if (n > 0 && width / cellSize * (height / cellSize) > MaxCells)
        {
            cellSize = Math.Sqrt(width * height / MaxCells);
        }

        this.cellSize = cellSize;
        columns = n == 0 ? 1 : (int)((maxX - minX) / cellSize) + 1;
        rows = n == 0 ? 1 : (int)((maxY - minY) / cellSize) + 1;
        cellStart = new int[(columns * rows) + 1];
        ForEachEdgeCell(cell => cellStart[cell + 1]++, (_, _) => { });
        for (var c = 0; c < columns * rows; c++)
        {
            cellStart[c + 1] += cellStart[c];
        }

        cellEdges = new int[cellStart[^1]];
        var fill = cellStart[..^1];
        ForEachEdgeCell(_ => { }, (cell, edge) => cellEdges[fill[cell]++] = edge);
    }

    /// <summary>The nearest point of the network to <paramref name="point"/>, or null if none lies within <paramref name="maxDistance"/> metres.</summary>
    public EdgeSnap? Snap(GeoPoint point, double maxDistance)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxDistance);
        var (px, py) = Project(point.Latitude, point.Longitude);
        // Clamped so that a point far outside the grid cannot overflow the cell arithmetic.
        var column = (int)Math.Clamp(Math.Floor((px - originX) / cellSize), -1e8, 1e8);
        var row = (int)Math.Clamp(Math.Floor((py - originY) / cellSize), -1e8, 1e8);
        var bestEdge = -1;
        double bestPlanar = double.PositiveInfinity, bestT = 0;
        // Square rings of cells around the point's cell, from the first that touches the grid to the one past its far
        // corner, and no farther than the maximum distance; every cell of ring k lies at least k - 1 cells away.
        var firstRing = Math.Max(0, Math.Max(Math.Max(-column, column - (columns - 1)), Math.Max(-row, row - (rows - 1))));
        var lastRing = Math.Min(
            Math.Max(Math.Max(column, columns - 1 - column), Math.Max(row, rows - 1 - row)),
            (int)Math.Min(Math.Ceiling(maxDistance / cellSize) + 1, int.MaxValue - 1));
        for (var ring = firstRing; ring <= lastRing; ring++)
        {
            if (bestEdge >= 0 && (ring - 1) * cellSize > bestPlanar)
            {
                break;
            }

            var c0 = Math.Max(column - ring, 0);
            var c1 = Math.Min(column + ring, columns - 1);
            for (var r = Math.Max(row - ring, 0); r <= Math.Min(row + ring, rows - 1); r++)
            {
                if (r == row - ring || r == row + ring)
                {
                    for (var c = c0; c <= c1; c++)
                    {
                        ScanCell((r * columns) + c, px, py, ref bestEdge, ref bestPlanar, ref bestT);
                    }

                    continue;
                }

                if (column - ring >= 0)
                {
                    ScanCell((r * columns) + column - ring, px, py, ref bestEdge, ref bestPlanar, ref bestT);
                }

                if (column + ring < columns)
                {
                    ScanCell((r * columns) + column + ring, px, py, ref bestEdge, ref bestPlanar, ref bestT);
                }
            }
        }

        if (bestEdge < 0)
        {
            return null;
        }

        var (a, b) = Ends(bestEdge);
        var la = graph.Location(a);
        var lb = graph.Location(b);
        var landing = new GeoPoint(la.Latitude + (bestT * (lb.Latitude - la.Latitude)), la.Longitude + (bestT * (lb.Longitude - la.Longitude)));
        var snapDistance = GeoPoint.Distance(point, landing);
        if (snapDistance > maxDistance)
        {
            return null;
        }

        var length = graph.Lengths[bestEdge];
        return new EdgeSnap(new NetworkLocation(a, bestT * length, b, (1 - bestT) * length), snapDistance, landing);
    }

    /// <summary>Snaps every point; those farther than <paramref name="maxDistance"/> from the network are listed, not moved.</summary>
    public SnapReport SnapAll(IReadOnlyList<GeoPoint> points, double maxDistance)
    {
        ArgumentNullException.ThrowIfNull(points);
        var snaps = new EdgeSnap?[points.Count];
        var tooFar = new List<int>();
        for (var i = 0; i < points.Count; i++)
        {
            snaps[i] = Snap(points[i], maxDistance);
            if (snaps[i] is null)
            {
                tooFar.Add(i);
            }
        }

        return new SnapReport(snaps, tooFar);
    }

    private void ScanCell(int cell, double px, double py, ref int bestEdge, ref double bestPlanar, ref double bestT)
    {
        for (var i = cellStart[cell]; i < cellStart[cell + 1]; i++)
        {
            var edge = cellEdges[i];
            var (distance, t) = PlanarDistance(edge, px, py);
            if (distance < bestPlanar)
            {
                (bestEdge, bestPlanar, bestT) = (edge, distance, t);
            }
        }
    }

    private (double X, double Y) Project(double latitude, double longitude) =>
        (longitude * metresPerDegreeLongitude, latitude * metresPerDegreeLatitude);

    private (int A, int B) Ends(int edge)
    {
        var first = graph.FirstEdge;
        var lo = 0;
        var hi = graph.NodeCount - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) >>> 1;
            if (first[mid] <= edge)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return (lo, graph.Targets[edge]);
    }

    private (double Distance, double T) PlanarDistance(int edge, double px, double py)
    {
        var (a, b) = Ends(edge);
        var (ax, ay) = Project(graph.Latitudes[a], graph.Longitudes[a]);
        var (bx, by) = Project(graph.Latitudes[b], graph.Longitudes[b]);
        var dx = bx - ax;
        var dy = by - ay;
        var squared = (dx * dx) + (dy * dy);
        var t = squared == 0 ? 0 : Math.Clamp((((px - ax) * dx) + ((py - ay) * dy)) / squared, 0, 1);
        var ex = ax + (t * dx) - px;
        var ey = ay + (t * dy) - py;
        return (Math.Sqrt((ex * ex) + (ey * ey)), t);
    }

    // Each undirected edge once (from its lower node), in every cell its bounding box touches.
    private void ForEachEdgeCell(Action<int> count, Action<int, int> place)
    {
        var first = graph.FirstEdge;
        for (var a = 0; a < graph.NodeCount; a++)
        {
            var (ax, ay) = Project(graph.Latitudes[a], graph.Longitudes[a]);
            for (var e = first[a]; e < first[a + 1]; e++)
            {
                var b = graph.Targets[e];
                if (b < a)
                {
                    continue;
                }

                var (bx, by) = Project(graph.Latitudes[b], graph.Longitudes[b]);
                var c0 = (int)((Math.Min(ax, bx) - originX) / cellSize);
                var c1 = (int)((Math.Max(ax, bx) - originX) / cellSize);
                var r0 = (int)((Math.Min(ay, by) - originY) / cellSize);
                var r1 = (int)((Math.Max(ay, by) - originY) / cellSize);
                for (var r = r0; r <= r1; r++)
                {
                    for (var c = c0; c <= c1; c++)
                    {
                        count((r * columns) + c);
                        place((r * columns) + c, e);
                    }
                }
            }
        }
    }
}
