using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Qala.Engine.Investment;
using Qala.Web.Data;
using Qala.Web.Features.Territories;
using Qala.Web.Features.Users;

namespace Qala.Web.Features.Investment;

/// <summary>What a company plans to employ: small up to 100 jobs, medium up to 250, large beyond (the SME bands of the Entrepreneurial Code).</summary>
public enum SizeBand
{
    Small,
    Medium,
    Large,
}

/// <summary>A viewport in WGS 84 degrees.</summary>
public sealed record BoundingBox(double West, double South, double East, double North)
{
    /// <summary>Reads <c>west,south,east,north</c>; null for text that is not four numbers in range with west &lt; east and south &lt; north.</summary>
    public static BoundingBox? Parse(string? text)
    {
        var parts = (text ?? string.Empty).Split(',');
        if (parts.Length != 4)
        {
            return null;
        }

        var numbers = new double[4];
        for (var i = 0; i < 4; i++)
        {
            if (!double.TryParse(parts[i].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out numbers[i]) || !double.IsFinite(numbers[i]))
            {
                return null;
            }
        }

        var box = new BoundingBox(numbers[0], numbers[1], numbers[2], numbers[3]);
        return box.West >= -180 && box.East <= 180 && box.South >= -90 && box.North <= 90 && box.West < box.East && box.South < box.North ? box : null;
    }
}

/// <summary>
/// The map's filters. Stage, sector (OKED section letter) and size describe companies, so with any of them set the map
/// shows participants and projects only; zone keeps a zone and its participants; district keeps what lies in a
/// territory (by its code) or in one of its districts.
/// </summary>
public sealed record MapFilter(BoundingBox? Box, LifecycleStage? Stage, char? Sector, int? Zone, SizeBand? Size, string? District)
{
    public bool ConcernsCompanies => Stage is not null || Sector is not null || Size is not null;
}

public enum MapPointKind
{
    Zone,
    Participant,
    Project,
    Ppp,
}

/// <summary>
/// One point of the map or its table. Planned jobs are what a company announces; actual jobs and investment (tenge) are
/// null unless the caller is an official of the territory. A PPP project has its sector and stage instead of a company's;
/// its contract value and total obligations (tenge) and its page are null unless the caller is an official of the territory.
/// </summary>
public sealed record MapPoint(
    MapPointKind Kind, int Id, string Name, double Latitude, double Longitude, string Territory, LifecycleStage? Stage, string? Oked,
    string? Zone, int? PlannedJobs, int? ActualJobs, decimal? Investment, string? Url,
    PppSector? PppSector = null, PppStage? PppStage = null, decimal? ContractValue = null, decimal? Obligations = null);

/// <summary>Several points that fall in one grid cell: how many and where their centre is.</summary>
public sealed record MapCluster(double Latitude, double Longitude, int Count);

/// <summary>The map's answer for a viewport: clusters where points are dense, single points elsewhere; <c>Total</c> counts every point.</summary>
public sealed record MapResponse(int Total, int Zoom, List<MapCluster> Clusters, List<MapPoint> Points);

/// <summary>
/// The business development map: zones and their participants for everyone, the pipeline's projects for officials
/// of their territories. Points are clustered on a grid whose cell halves with each zoom level (a quarter of a
/// 256-pixel tile), grouped in SQL so the work grows with the cells on screen, not with the registry.
/// </summary>
public sealed class InvestmentMap(QalaDbContext db, UserScope scope, InvestmentAccess access)
{
    /// <summary>At most this many rows in the table view and its download.</summary>
    public const int TableLimit = 5000;

    private sealed record Cell(MapPointKind Kind, int X, int Y, int Count, double Latitude, double Longitude, int Id);

    /// <summary>A point as SQL sees it; initialised by members, which EF Core can filter and group after the projection.</summary>
    private sealed class Located
    {
        public int Id { get; init; }

        public int TerritoryId { get; init; }

        public double Latitude { get; init; }

        public double Longitude { get; init; }
    }

    public static double CellDegrees(int zoom) => 90.0 / Math.Pow(2, zoom);

