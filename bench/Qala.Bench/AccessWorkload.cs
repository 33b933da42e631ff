using System.Globalization;
using Qala.Engine.Access;
using Qala.Engine.Access.Osm;

namespace Qala.Bench;

/// <summary>
/// The inputs of the access benchmarks, built the same way for BenchmarkDotNet and for the side-by-side run with the
/// Python peers: the Porto walk graph with 300 facility nodes, and Porto Alegre's walk graph with its hexagon grid.
/// </summary>
public sealed class AccessWorkload
{
    public const int FacilityCount = 300;

    private AccessWorkload(string folder)
    {
        Folder = folder;
        Porto = OsmAccessData.Read(Path.Combine(folder, "porto_r5.osm.pbf")).Graph;
        // Every (n / 300)-th node: deterministic and spread over the whole extract.
        PortoFacilities = [.. Enumerable.Range(0, FacilityCount).Select(i => new Seed((int)((long)i * Porto.NodeCount / FacilityCount), 0, i))];
        PortoAlegre = OsmAccessData.Read(Path.Combine(folder, "porto_alegre_r5r.osm.pbf")).Graph;
        var locator = new NodeLocator(PortoAlegre);
        var demand = new List<DemandPoint>();
        var facilities = new List<Facility>();
        foreach (var line in File.ReadLines(Path.Combine(folder, "porto_alegre_r5r_hexgrid.csv")).Skip(1))
        {
            // id,lon,lat,population,schools,jobs,healthcare
            var cells = line.Split(',');
            var point = new GeoPoint(Number(cells[2]), Number(cells[1]));
            var node = NetworkLocation.AtNode(locator.Nearest(point).Node);
            demand.Add(new DemandPoint(node, Number(cells[3]), 0));
            if (Number(cells[4]) > 0)
            {
                facilities.Add(new Facility(node, Number(cells[4])));
            }
        }

        HexDemand = demand;
        HexSchools = facilities;
    }

    /// <summary>The folder the workload was read from (<see cref="DataFolder"/>).</summary>
    public string Folder { get; }

    public WalkGraph Porto { get; }

    public Seed[] PortoFacilities { get; }

    public WalkGraph PortoAlegre { get; }

    /// <summary>One demand point per hexagon at the walk node nearest its centre, its population as demand.</summary>
    public IReadOnlyList<DemandPoint> HexDemand { get; }

    /// <summary>One facility per hexagon with schools, at the same node, its number of schools as capacity.</summary>
    public IReadOnlyList<Facility> HexSchools { get; }

    /// <summary>The folder of the shared OSM files: <c>QALA_OSM_DATA</c>, else <c>/work/shared/data/osm</c>.</summary>
    public static string DataFolder =>
        Environment.GetEnvironmentVariable("QALA_OSM_DATA") is { Length: > 0 } folder ? folder : "/work/shared/data/osm";

    public static AccessWorkload Load() => new(DataFolder);

    private static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
