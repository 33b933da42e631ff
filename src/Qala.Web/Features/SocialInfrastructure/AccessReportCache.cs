using System.Collections.Concurrent;

namespace Qala.Web.Features.SocialInfrastructure;

/// <summary>
/// The last <see cref="AccessReport"/> of each territory and kind on this node, with the data stamp it was computed
/// for (<see cref="SocialAnalysis"/> reads the stamp from the database on every request): a "what if" click then runs
/// only its bounded search, and a change made on any node changes the stamp, so the next request computes afresh.
/// </summary>
public sealed class AccessReportCache
{
    private readonly ConcurrentDictionary<(int Territory, FacilityKind Kind), (string Stamp, AccessReport Report)> reports = new();
    private long computed;

    /// <summary>How many reports this node has computed and kept (a request served from the cache adds nothing).</summary>
    public long Computed => Interlocked.Read(ref computed);

    public AccessReport? Find(int territoryId, FacilityKind kind, string stamp) =>
        reports.TryGetValue((territoryId, kind), out var entry) && entry.Stamp == stamp ? entry.Report : null;

    public void Keep(int territoryId, FacilityKind kind, string stamp, AccessReport report)
    {
        reports[(territoryId, kind)] = (stamp, report);
        Interlocked.Increment(ref computed);
    }
}