    public async Task<MapResponse> ClusterAsync(MapFilter filter, int zoom, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var cell = CellDegrees(zoom);
        var sources = await SourcesAsync(filter, user, cancellationToken);
        var cells = new List<Cell>();
        foreach (var (kind, query) in sources)
        {
            cells.AddRange(await query
                .GroupBy(p => new { X = Math.Floor((p.Longitude + 180) / cell), Y = Math.Floor((p.Latitude + 90) / cell) })
                .Select(g => new Cell(kind, (int)g.Key.X, (int)g.Key.Y, g.Count(), g.Average(p => p.Latitude), g.Average(p => p.Longitude), g.Min(p => p.Id)))
                .ToListAsync(cancellationToken));
        }

        var clusters = new List<MapCluster>();
        var singles = new List<Cell>();
        foreach (var group in cells.GroupBy(c => (c.X, c.Y)))
        {
            var count = group.Sum(c => c.Count);
            if (count == 1)
            {
                singles.Add(group.Single());
                continue;
            }

            clusters.Add(new MapCluster(group.Sum(c => c.Latitude * c.Count) / count, group.Sum(c => c.Longitude * c.Count) / count, count));
        }

        var points = new List<MapPoint>();
        foreach (var kind in Enum.GetValues<MapPointKind>())
        {
            var ids = singles.Where(s => s.Kind == kind).Select(s => s.Id).ToList();
            if (ids.Count > 0)
            {
                points.AddRange(await PointsAsync(kind, ids, user, cancellationToken));
            }
        }

        return new MapResponse(cells.Sum(c => c.Count), zoom, clusters, points);
    }

    /// <summary>Every point of the selection (up to <see cref="TableLimit"/>), for the table view and its download.</summary>
    public async Task<List<MapPoint>> ListAsync(MapFilter filter, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var points = new List<MapPoint>();
        foreach (var (kind, query) in await SourcesAsync(filter, user, cancellationToken))
        {
            var ids = await query.OrderBy(p => p.Id).Select(p => p.Id).Take(TableLimit - points.Count).ToListAsync(cancellationToken);
            points.AddRange(await PointsAsync(kind, ids, user, cancellationToken));
        }

        return points;
    }

    private async Task<List<(MapPointKind Kind, IQueryable<Located> Query)>> SourcesAsync(MapFilter filter, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        List<int>? territories = null;
        if (filter.District is { } district)
        {
            territories = await db.Set<Territory>().Where(t => t.Code == district || t.Parent!.Code == district).Select(t => t.Id).ToListAsync(cancellationToken);
        }

        var sources = new List<(MapPointKind, IQueryable<Located>)>();
        if (!filter.ConcernsCompanies)
        {
            var zones = db.Set<InvestmentZone>().AsNoTracking().Where(z => z.Latitude != null && z.Longitude != null);
            zones = filter.Zone is { } zone ? zones.Where(z => z.Id == zone) : zones;
            sources.Add((MapPointKind.Zone, Within(zones.Select(z => new Located { Id = z.Id, TerritoryId = z.TerritoryId, Latitude = z.Latitude!.Value, Longitude = z.Longitude!.Value }), filter.Box, territories)));
        }

        if (!filter.ConcernsCompanies && filter.Zone is null)
        {
            var ppp = db.Set<PppProject>().AsNoTracking().Where(p => p.Latitude != null && p.Longitude != null);
            sources.Add((MapPointKind.Ppp, Within(
                ppp.Select(p => new Located { Id = p.Id, TerritoryId = p.TerritoryId, Latitude = p.Latitude!.Value, Longitude = p.Longitude!.Value }), filter.Box, territories)));
        }

        var participants = Companies(db.Set<ZoneParticipant>().AsNoTracking(), filter);
        participants = filter.Zone is { } only ? participants.Where(p => p.ZoneId == only) : participants;

        // The zone's territory only when a district asks for it: the country-wide view then reads one table, not a join.
        participants = territories is null ? participants : participants.Where(p => territories.Contains(p.Zone!.TerritoryId));
        sources.Add((MapPointKind.Participant, Within(
            participants.Select(p => new Located { Id = p.Id, Latitude = p.Latitude!.Value, Longitude = p.Longitude!.Value }), filter.Box, null)));

        if (filter.Zone is null && InvestmentAccess.IsOfficial(user))
        {
            var projects = Companies(db.Set<InvestmentProject>().AsNoTracking(), filter).InScope(await scope.CurrentAsync(cancellationToken));
            sources.Add((MapPointKind.Project, Within(
                projects.Select(p => new Located { Id = p.Id, TerritoryId = p.TerritoryId, Latitude = p.Latitude!.Value, Longitude = p.Longitude!.Value }), filter.Box, territories)));
        }

        return sources;
    }

