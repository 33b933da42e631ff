using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Qala.Web.Data;
using Qala.Web.Features.Agencies;
using Qala.Web.Features.Programs;
using Qala.Web.Features.SocialInfrastructure;
using Qala.Web.Features.Territories;
using Qala.Web.Features.Users;

namespace Qala.Web.Features.Investment;

/// <summary>A roadmap activity or a social facility a PPP project may be linked to, with the territory it belongs to.</summary>
public sealed record LinkChoice(int Id, int TerritoryId, string Label, string Url);

/// <summary>The territories, agencies, activities and facilities an editor may choose on the investment forms.</summary>
public sealed class InvestmentChoices(QalaDbContext db, UserScope scope, InvestmentAccess access)
{
    public async Task<IReadOnlyList<Territory>> TerritoriesAsync(CancellationToken cancellationToken)
    {
        var mine = await scope.CurrentAsync(cancellationToken);
        var territories = await db.Set<Territory>().AsNoTracking()
            .Where(x => x.ValidTo == null && x.Kind != TerritoryKind.Country).OrderBy(x => x.Code).ToListAsync(cancellationToken);
        return [.. territories.Where(x => mine.Covers(x.Id))];
    }

    /// <summary>Active agencies of the editor's territories; an agency officer only has their own.</summary>
    public async Task<IReadOnlyList<Agency>> AgenciesAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var mine = await scope.CurrentAsync(cancellationToken);
        var only = await access.OnlyAgencyAsync(user);
        var agencies = await db.Set<Agency>().AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.Code).ToListAsync(cancellationToken);
        return [.. agencies.Where(a => mine.Covers(a.TerritoryId) && (only is null || a.Id == only))];
    }

    /// <summary>The roadmap activities of the programs of <paramref name="territories"/>, labelled with their program.</summary>
    public async Task<IReadOnlyList<LinkChoice>> ActivitiesAsync(IReadOnlyCollection<int> territories, CancellationToken cancellationToken)
    {
        var rows = await db.Set<RoadmapActivity>().AsNoTracking()
            .Where(a => territories.Contains(a.Task!.Goal!.Direction!.Program!.TerritoryId))
            .OrderBy(a => a.Id)
            .Select(a => new { a.Id, a.Task!.Goal!.Direction!.ProgramId, a.Task.Goal.Direction.Program!.TerritoryId, Program = a.Task.Goal.Direction.Program.Name, a.Title })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new LinkChoice(r.Id, r.TerritoryId, $"{r.Program.Current} — {r.Title.Current}", $"/programs/{r.ProgramId}/activity/{r.Id}"))];
    }

    /// <summary>The social facilities of <paramref name="territories"/>.</summary>
    public async Task<IReadOnlyList<LinkChoice>> FacilitiesAsync(IReadOnlyCollection<int> territories, CancellationToken cancellationToken)
    {
        var rows = await db.Set<SocialFacility>().AsNoTracking().Where(f => territories.Contains(f.TerritoryId)).OrderBy(f => f.Id)
            .Select(f => new { f.Id, f.TerritoryId, f.Territory!.Code, f.Name }).ToListAsync(cancellationToken);
        return [.. rows.Select(r => new LinkChoice(r.Id, r.TerritoryId, r.Name.Current, $"/social/{r.Code}/facilities/{r.Id}"))];
    }

    /// <summary>A territory and its districts: what a PPP project of the territory may be linked to.</summary>
    public async Task<IReadOnlyList<int>> WithDistrictsAsync(int territory, CancellationToken cancellationToken) =>
        [territory, .. await db.Set<Territory>().Where(t => t.ParentId == territory).Select(t => t.Id).ToListAsync(cancellationToken)];
}
