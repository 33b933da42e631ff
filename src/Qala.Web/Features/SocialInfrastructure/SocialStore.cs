using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Qala.Engine.Access;
using Qala.Engine.Access.Osm;
using Qala.Web.Data;
using Qala.Web.Data.Audit;
using Qala.Web.Features.Territories;
using Qala.Web.Infrastructure.Imports;

namespace Qala.Web.Features.SocialInfrastructure;

/// <summary>What a network, OSM facility or outline import did: how many records it wrote, or why nothing was saved.</summary>
public sealed record StoreResult(int Count, IReadOnlyList<OutlineError> Errors, IReadOnlyList<object>? Arguments = null)
{
    public bool Succeeded => Errors.Count == 0;

    public static StoreResult Refused(string messageKey) => new(0, [new OutlineError(null, messageKey)]);
}

/// <summary>
/// How to estimate the people of the buildings of an extract: the <see cref="PopulationRule"/> and, optionally, the
/// shares (per cent) of children aged 1–6 and 6–17 among them.
/// </summary>
public sealed record BuildingEstimate(PopulationRule Rule, double? Children1To6Percent, double? Children6To17Percent);

/// <summary>
/// Keeps a territory's street network (the .osm.pbf it was read from), its district outlines and the facilities
/// read from the OpenStreetMap amenities of its network; each import is all or nothing.
/// </summary>
public sealed class SocialStore(QalaDbContext db, AuditActorAccessor actors, TimeProvider time, SocialAnalysis analysis, SocialIndicators indicators)
{
    /// <summary>The OSM <c>amenity</c> values read as each kind of facility.</summary>
    public static readonly IReadOnlyList<(string Amenity, FacilityKind Kind)> Amenities =
    [
        ("school", FacilityKind.School), ("kindergarten", FacilityKind.Kindergarten), ("clinic", FacilityKind.Clinic),
        ("doctors", FacilityKind.Clinic), ("hospital", FacilityKind.Hospital),
    ];