    private static IQueryable<T> Companies<T>(IQueryable<T> query, MapFilter filter)
        where T : class, IMapped
    {
        query = query.Where(p => p.Latitude != null && p.Longitude != null);
        if (filter.Stage is { } stage)
        {
            query = query.Where(p => p.Stage == stage);
        }

        if (filter.Sector is { } sector)
        {
            var divisions = Oked.DivisionsOf(sector);
            query = query.Where(p => divisions.Contains(p.Oked.Substring(0, 2)));
        }

        return filter.Size switch
        {
            SizeBand.Small => query.Where(p => p.PlannedJobs <= 100),
            SizeBand.Medium => query.Where(p => p.PlannedJobs > 100 && p.PlannedJobs <= 250),
            SizeBand.Large => query.Where(p => p.PlannedJobs > 250),
            null => query,
        };
    }

    private static IQueryable<Located> Within(IQueryable<Located> query, BoundingBox? box, List<int>? territories)
    {
        if (box is not null)
        {
            query = query.Where(p => p.Longitude >= box.West && p.Longitude <= box.East && p.Latitude >= box.South && p.Latitude <= box.North);
        }

        return territories is null ? query : query.Where(p => territories.Contains(p.TerritoryId));
    }

    private async Task<IEnumerable<MapPoint>> PointsAsync(MapPointKind kind, List<int> ids, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        switch (kind)
        {
            case MapPointKind.Zone:
                var zones = await db.Set<InvestmentZone>().AsNoTracking().Include(z => z.Territory).Where(z => ids.Contains(z.Id)).ToListAsync(cancellationToken);
                return zones.Select(z => new MapPoint(
                    kind, z.Id, z.Name.Current, z.Latitude!.Value, z.Longitude!.Value, z.Territory!.Code, null, null, null, null, null, null, $"/investment/zones/{z.Id}"));
            case MapPointKind.Participant:
                var participants = await db.Set<ZoneParticipant>().AsNoTracking().Include(p => p.Zone!.Territory).Include(p => p.Years).AsSplitQuery()
                    .Where(p => ids.Contains(p.Id)).OrderBy(p => p.Id).ToListAsync(cancellationToken);
                var readable = new Dictionary<int, bool>();
                var result = new List<MapPoint>(participants.Count);
                foreach (var p in participants)
                {
                    var territory = p.Zone!.TerritoryId;
                    if (!readable.TryGetValue(territory, out var money))
                    {
                        readable[territory] = money = await access.ReadsConfidentialAsync(user, territory);
                    }

                    result.Add(new MapPoint(
                        kind, p.Id, p.CompanyName, p.Latitude!.Value, p.Longitude!.Value, p.Zone.Territory!.Code, p.Stage, p.Oked, p.Zone.Name.Current,
                        p.PlannedJobs, money ? p.ActualJobs : null, money ? p.ActualInvestment : null, $"/investment/zones/{p.ZoneId}"));
                }

                return result;
            case MapPointKind.Ppp:
                var ppp = await db.Set<PppProject>().AsNoTracking().Include(p => p.Territory).Include(p => p.Obligations).AsSplitQuery()
                    .Where(p => ids.Contains(p.Id)).OrderBy(p => p.Id).ToListAsync(cancellationToken);
                var officials = new Dictionary<int, bool>();
                var pppPoints = new List<MapPoint>(ppp.Count);
                foreach (var p in ppp)
                {
                    if (!officials.TryGetValue(p.TerritoryId, out var official))
                    {
                        officials[p.TerritoryId] = official = await access.ReadsConfidentialAsync(user, p.TerritoryId);
                    }

                    pppPoints.Add(new MapPoint(
                        kind, p.Id, p.Name.Current, p.Latitude!.Value, p.Longitude!.Value, p.Territory!.Code, null, null, null, null, null, null,
                        official ? $"/investment/ppp/{p.Id}" : null, p.Sector, p.Stage, official ? p.ContractValue : null, official ? p.Obligations.Sum(o => o.Total) : null));
                }

                return pppPoints;
            default:
                var projects = await db.Set<InvestmentProject>().AsNoTracking().Include(p => p.Territory).Include(p => p.Years).AsSplitQuery()
                    .Where(p => ids.Contains(p.Id)).OrderBy(p => p.Id).ToListAsync(cancellationToken);
                return projects.Select(p => new MapPoint(
                    kind, p.Id, p.Name.Current, p.Latitude!.Value, p.Longitude!.Value, p.Territory!.Code, p.Stage, p.Oked, null,
                    p.PlannedJobs, p.ActualJobs, p.ActualInvestment, $"/investment/projects/{p.Id}"));
        }
    }
}
