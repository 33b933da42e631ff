using BenchmarkDotNet.Running;
using Qala.Bench;

// "peers FOLDER" times the engine with a stopwatch and writes its graphs and answers for bench/access_peers.py;
// "indicators scorecard|ranking …" times issue 4's indicator workloads on a PostgreSQL database (IndicatorRun);
// "duplicates FILE.csv [COLUMN]" times near-duplicate grouping of a file's texts (DuplicateRun);
// anything else goes to BenchmarkDotNet (e.g. --filter '*').
if (args is ["peers", var folder])
{
    PeerRun.Run(folder);
}
else if (args is ["duplicates", var file, .. var column])
{
    DuplicateRun.Run(file, column is [var name] ? name : "text");
}
else if (args is ["indicators", .. var rest])
{
    IndicatorRun.Run(rest);
}
else
{
    BenchmarkSwitcher.FromAssembly(typeof(AccessBenchmarks).Assembly).Run(args);
}