    /// <summary>Reads and stores the territory's network, replacing the one it had; a file that is not a usable extract is refused.</summary>
    public async Task<StoreResult> SaveNetworkAsync(Territory territory, string fileName, byte[] content, bool isDemo, CancellationToken cancellationToken)
    {
        LoadedNetwork loaded;
        try
        {
            loaded = NetworkCache.Build(content, Guid.Empty);
        }
        catch (OsmPbfException e)
        {
            return new StoreResult(0, [new OutlineError(null, "The file is not a readable OpenStreetMap extract (.osm.pbf): {0}")], [e.Message]);
        }

        if (loaded.Graph.NodeCount == 0)
        {
            return StoreResult.Refused("The extract has no walkable streets.");
        }

        var network = await db.Set<WalkNetwork>().SingleOrDefaultAsync(n => n.TerritoryId == territory.Id, cancellationToken);
        if (network is null)
        {
            network = new WalkNetwork { TerritoryId = territory.Id, FileName = fileName };
            db.Add(network);
        }

        network.FileName = Path.GetFileName(fileName);
        network.FileSize = content.LongLength;
        network.NodeCount = loaded.Graph.NodeCount;
        network.EdgeCount = loaded.Graph.EdgeCount;
        network.ImportedBy = actors.Current().UserName;
        network.ImportedAt = time.GetUtcNow();
        network.IsDemo = isDemo;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        var stored = await db.Set<WalkNetworkContent>().SingleOrDefaultAsync(c => c.NetworkId == network.Id, cancellationToken);
        if (stored is null)
        {
            db.Add(new WalkNetworkContent { NetworkId = network.Id, Content = content });
        }
        else
        {
            stored.Content = content;
        }

        await db.SaveChangesAsync(cancellationToken);
        await indicators.RecomputeAsync(territory.Id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new StoreResult(network.NodeCount, []);
    }

    /// <summary>
    /// Adds the schools, kindergartens, clinics and hospitals tagged in the territory's stored extract that it does not
    /// have yet (none within 30 m of the same kind), with the given capacity for the planner to correct; each goes to the
    /// district whose outline holds it, else to the territory itself.
    /// </summary>
    public async Task<StoreResult> AddOsmFacilitiesAsync(Territory territory, int capacity, bool isDemo, CancellationToken cancellationToken)
    {
        if (capacity <= 0)
        {
            return StoreResult.Refused("The capacity must be a whole number of places above zero.");
        }

        var network = await db.Set<WalkNetwork>().AsNoTracking().SingleOrDefaultAsync(n => n.TerritoryId == territory.Id, cancellationToken);
        if (network is null)
        {
            return StoreResult.Refused("Import the territory's street network first.");
        }

        var content = await db.Set<WalkNetworkContent>().AsNoTracking().Where(c => c.NetworkId == network.Id).Select(c => c.Content).SingleAsync(cancellationToken);
        var ids = (await analysis.AreaAsync(territory.Id, cancellationToken)).Select(t => t.Id).ToArray();
        var outlines = await db.Set<DistrictOutline>().AsNoTracking().Where(o => ids.Contains(o.TerritoryId) && o.TerritoryId != territory.Id).ToListAsync(cancellationToken);
        var existing = await db.Set<SocialFacility>().AsNoTracking().Where(f => ids.Contains(f.TerritoryId)).ToListAsync(cancellationToken);
        var added = 0;
        var numbers = new Dictionary<FacilityKind, int>();
        foreach (var (amenity, kind) in Amenities)
        {
            using var stream = new MemoryStream(content, writable: false);
            foreach (var point in OsmAccessData.Read(stream, [amenity]).Amenities)
            {
                numbers[kind] = numbers.GetValueOrDefault(kind) + 1;
                if (existing.Any(f => f.Kind == kind && GeoPoint.Distance(f.Latitude, f.Longitude, point.Latitude, point.Longitude) < 30))
                {
                    continue;
                }

                var district = outlines.FirstOrDefault(o => OutlineReader.Contains(o.Geometry, point.Latitude, point.Longitude))?.TerritoryId ?? territory.Id;
                var name = string.Format(CultureInfo.InvariantCulture, "OSM {0} {1}", amenity, numbers[kind]);
                var facility = new SocialFacility
                {
                    Kind = kind,
                    Name = LocalizedText.Of(name, name, name),
                    TerritoryId = district,
                    Latitude = point.Latitude,
                    Longitude = point.Longitude,
                    Capacity = capacity,
                    State = FacilityState.Operating,
                    IsDemo = isDemo,
                };
                existing.Add(facility);
                db.Add(facility);
                added++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await indicators.RecomputeAsync(territory.Id, cancellationToken);
        return new StoreResult(added, []);
    }

    /// <summary>
    /// Replaces the territory's population with the buildings of its stored extract, each with the people the rule
    /// estimates (buildings estimated at nobody are left out), in the district whose outline holds it, else the territory
    /// itself: one transaction with an import batch as provenance, the indicators recomputed. The count is the points written.
    /// </summary>
    public async Task<StoreResult> EstimatePopulationAsync(Territory territory, BuildingEstimate estimate, CancellationToken cancellationToken)
    {
        var network = await db.Set<WalkNetwork>().AsNoTracking().SingleOrDefaultAsync(n => n.TerritoryId == territory.Id, cancellationToken);
        if (network is null)
        {
            return StoreResult.Refused("Import the territory's street network first.");
        }

        var content = await db.Set<WalkNetworkContent>().AsNoTracking().Where(c => c.NetworkId == network.Id).Select(c => c.Content).SingleAsync(cancellationToken);
        using var stream = new MemoryStream(content, writable: false);
        var buildings = OsmAccessData.Read(stream).Buildings;
        var homes = buildings.Select((b, i) => (Number: i + 1, b.Point, People: estimate.Rule.Estimate(b))).Where(b => b.People > 0).ToList();
        if (homes.Count == 0)
        {
            return StoreResult.Refused(buildings.Count == 0 ? "The stored extract has no buildings." : "The rule gives nobody in any building of the stored extract.");
        }

        var area = await analysis.AreaAsync(territory.Id, cancellationToken);
        var ids = area.Select(t => t.Id).ToArray();
        var outlines = (await db.Set<DistrictOutline>().AsNoTracking().Where(o => ids.Contains(o.TerritoryId) && o.TerritoryId != territory.Id).ToListAsync(cancellationToken))
            .Select(o => (o.TerritoryId, Shape: OutlineReader.Shape(o.Geometry))).ToList();
        int? Share(int people, double? percent) => percent is { } p ? (int)Math.Round(people * p / 100, MidpointRounding.AwayFromZero) : null;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var batch = new ImportBatch
        {
            Kind = DemandImport.BatchKind,
            FileName = Truncate($"{network.FileName} (buildings)", 260),
            FileHash = Convert.ToHexStringLower(SHA256.HashData(content)),
            FileSize = content.LongLength,
            Mode = ImportMode.AllOrNothing,
            ImportedBy = actors.Current().UserName,
            ImportedAt = time.GetUtcNow(),
            Added = homes.Count,
        };
        db.Add(batch);
        db.RemoveRange(await db.Set<PopulationPoint>().Where(p => ids.Contains(p.TerritoryId)).ToListAsync(cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        foreach (var chunk in homes.Chunk(1000))
        {
            foreach (var home in chunk)
            {
                db.Add(new PopulationPoint
                {
                    TerritoryId = outlines.FirstOrDefault(o => o.Shape.Contains(home.Point.Latitude, home.Point.Longitude)).TerritoryId is var district and > 0 ? district : territory.Id,
                    Label = string.Format(CultureInfo.InvariantCulture, "building {0}", home.Number),
                    Latitude = home.Point.Latitude,
                    Longitude = home.Point.Longitude,
                    Population = home.People,
                    Children1To6 = Share(home.People, estimate.Children1To6Percent),
                    Children6To17 = Share(home.People, estimate.Children6To17Percent),
                    ImportBatchId = batch.Id,
                });
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        await indicators.RecomputeAsync(territory.Id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new StoreResult(homes.Count, [], [homes.Count, homes.Sum(h => h.People), buildings.Count]);
    }

    /// <summary>Stores the outlines of a GeoJSON file, each for the district its code names; any bad feature refuses the file.</summary>
    public async Task<StoreResult> SaveOutlinesAsync(Territory territory, Stream content, bool isDemo, CancellationToken cancellationToken)
    {
        var (features, errors) = OutlineReader.Read(content);
        var area = (await analysis.AreaAsync(territory.Id, cancellationToken)).ToDictionary(t => t.Code, StringComparer.Ordinal);
        var unknown = features.Where(f => !area.ContainsKey(f.Code)).Select(f => new OutlineError(f.Number, "No district of this territory has this code.")).ToList();
        var repeated = features.GroupBy(f => f.Code).SelectMany(g => g.Skip(1)).Select(f => new OutlineError(f.Number, "Another feature has the outline of this district.")).ToList();
        if (errors.Count + unknown.Count + repeated.Count > 0 || features.Count == 0)
        {
            var all = errors.Concat(unknown).Concat(repeated).OrderBy(e => e.Feature).ToList();
            return new StoreResult(0, all.Count > 0 ? all : [new OutlineError(null, "The file has no features.")]);
        }

        foreach (var feature in features)
        {
            var id = area[feature.Code].Id;
            var outline = await db.Set<DistrictOutline>().SingleOrDefaultAsync(o => o.TerritoryId == id, cancellationToken);
            if (outline is null)
            {
                db.Add(new DistrictOutline { TerritoryId = id, Geometry = feature.Geometry, IsDemo = isDemo });
            }
            else
            {
                outline.Geometry = feature.Geometry;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return new StoreResult(features.Count, []);
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
