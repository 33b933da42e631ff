using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Qala.Web.Data;
using Qala.Web.Data.Audit;
using Qala.Web.Features.Agencies;
using Qala.Web.Features.Indicators;
using Qala.Web.Features.SourceFacts;
using Qala.Web.Features.Users;
using Qala.Web.Infrastructure.Auth;

namespace Qala.Web.Features.Territories.Pages;

[AllowAnonymous]
public sealed class DetailsModel(QalaDbContext db, AuditLog audit, UserScope scope, Scorecards scorecards) : PageModel
{
    public Territory Territory { get; private set; } = null!;

    public IReadOnlyList<Territory> Successors { get; private set; } = [];

    public IReadOnlyList<Agency> Agencies { get; private set; } = [];

    public IReadOnlyList<SourceFact> Facts { get; private set; } = [];

    public IReadOnlyList<TerritoryCodeMapping> CodeMappings { get; private set; } = [];

    /// <summary>Each indicator measured here with its latest yearly value in the headline series, by code.</summary>
    public IReadOnlyList<(Indicator Indicator, int Year, double Value)> LatestValues { get; private set; } = [];

    /// <summary>Whether the signed-in administrator may edit this territory.</summary>
    public bool CanEdit { get; private set; }

    /// <summary>The territory's changes, for administrators only.</summary>
    public IReadOnlyList<AuditEntry> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        var territory = await db.Set<Territory>().AsNoTracking()
            .Include(t => t.Parent).Include(t => t.Predecessor).Include(t => t.Children)
            .FirstOrDefaultAsync(t => t.Code == code, cancellationToken);
        if (territory is null)
        {
            return NotFound();
        }

        Territory = territory;
        Successors = await db.Set<Territory>().AsNoTracking().Where(t => t.PredecessorId == territory.Id).ToListAsync(cancellationToken);
        Agencies = await db.Set<Agency>().AsNoTracking().Where(a => a.TerritoryId == territory.Id).OrderBy(a => a.Code).ToListAsync(cancellationToken);
        Facts = await db.Set<SourceFact>().AsNoTracking().Include(f => f.SourceDocument)
            .Where(f => f.TerritoryId == territory.Id).OrderBy(f => f.Id).ToListAsync(cancellationToken);
        CodeMappings = await db.Set<TerritoryCodeMapping>().AsNoTracking()
            .Where(m => m.TerritoryId == territory.Id).OrderBy(m => m.Scheme).ToListAsync(cancellationToken);
        var indicators = await db.Set<Indicator>().AsNoTracking()
            .Where(i => db.Set<Observation>().Any(o => o.IndicatorId == i.Id && o.TerritoryId == territory.Id && o.IsCurrent))
            .ToListAsync(cancellationToken);
        var series = await scorecards.YearlyAsync([.. indicators.Select(i => i.Id)], [territory.Id], null, cancellationToken);
        LatestValues = [.. indicators
            .Select(i => (Indicator: i, Last: series.GetValueOrDefault((i.Id, territory.Id))?.LastOrDefault(v => v.Value is not null)))
            .Where(x => x.Last is { Value: not null })
            .Select(x => (x.Indicator, x.Last!.Value.Year, x.Last.Value.Value!.Value))
            .OrderBy(x => x.Indicator.Code, StringComparer.Ordinal)];
        if (User.IsInRole(QalaRoles.Administrator))
        {
            CanEdit = (await scope.CurrentAsync(cancellationToken)).Covers(territory.Id);
            History = await audit.HistoryAsync("Territories", territory.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
        }

        return Page();
    }
}
