using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Qala.Engine.Access;
using Qala.Engine.Access.Osm;
using Qala.Web.Data;

namespace Qala.Web.Features.SocialInfrastructure;

/// <summary>A city's walk graph read from its stored extract, with the locator that places points on its streets.</summary>
public sealed record LoadedNetwork(Guid Version, WalkGraph Graph, EdgeLocator Locator);

/// <summary>
/// Builds each stored network's walk graph once per node and keeps it while the network's row version stays the same:
/// a new import of the city's extract changes the version, and the next request reads the new bytes.
/// </summary>
public sealed class NetworkCache
{
    private readonly ConcurrentDictionary<int, Task<LoadedNetwork>> networks = new();

    public async Task<LoadedNetwork> GetAsync(QalaDbContext db, WalkNetwork network, CancellationToken cancellationToken)
    {
        if (networks.TryGetValue(network.Id, out var cached))
        {
            var loaded = await cached;
            if (loaded.Version == network.Version)
            {
                return loaded;
            }
        }

        var content = await db.Set<WalkNetworkContent>().AsNoTracking().Where(c => c.NetworkId == network.Id)
            .Select(c => c.Content).SingleAsync(cancellationToken);
        var built = Task.FromResult(Build(content, network.Version));
        networks[network.Id] = built;
        return await built;
    }

    public static LoadedNetwork Build(byte[] content, Guid version)
    {
        using var stream = new MemoryStream(content, writable: false);
        var graph = OsmAccessData.Read(stream).Graph;
        return new LoadedNetwork(version, graph, new EdgeLocator(graph));
    }
}
