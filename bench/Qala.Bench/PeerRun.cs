using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Qala.Engine.Access;
using Qala.Engine.Access.Osm;

namespace Qala.Bench;

/// <summary>
/// The engine's half of the side-by-side run: median stopwatch timings of each workload, and the graphs, facilities
/// and answers written as little-endian arrays so that the Python peers compute on exactly the same input and the
/// answers can be compared to the millimetre.
/// </summary>
internal static class PeerRun
{
    private const int Repeats = 15;

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static void Run(string folder)
    {
        Directory.CreateDirectory(folder);
        var read = Median(5, () => OsmAccessData.Read(Path.Combine(AccessWorkload.DataFolder, "porto_r5.osm.pbf")));
        var workload = AccessWorkload.Load();
        var porto = workload.Porto;
        var within1000 = NearestFacility.FromNodes(porto, workload.PortoFacilities, 1000);
        var unlimited = NearestFacility.FromNodes(porto, workload.PortoFacilities);
        var model = new CatchmentModel(workload.PortoAlegre, workload.HexDemand, 750);
        var twoStep = model.Compute(workload.HexSchools);
        var ones = new double[porto.NodeCount];
        Array.Fill(ones, 1);
        var sums = RadiusSum.ForEveryNode(porto, ones, 500);

        var figures = new Dictionary<string, double>
        {
            ["read_porto_ms"] = read,
            ["nearest_1000_ms"] = Median(Repeats, () => NearestFacility.FromNodes(porto, workload.PortoFacilities, 1000)),
            ["nearest_unlimited_ms"] = Median(Repeats, () => NearestFacility.FromNodes(porto, workload.PortoFacilities)),
            ["two_step_ms"] = Median(Repeats, () => model.Compute(workload.HexSchools)),
            ["radius_sum_500_ms"] = Median(3, () => RadiusSum.ForEveryNode(porto, ones, 500)),
            ["porto_nodes"] = porto.NodeCount,
            ["porto_directed_edges"] = porto.EdgeCount,
            ["bytes_per_directed_edge"] = (double)porto.MemoryBytes / porto.EdgeCount,
            ["porto_alegre_nodes"] = workload.PortoAlegre.NodeCount,
            ["hexagons"] = workload.HexDemand.Count,
            ["school_hexagons"] = workload.HexSchools.Count,
        };

        Write(folder, "porto", porto);
        Write(folder, "porto_alegre", workload.PortoAlegre);
        WriteArray(folder, "porto_facilities.i32", workload.PortoFacilities.Select(s => s.Node).ToArray());
        WriteArray(folder, "nearest_1000.f64", within1000.Distance.ToArray());
        WriteArray(folder, "nearest_unlimited.f64", unlimited.Distance.ToArray());
        WriteArray(folder, "radius_sum_500.f64", sums);
        WriteArray(folder, "hex_demand_node.i32", workload.HexDemand.Select(d => d.Location.NodeA).ToArray());
        WriteArray(folder, "hex_population.f64", workload.HexDemand.Select(d => d.Population).ToArray());
        WriteArray(folder, "hex_school_node.i32", workload.HexSchools.Select(f => f.Location.NodeA).ToArray());
        WriteArray(folder, "hex_school_capacity.f64", workload.HexSchools.Select(f => f.Capacity).ToArray());
        WriteArray(folder, "two_step_access.f64", twoStep.Access.ToArray());
        File.WriteAllText(Path.Combine(folder, "qala.json"), JsonSerializer.Serialize(figures, Json));
        foreach (var (name, value) in figures)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-24} {value,12:0.###}"));
        }
    }

    private static double Median(int repeats, Action work)
    {
        work();
        var times = new double[repeats];
        for (var i = 0; i < repeats; i++)
        {
            var clock = Stopwatch.StartNew();
            work();
            times[i] = clock.Elapsed.TotalMilliseconds;
        }

        Array.Sort(times);
        return times[repeats / 2];
    }

    private static void Write(string folder, string name, WalkGraph graph)
    {
        WriteArray(folder, $"{name}_first.i32", graph.FirstEdge.ToArray());
        WriteArray(folder, $"{name}_targets.i32", graph.Targets.ToArray());
        WriteArray(folder, $"{name}_lengths.f64", graph.Lengths.ToArray());
    }

    private static void WriteArray<T>(string folder, string name, T[] values)
        where T : unmanaged
    {
        using var file = File.Create(Path.Combine(folder, name));
        file.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()));
    }
}
