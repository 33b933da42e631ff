using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qala.Web.Data;
using Qala.Web.Features.Users;
using Qala.Web.Infrastructure.Auth;
using Qala.Web.Infrastructure.Imports;

namespace Qala.Web.Features.Indicators.Pages;

/// <summary>A target set: its baselines and targets by indicator and territory, and their import (<see cref="TargetImport"/>).</summary>
[Authorize(Roles = $"{QalaRoles.Administrator},{QalaRoles.Planner}")]
public sealed class TargetSetModel(
    QalaDbContext database, Importer importer, TargetImport definition, UserScope scope, IEnumerable<ITargetSetGuard> guards, HiddenTargetSets hiddenSets,
    IStringLocalizer<SharedResource> t)
    : ImportPageModel<TargetRow>(database, importer, definition, t)
{
    public TargetSet Set { get; private set; } = null!;

    /// <summary>Why the set cannot be imported into now (an English resource key), or null when it can.</summary>
    public string? Refusal { get; private set; }

    public IReadOnlyList<IndicatorTarget> Targets { get; private set; } = [];

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var id = int.TryParse(RouteData.Values["id"]?.ToString(), out var n) ? n : 0;
        // Another territory's draft program's set is as unknown here as on the public pages.
        if ((await hiddenSets.OfReaderAsync(HttpContext.RequestAborted)).Contains(id)
            || await Db.Set<TargetSet>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, HttpContext.RequestAborted) is not { } set)
        {
            context.Result = NotFound();
            return;
        }

        Set = set;
        foreach (var guard in guards)
        {
            Refusal ??= await guard.RefusalAsync(set.Id, HttpContext.RequestAborted);
        }

        if (Refusal is not null && HttpMethods.IsPost(Request.Method))
        {
            context.Result = Redirect($"/indicators/targets/{set.Id}");
            return;
        }

        definition.TargetSetId = set.Id;
        definition.Scope = await scope.CurrentAsync(HttpContext.RequestAborted);
        var executed = await next();
        if (executed.Result is PageResult)
        {
            Targets = await Db.Set<IndicatorTarget>().AsNoTracking().Include(x => x.Indicator).Include(x => x.Territory)
                .Where(x => x.TargetSetId == set.Id).OrderBy(x => x.Indicator!.Code).ThenBy(x => x.Territory!.Code).ThenBy(x => x.Year)
                .Take(2000).ToListAsync(HttpContext.RequestAborted);
        }
    }
}
