using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qala.Web.Data;
using Qala.Web.Infrastructure.Auth;

namespace Qala.Web.Features.Indicators.Pages;

/// <summary>
/// The target sets (strategies, program versions, KPI agreements) the reader may see, with their number of targets;
/// planners add sets.
/// </summary>
[AllowAnonymous]
public sealed class TargetSetsModel(QalaDbContext db, HiddenTargetSets hiddenSets, IStringLocalizer<SharedResource> t) : PageModel
{
    public IReadOnlyList<(TargetSet Set, int Targets)> Sets { get; private set; } = [];

    [BindProperty]
    public LocalizedTextInput Name { get; set; } = new();

    [BindProperty]
    public TargetSetKind Kind { get; set; } = TargetSetKind.Program;

    [BindProperty]
    [StringLength(400)]
    public string? Source { get; set; }

    public bool CanEdit => User.IsInRole(QalaRoles.Administrator) || User.IsInRole(QalaRoles.Planner);

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!CanEdit)
        {
            return Forbid();
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        var set = new TargetSet { Name = Name.ToText(), Kind = Kind, Source = string.IsNullOrWhiteSpace(Source) ? null : Source.Trim(), Version = Guid.NewGuid() };
        db.Add(set);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Notice"] = t["The target set has been created: import its baselines and targets."].Value;
        return Redirect($"/indicators/targets/{set.Id}");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        List<int> hidden = [.. await hiddenSets.OfReaderAsync(cancellationToken)];
        var sets = await db.Set<TargetSet>().AsNoTracking().Where(s => !hidden.Contains(s.Id)).OrderByDescending(s => s.Id).ToListAsync(cancellationToken);
        var counts = await db.Set<IndicatorTarget>().GroupBy(x => x.TargetSetId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        Sets = [.. sets.Select(s => (s, counts.GetValueOrDefault(s.Id)))];
    }
}
