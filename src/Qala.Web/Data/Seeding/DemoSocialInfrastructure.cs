using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Qala.Engine.Access.Osm;
using Qala.Web.Data.Audit;
using Qala.Web.Features.SocialInfrastructure;
using Qala.Web.Features.Territories;

namespace Qala.Web.Data.Seeding;

/// <summary>
/// Demonstration social infrastructure for Shymkent, every record marked <c>IsDemo</c> and the pages say so: there is
/// no Kazakh street extract to ship, so it is the sample extract of Monaco (OpenStreetMap, © OpenStreetMap
/// contributors, ODbL 1.0) that the engine's tests use — its streets, its schools and kindergartens with invented
/// capacities and enrolment, and every tenth building as a home of 60 people (5 children aged 1–6, 9 aged 6–17). The
/// extract is cut in two at its middle longitude and the halves stand in for the Abai and Al-Farabi districts.
/// </summary>
internal sealed class DemoSocialInfrastructure(QalaDbContext db, AuditActorAccessor actors, TimeProvider time)
{
    public const string Territory = "790000000";
    public const string ResourceName = "Qala.Demo.monaco.osm.pbf";
    private const string West = "791110000";
    private const string East = "791310000";

    public async Task<bool> SeedAsync(CancellationToken cancellationToken)
    {
        var territories = await db.Set<Territory>().Where(t => t.Code == Territory || t.Code == West || t.Code == East)
            .ToDictionaryAsync(t => t.Code, StringComparer.Ordinal, cancellationToken);
        if (territories.Count < 3 || await db.Set<WalkNetwork>().AnyAsync(n => n.TerritoryId == territories[Territory].Id, cancellationToken))
        {
            return false;
        }

        byte[] content;
        await using (var stream = typeof(DemoSocialInfrastructure).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"{ResourceName} is not embedded in Qala.Web."))
        {
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, cancellationToken);
            content = buffer.ToArray();
        }

        var data = OsmAccessData.Read(new MemoryStream(content, writable: false));
        var graph = data.Graph;
        var longitudes = graph.Longitudes.ToArray();
        var latitudes = graph.Latitudes.ToArray();
        var middle = longitudes.Order().ElementAt(longitudes.Length / 2);
        int DistrictOf(double longitude) => territories[longitude < middle ? West : East].Id;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var network = new WalkNetwork
        {
            TerritoryId = territories[Territory].Id,
            FileName = "monaco.osm.pbf (sample extract, not Shymkent)",
            FileSize = content.LongLength,
            NodeCount = graph.NodeCount,
            EdgeCount = graph.EdgeCount,
            ImportedBy = actors.Current().UserName ?? "demo",
            ImportedAt = time.GetUtcNow(),
            IsDemo = true,
        };
        db.Add(network);
        var (south, north, minimum, maximum) = (latitudes.Min(), latitudes.Max(), longitudes.Min(), longitudes.Max());
        db.Add(new DistrictOutline { TerritoryId = territories[West].Id, Geometry = Box(south, north, minimum, middle), IsDemo = true });
        db.Add(new DistrictOutline { TerritoryId = territories[East].Id, Geometry = Box(south, north, middle, maximum), IsDemo = true });

        foreach (var (amenity, kind, places) in new[] { ("school", FacilityKind.School, 400), ("kindergarten", FacilityKind.Kindergarten, 120) })
        {
            var points = OsmAccessData.Read(new MemoryStream(content, writable: false), [amenity]).Amenities;
            for (var i = 0; i < points.Count; i++)
            {
                var name = string.Format(CultureInfo.InvariantCulture, "{0} {1} (sample)", kind, i + 1);
                var capacity = places + (i % 4 * places / 4);
                db.Add(new SocialFacility
                {
                    Kind = kind,
                    Name = LocalizedText.Of(name, name, name),
                    TerritoryId = DistrictOf(points[i].Longitude),
                    Latitude = points[i].Latitude,
                    Longitude = points[i].Longitude,
                    Capacity = capacity,
                    Enrolment = capacity * (90 + (i * 17 % 40)) / 100,
                    State = i % 7 == 6 ? FacilityState.Planned : FacilityState.Operating,
                    IsDemo = true,
                });
            }
        }

        for (var i = 0; i < data.Buildings.Count; i += 10)
        {
            var home = data.Buildings[i].Point;
            db.Add(new PopulationPoint
            {
                TerritoryId = DistrictOf(home.Longitude),
                Label = string.Format(CultureInfo.InvariantCulture, "building {0}", i + 1),
                Latitude = home.Latitude,
                Longitude = home.Longitude,
                Population = 60,
                Children1To6 = 5,
                Children6To17 = 9,
                IsDemo = true,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        db.Add(new WalkNetworkContent { NetworkId = network.Id, Content = content });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private static string Box(double south, double north, double west, double east) => string.Format(
        CultureInfo.InvariantCulture,
        """{{"type":"Polygon","coordinates":[[[{2},{0}],[{3},{0}],[{3},{1}],[{2},{1}],[{2},{0}]]]}}""",
        south, north, west, east);
}
