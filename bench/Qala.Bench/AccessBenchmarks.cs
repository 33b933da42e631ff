using BenchmarkDotNet.Attributes;
using Qala.Engine.Access;
using Qala.Engine.Access.Osm;

namespace Qala.Bench;

/// <summary>The walking-distance access engine on the shared extracts (issue 9's performance targets).</summary>
[MemoryDiagnoser]
public class AccessBenchmarks
{
    private AccessWorkload workload = null!;
    private CatchmentModel catchment = null!;
    private double[] ones = [];

    [GlobalSetup]
    public void Setup()
    {
        workload = AccessWorkload.Load();
        catchment = new CatchmentModel(workload.PortoAlegre, workload.HexDemand, 750);
        ones = new double[workload.Porto.NodeCount];
        Array.Fill(ones, 1);
    }

    [Benchmark(Description = "read porto_r5.osm.pbf into the walk graph")]
    public WalkGraph ReadPorto() => OsmAccessData.Read(Path.Combine(workload.Folder, "porto_r5.osm.pbf")).Graph;

    [Benchmark(Description = "nearest of 300 facilities, every node, within 1000 m")]
    public NearestDistances Nearest1000() => NearestFacility.FromNodes(workload.Porto, workload.PortoFacilities, 1000);

    [Benchmark(Description = "nearest of 300 facilities, every node, no limit")]
    public NearestDistances NearestUnlimited() => NearestFacility.FromNodes(workload.Porto, workload.PortoFacilities);

    [Benchmark(Description = "2SFCA Porto Alegre, schools by hexagon, 750 m")]
    public CatchmentResult TwoStepPortoAlegre() => catchment.Compute(workload.HexSchools);

    [Benchmark(Description = "sum within 500 m for every Porto node")]
    public double[] RadiusSum500() => RadiusSum.ForEveryNode(workload.Porto, ones, 500);
}
