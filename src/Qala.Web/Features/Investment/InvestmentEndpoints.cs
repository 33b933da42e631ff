using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qala.Engine.Investment;
using Qala.Web.Data;
using Qala.Web.Features.Users;
using Qala.Web.Infrastructure.Calendar;

namespace Qala.Web.Features.Investment;

public static class InvestmentEndpoints
{
    public static RouteGroupBuilder MapInvestmentApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/investment").WithTags("Investment");
        group.MapGet("/zones", ZonesAsync).AllowAnonymous()
            .WithSummary("Special economic and industrial zones with today's figures; filter by territory code and kind.");
        group.MapGet("/zones/{id:int}", ZoneAsync).AllowAnonymous()
            .WithSummary("A zone with its figures as of a day (today unless asOf) and its participants; each participant's investment and jobs only for officials of the territory.");
        group.MapGet("/participants", ParticipantsAsync).AllowAnonymous()
            .WithSummary("Zone participants, filtered by zone, territory code, stage, OKED code prefix and BIN; investment and jobs only for officials of the territory.");
        group.MapGet("/projects", ProjectsAsync)
            .WithSummary("Investment projects outside the zones in the caller's territories (officials), filtered by territory code and stage.");
        group.MapGet("/ppp", PppAsync)
            .WithSummary("PPP projects in the caller's territories (officials) with the state's obligations by year and budget (republican, local), their place and the roadmap activities and social facilities they are linked to; filtered by territory code, sector and stage.");
        group.MapGet("/ppp/obligations", PppObligationsAsync)
            .WithSummary("Totals of the PPP obligations by year for each territory's budgets (republican, local) in the caller's territories (officials), filtered by territory code.");
        group.MapGet("/map", MapAsync).AllowAnonymous()
            .WithSummary("The business development map for a viewport (bbox=west,south,east,north in degrees): clusters with their count and centre where points are dense, single zones, participants, PPP projects (name, sector, stage; contract value and obligations for officials of the territory) and (for officials of their territories) projects elsewhere; filtered by stage, OKED section (sector=C), zone, size (Small, Medium, Large by planned jobs) and district (territory code). Actual jobs and investment only for officials of the territory.");
        return api;
    }

    public static async Task<Results<Ok<MapResponse>, ValidationProblem>> MapAsync(
        InvestmentMap map, ClaimsPrincipal user, string? bbox, int? zoom, string? sector, LifecycleStage? stage, int? zone, SizeBand? size, string? district,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var box = BoundingBox.Parse(bbox);
        if (box is null)
        {
            errors["bbox"] = ["Give the viewport as bbox=west,south,east,north in degrees, west < east and south < north."];
        }

        if (zoom is < 0 or > 22)
        {
            errors["zoom"] = ["The zoom must be between 0 and 22."];
        }

        char? section = sector is { Length: 1 } letter && Oked.DivisionsOf(letter[0]).Count > 0 ? char.ToUpperInvariant(letter[0]) : null;
        if (sector is not null && section is null)
        {
            errors["sector"] = ["The sector is an OKED section letter, A to U."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        // Without a zoom, the one at which the viewport spans about a 1,024-pixel screen.
        var level = zoom ?? Math.Clamp((int)Math.Floor(Math.Log2(360 * 4 / (box!.East - box.West))), 0, 22);
        var filter = new MapFilter(box, stage, section, zone, size, string.IsNullOrWhiteSpace(district) ? null : district.Trim());
        return TypedResults.Ok(await map.ClusterAsync(filter, level, user, cancellationToken));
    }

    public static async Task<Ok<List<ZoneResponse>>> ZonesAsync(
        QalaDbContext db, Deadlines deadlines, string? territory, ZoneKind? kind, CancellationToken cancellationToken)
    {
        var query = db.Set<InvestmentZone>().AsNoTracking().Include(z => z.Territory)
            .Include(z => z.Participants).ThenInclude(p => p.Steps).Include(z => z.Participants).ThenInclude(p => p.Years).AsSplitQuery();
        if (territory is not null)
        {
            query = query.Where(z => z.Territory!.Code == territory);
        }

        if (kind is not null)
        {
            query = query.Where(z => z.Kind == kind);
        }

        var today = deadlines.Today;
        var zones = await query.OrderBy(z => z.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok(zones.Select(z => ZoneResponse.Of(z, ZoneFigures.Compute(z.Participants.Select(p => p.ToRecord()), today))).ToList());
    }

    public static async Task<Results<Ok<ZoneDetailResponse>, NotFound>> ZoneAsync(
        ZoneDashboards dashboards, InvestmentAccess access, Deadlines deadlines, ClaimsPrincipal user, int id, DateOnly? asOf, CancellationToken cancellationToken)
    {
        if (await dashboards.LoadAsync(id, asOf ?? deadlines.Today, cancellationToken) is not { } dashboard)
        {
            return TypedResults.NotFound();
        }

        var money = await access.ReadsConfidentialAsync(user, dashboard.Zone.TerritoryId);
        return TypedResults.Ok(new ZoneDetailResponse(
            ZoneResponse.Of(dashboard.Zone, dashboard.Figures), dashboard.Zone.AreaHectares, dashboard.Zone.EstablishedOn, dashboard.Zone.ExpiresOn,
            dashboard.Zone.PrioritySectors, dashboard.Zone.ManagementCompany,
            new InfrastructureResponse(dashboard.Zone.Power, dashboard.Zone.Gas, dashboard.Zone.Water, dashboard.Zone.Roads),
            [.. dashboard.Participants.Select(p => ParticipantResponse.Of(p, id, money))]));
    }

    public static async Task<Ok<List<ParticipantResponse>>> ParticipantsAsync(
        QalaDbContext db, InvestmentAccess access, ClaimsPrincipal user, int? zone, string? territory, LifecycleStage? stage, string? oked, string? bin,
        CancellationToken cancellationToken)
    {
        var query = db.Set<ZoneParticipant>().AsNoTracking().Include(p => p.Zone).Include(p => p.Years).AsSplitQuery();
        if (zone is not null)
        {
            query = query.Where(p => p.ZoneId == zone);
        }

        if (territory is not null)
        {
            query = query.Where(p => p.Zone!.Territory!.Code == territory);
        }

        if (stage is not null)
        {
            query = query.Where(p => p.Stage == stage);
        }

        if (oked is not null)
        {
            query = query.Where(p => p.Oked.StartsWith(oked));
        }

        if (bin is not null)
        {
            query = query.Where(p => p.Bin == bin);
        }

        var participants = await query.OrderBy(p => p.Id).Take(5000).ToListAsync(cancellationToken);
        var readable = new Dictionary<int, bool>();
        var result = new List<ParticipantResponse>(participants.Count);
        foreach (var participant in participants)
        {
            var territoryId = participant.Zone!.TerritoryId;
            if (!readable.TryGetValue(territoryId, out var money))
            {
                readable[territoryId] = money = await access.ReadsConfidentialAsync(user, territoryId);
            }

            result.Add(ParticipantResponse.Of(participant, money));
        }

        return TypedResults.Ok(result);
    }

    public static async Task<Results<Ok<List<ProjectResponse>>, ForbidHttpResult>> ProjectsAsync(
        QalaDbContext db, UserScope scope, ClaimsPrincipal user, string? territory, LifecycleStage? stage, CancellationToken cancellationToken)
    {
        if (!InvestmentAccess.IsOfficial(user))
        {
            return TypedResults.Forbid();
        }

        var query = db.Set<InvestmentProject>().AsNoTracking().Include(p => p.Territory).Include(p => p.Years).AsSplitQuery()
            .InScope(await scope.CurrentAsync(cancellationToken));
        if (territory is not null)
        {
            query = query.Where(p => p.Territory!.Code == territory);
        }

        if (stage is not null)
        {
            query = query.Where(p => p.Stage == stage);
        }

        var projects = await query.OrderBy(p => p.Id).Take(5000).ToListAsync(cancellationToken);
        return TypedResults.Ok(projects.Select(ProjectResponse.Of).ToList());
    }

    public static async Task<Results<Ok<List<PppResponse>>, ForbidHttpResult>> PppAsync(
        QalaDbContext db, UserScope scope, ClaimsPrincipal user, string? territory, PppSector? sector, PppStage? stage, CancellationToken cancellationToken)
    {
        if (!InvestmentAccess.IsOfficial(user))
        {
            return TypedResults.Forbid();
        }

        var query = db.Set<PppProject>().AsNoTracking().Include(p => p.Territory).Include(p => p.Obligations).Include(p => p.Activities).Include(p => p.Facilities)
            .AsSplitQuery().InScope(await scope.CurrentAsync(cancellationToken));
        if (territory is not null)
        {
            query = query.Where(p => p.Territory!.Code == territory);
        }

        if (sector is not null)
        {
            query = query.Where(p => p.Sector == sector);
        }

        if (stage is not null)
        {
            query = query.Where(p => p.Stage == stage);
        }

        var projects = await query.OrderBy(p => p.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok(projects.Select(PppResponse.Of).ToList());
    }

    public static async Task<Results<Ok<List<ObligationTotalResponse>>, ForbidHttpResult>> PppObligationsAsync(
        QalaDbContext db, UserScope scope, ClaimsPrincipal user, string? territory, CancellationToken cancellationToken)
    {
        if (!InvestmentAccess.IsOfficial(user))
        {
            return TypedResults.Forbid();
        }

        var query = db.Set<PppProject>().AsNoTracking().Include(p => p.Territory).Include(p => p.Obligations).InScope(await scope.CurrentAsync(cancellationToken));
        if (territory is not null)
        {
            query = query.Where(p => p.Territory!.Code == territory);
        }

        var totals = ObligationTotal.Of(await query.ToListAsync(cancellationToken));
        return TypedResults.Ok(totals.SelectMany(t => t.ByYear.OrderBy(y => y.Key).Select(y => new ObligationTotalResponse(t.Territory, t.Budget, y.Key, y.Value))).ToList());
    }
}

/// <summary>A zone with its figures (see <see cref="ZoneFigures.Compute"/> for their definitions).</summary>
public sealed record ZoneResponse(int Id, LocalizedText Name, ZoneKind Kind, string Territory, bool IsDemo, ZoneFigureSet Figures)
{
    public static ZoneResponse Of(InvestmentZone zone, ZoneFigureSet figures) =>
        new(zone.Id, zone.Name, zone.Kind, zone.Territory!.Code, zone.IsDemo, figures);
}

public sealed record InfrastructureResponse(Readiness Power, Readiness Gas, Readiness Water, Readiness Roads);

public sealed record ZoneDetailResponse(
    ZoneResponse Zone, decimal AreaHectares, DateOnly EstablishedOn, DateOnly? ExpiresOn, string PrioritySectors, string ManagementCompany,
    InfrastructureResponse Infrastructure, List<ParticipantResponse> Participants);

/// <summary>A zone participant; its investment made (tenge) and jobs created are null when the caller may not read them.</summary>
public sealed record ParticipantResponse(
    int Id, int Zone, string CompanyName, string Bin, string Oked, string Description, bool IsAnchor, bool IsHighTech, bool IsExportOriented,
    LifecycleStage Stage, DateOnly StageOn, decimal? ActualInvestment, int? ActualJobs)
{
    public static ParticipantResponse Of(ZoneParticipant p, bool money) =>
        new(p.Id, p.ZoneId, p.CompanyName, p.Bin, p.Oked, p.Description, p.IsAnchor, p.IsHighTech, p.IsExportOriented, p.Stage, p.StageOn,
            money ? p.ActualInvestment : null, money ? p.ActualJobs : null);

    public static ParticipantResponse Of(DashboardParticipant p, int zone, bool money) =>
        new(p.Id, zone, p.CompanyName, p.Bin, p.Oked, p.Description, p.IsAnchor, p.IsHighTech, p.IsExportOriented, p.Stage, p.StageOn,
            money ? p.ActualInvestment : null, money ? p.ActualJobs : null);
}

public sealed record ProjectResponse(
    int Id, LocalizedText Name, string Territory, string CompanyName, string Bin, string Oked, LifecycleStage Stage, DateOnly StageOn,
    decimal PlannedInvestment, decimal ActualInvestment, int PlannedJobs, int ActualJobs)
{
    public static ProjectResponse Of(InvestmentProject p) =>
        new(p.Id, p.Name, p.Territory!.Code, p.CompanyName, p.Bin, p.Oked, p.Stage, p.StageOn, p.PlannedInvestment, p.ActualInvestment, p.PlannedJobs, p.ActualJobs);
}

/// <summary>What the state owes a PPP partner in a year, in tenge, from the republican and the local budget.</summary>
public sealed record ObligationResponse(int Year, decimal Republican, decimal Local, decimal Total);

/// <summary>What one budget of a territory owes its PPP partners in a year, in tenge.</summary>
public sealed record ObligationTotalResponse(string Territory, BudgetLevel Budget, int Year, decimal Amount);

/// <summary>A PPP project; <c>Activities</c> and <c>Facilities</c> are the ids of the roadmap activities and social facilities it is linked to.</summary>
public sealed record PppResponse(
    int Id, LocalizedText Name, string Territory, PppSector Sector, PppStage Stage, DateOnly StageOn, string PrivatePartner, decimal ContractValue,
    bool IsDemo, double? Latitude, double? Longitude, List<ObligationResponse> Obligations, List<int> Activities, List<int> Facilities)
{
    public static PppResponse Of(PppProject p) =>
        new(p.Id, p.Name, p.Territory!.Code, p.Sector, p.Stage, p.StageOn, p.PrivatePartner, p.ContractValue, p.IsDemo, p.Latitude, p.Longitude,
            [.. p.Obligations.OrderBy(o => o.Year).Select(o => new ObligationResponse(o.Year, o.Republican, o.Local, o.Total))],
            [.. p.Activities.Select(a => a.RoadmapActivityId).Order()], [.. p.Facilities.Select(f => f.SocialFacilityId).Order()]);
}
