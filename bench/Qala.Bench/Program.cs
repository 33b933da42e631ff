using BenchmarkDotNet.Running;
using Qala.Bench;

// "peers FOLDER" times the engine with a stopwatch and writes its graphs and answers for bench/access_peers.py;
// anything else goes to BenchmarkDotNet (e.g. --filter '*').
if (args is ["peers", var folder])
{
    PeerRun.Run(folder);
}
else
{
    BenchmarkSwitcher.FromAssembly(typeof(AccessBenchmarks).Assembly).Run(args);
}
