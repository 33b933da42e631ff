using System.Text;

namespace Qala.Engine.Access.Osm;

/// <summary>
/// What the access engine takes from an OSM extract: the walk graph, building points and the points of the
/// requested amenities. A building's or an area amenity's point is the mean of its nodes' coordinates as listed in the
/// way (a closed way's repeated node counts twice). Reading holds one blob and the coordinates of every node of the file
/// (24 bytes a node: ways come after the nodes they use), plus the node lists of the ways kept.
/// </summary>
/// <param name="Graph">The walk graph of the walkable ways (<see cref="WalkableWay"/>).</param>
/// <param name="Buildings">One per way with a <c>building</c> tag other than <c>no</c>: its point, footprint and levels.</param>
/// <param name="Amenities">One point per node or way whose <c>amenity</c> is one of those requested.</param>
/// <param name="MissingNodes">References to nodes absent from the file (an extract cut at its border); ways skip them.</param>
public sealed record OsmAccessData(WalkGraph Graph, IReadOnlyList<OsmBuilding> Buildings, IReadOnlyList<GeoPoint> Amenities, int MissingNodes)
{
    /// <summary>Reads the file at <paramref name="path"/>, collecting the amenities whose <c>amenity</c> tag is one of <paramref name="amenities"/>.</summary>
    public static OsmAccessData Read(string path, IReadOnlyCollection<string>? amenities = null)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return Read(stream, amenities);
    }

    /// <summary>Reads <paramref name="stream"/>; see <see cref="Read(string, IReadOnlyCollection{string})"/>.</summary>
    public static OsmAccessData Read(Stream stream, IReadOnlyCollection<string>? amenities = null)
    {
        var collector = new Collector(amenities ?? []);
        OsmPbfReader.Read(stream, collector);
        return collector.Build();
    }

    private sealed class Collector(IReadOnlyCollection<string> amenities) : IOsmHandler
    {
        private readonly byte[][] amenityValues = [.. amenities.Select(Encoding.UTF8.GetBytes)];
        private readonly WayList walkWays = new();
        private readonly WayList buildingWays = new();
        private readonly List<(float Levels, bool NonResidential)> buildingTags = [];
        private readonly WayList amenityWays = new();
        private readonly List<GeoPoint> amenityNodes = [];
        private long[] nodeIds = new long[1 << 16];
        private double[] latitudes = new double[1 << 16];
        private double[] longitudes = new double[1 << 16];
        private int nodeCount;
        private bool nodesSorted = true;

        public void Node(long id, double latitude, double longitude, OsmTags tags)
        {
            if (nodeCount == nodeIds.Length)
            {
                Array.Resize(ref nodeIds, nodeCount * 2);
                Array.Resize(ref latitudes, nodeCount * 2);
                Array.Resize(ref longitudes, nodeCount * 2);
            }

            if (nodeCount > 0 && id <= nodeIds[nodeCount - 1])
            {
                nodesSorted = false;
            }

            nodeIds[nodeCount] = id;
            latitudes[nodeCount] = latitude;
            longitudes[nodeCount++] = longitude;
            if (tags.Count > 0 && IsRequestedAmenity(tags))
            {
                amenityNodes.Add(new GeoPoint(latitude, longitude));
            }
        }

        public void Way(long id, ReadOnlySpan<long> nodeIds, OsmTags tags)
        {
            if (tags.Count == 0)
            {
                return;
            }

            if (WalkableWay.Accepts(tags))
            {
                walkWays.Add(nodeIds);
            }

            if (tags.TryGetValue("building"u8, out var building) && !building.SequenceEqual("no"u8))
            {
                buildingWays.Add(nodeIds);
                var levels = tags.TryGetValue("building:levels"u8, out var value) ? OsmBuilding.ParseLevels(value) : float.NaN;
                buildingTags.Add((levels, OsmBuilding.IsNonResidential(building)));
            }

            if (IsRequestedAmenity(tags))
            {
                amenityWays.Add(nodeIds);
            }
        }

        public OsmAccessData Build()
        {
            if (!nodesSorted)
            {
                var byId = Enumerable.Range(0, nodeCount).ToArray();
                Array.Sort(nodeIds, byId, 0, nodeCount);
                latitudes = [.. byId.Select(i => latitudes[i])];
                longitudes = [.. byId.Select(i => longitudes[i])];
            }

            var missing = 0;
            var graphIndex = new int[nodeCount];
            Array.Fill(graphIndex, -1);
            var graphNodes = new List<int>();
            var segments = new List<Segment>(walkWays.RefCount);
            for (var w = 0; w < walkWays.Count; w++)
            {
                var previous = -1;
                foreach (var nodeId in walkWays[w])
                {
                    var position = Find(nodeId);
                    if (position < 0)
                    {
                        missing++;
                        previous = -1;
                        continue;
                    }

                    if (graphIndex[position] < 0)
                    {
                        graphIndex[position] = graphNodes.Count;
                        graphNodes.Add(position);
                    }

                    if (previous >= 0)
                    {
                        var length = GeoPoint.Distance(latitudes[previous], longitudes[previous], latitudes[position], longitudes[position]);
                        segments.Add(new Segment(graphIndex[previous], graphIndex[position], length));
                    }

                    previous = position;
                }
            }

            // Number the nodes along a Hilbert curve, so that nodes near each other on the map are near each other in
            // memory: searches then touch far fewer cache lines.
            var order = HilbertOrder(graphNodes);
            var renumber = new int[order.Length];
            for (var i = 0; i < order.Length; i++)
            {
                renumber[order[i]] = i;
            }

            for (var s = 0; s < segments.Count; s++)
            {
                segments[s] = segments[s] with { From = renumber[segments[s].From], To = renumber[segments[s].To] };
            }

            var graph = WalkGraph.Create(
                [.. order.Select(i => latitudes[graphNodes[i]])],
                [.. order.Select(i => longitudes[graphNodes[i]])],
                segments,
                [.. order.Select(i => nodeIds[graphNodes[i]])]);
            var buildings = Buildings(ref missing);
            var amenityPoints = new List<GeoPoint>(amenityNodes);
            amenityPoints.AddRange(Centroids(amenityWays, ref missing));
            return new OsmAccessData(graph, buildings, amenityPoints, missing);
        }

        private int[] HilbertOrder(List<int> positions)
        {
            if (positions.Count == 0)
            {
                return [];
            }

            double minLat = double.MaxValue, maxLat = double.MinValue, minLon = double.MaxValue, maxLon = double.MinValue;
            foreach (var p in positions)
            {
                minLat = Math.Min(minLat, latitudes[p]);
                maxLat = Math.Max(maxLat, latitudes[p]);
                minLon = Math.Min(minLon, longitudes[p]);
                maxLon = Math.Max(maxLon, longitudes[p]);
            }

            const int side = 1 << 16;
            var latScale = (side - 1) / Math.Max(maxLat - minLat, 1e-12);
            var lonScale = (side - 1) / Math.Max(maxLon - minLon, 1e-12);
            var keys = new long[positions.Count];
            var order = new int[positions.Count];
            for (var i = 0; i < positions.Count; i++)
            {
                var x = (int)((longitudes[positions[i]] - minLon) * lonScale);
                var y = (int)((latitudes[positions[i]] - minLat) * latScale);
                keys[i] = HilbertIndex(side, x, y);
                order[i] = i;
            }

            Array.Sort(keys, order);
            return order;
        }

        // The classic conversion of a cell (x, y) of a side × side grid to its distance along the Hilbert curve.
        private static long HilbertIndex(int side, int x, int y)
        {
            long d = 0;
            for (var s = side / 2; s > 0; s /= 2)
            {
                var rx = (x & s) > 0 ? 1 : 0;
                var ry = (y & s) > 0 ? 1 : 0;
                d += (long)s * s * ((3 * rx) ^ ry);
                if (ry == 0)
                {
                    if (rx == 1)
                    {
                        x = s - 1 - x;
                        y = s - 1 - y;
                    }

                    (x, y) = (y, x);
                }
            }

            return d;
        }

        private List<GeoPoint> Centroids(WayList ways, ref int missing) => Centroids(ways, ref missing, out _);

        // The points of the ways that have at least one node in the file, and the index of each such way.
        private List<GeoPoint> Centroids(WayList ways, ref int missing, out List<int> kept)
        {
            var points = new List<GeoPoint>(ways.Count);
            kept = new List<int>(ways.Count);
            for (var w = 0; w < ways.Count; w++)
            {
                double latitude = 0, longitude = 0;
                var found = 0;
                foreach (var nodeId in ways[w])
                {
                    var position = Find(nodeId);
                    if (position < 0)
                    {
                        missing++;
                        continue;
                    }

                    latitude += latitudes[position];
                    longitude += longitudes[position];
                    found++;
                }

                if (found > 0)
                {
                    points.Add(new GeoPoint(latitude / found, longitude / found));
                    kept.Add(w);
                }
            }

            return points;
        }

        private List<OsmBuilding> Buildings(ref int missing)
        {
            var centroids = Centroids(buildingWays, ref missing, out var kept);
            var buildings = new List<OsmBuilding>(centroids.Count);
            for (var i = 0; i < centroids.Count; i++)
            {
                var (levels, nonResidential) = buildingTags[kept[i]];
                buildings.Add(new OsmBuilding(centroids[i], Footprint(buildingWays[kept[i]], centroids[i]), float.IsNaN(levels) ? null : levels, nonResidential));
            }

            return buildings;
        }

        // The area in m² of a closed way (first node = last node, at least three corners), by the shoelace formula on
        // a local equirectangular projection around its point; 0 for an open way or one with a node missing.
        private double Footprint(ReadOnlySpan<long> way, GeoPoint centre)
        {
            if (way.Length < 4 || way[0] != way[^1])
            {
                return 0;
            }

            const double radians = Math.PI / 180;
            var xScale = GeoPoint.EarthRadius * radians * Math.Cos(centre.Latitude * radians);
            var yScale = GeoPoint.EarthRadius * radians;
            double twice = 0, previousX = 0, previousY = 0;
            for (var i = 0; i < way.Length; i++)
            {
                var position = Find(way[i]);
                if (position < 0)
                {
                    return 0;
                }

                var x = (longitudes[position] - centre.Longitude) * xScale;
                var y = (latitudes[position] - centre.Latitude) * yScale;
                if (i > 0)
                {
                    twice += (previousX * y) - (x * previousY);
                }

                (previousX, previousY) = (x, y);
            }

            return Math.Abs(twice) / 2;
        }

        private int Find(long nodeId)
        {
            var position = Array.BinarySearch(nodeIds, 0, nodeCount, nodeId);
            return position >= 0 ? position : -1;
        }

        private bool IsRequestedAmenity(OsmTags tags)
        {
            if (amenityValues.Length == 0 || !tags.TryGetValue("amenity"u8, out var amenity))
            {
                return false;
            }

            foreach (var value in amenityValues)
            {
                if (amenity.SequenceEqual(value))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>The node lists of many ways, concatenated.</summary>
    private sealed class WayList
    {
        private readonly List<int> starts = [0];
        private long[] refs = new long[1 << 12];

        public int Count => starts.Count - 1;

        public int RefCount => starts[^1];

        public ReadOnlySpan<long> this[int way] => refs.AsSpan(starts[way], starts[way + 1] - starts[way]);

        public void Add(ReadOnlySpan<long> nodeIds)
        {
            var end = starts[^1];
            if (end + nodeIds.Length > refs.Length)
            {
                Array.Resize(ref refs, Math.Max(end + nodeIds.Length, refs.Length * 2));
            }

            nodeIds.CopyTo(refs.AsSpan(end));
            starts.Add(end + nodeIds.Length);
        }
    }
}
