using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qala.Web.Data;
using Qala.Web.Features.Indicators;
using Qala.Web.Features.Territories;
using Qala.Web.Infrastructure.Auth;

namespace Qala.Web.Features.Programs.Pages;

/// <summary>A yearly target as the goal's indicator form posts it; a blank value is no target for that year.</summary>
public sealed class YearTargetInput
{
    public int Year { get; set; }

    public decimal? Value { get; set; }
}

/// <summary>
/// A goal's target indicators, <c>/programs/{program}/goal/{goal}/indicators</c>: planners of the program's territory
/// pick an indicator from the catalog and give its baseline and yearly targets for the program's territory or one of
/// its districts (<see cref="GoalTargets"/>), while the structure is open.
/// </summary>
[Authorize(Roles = $"{QalaRoles.Planner},{QalaRoles.Administrator}")]
public sealed class GoalIndicatorsModel(QalaDbContext db, GoalTargets targets, ProgramAccess access, IStringLocalizer<SharedResource> t) : PageModel
{
    public DevelopmentProgram Program { get; private set; } = null!;

    public ProgramGoal Goal { get; private set; } = null!;

    public IReadOnlyList<GoalTargetRow> Rows { get; private set; } = [];

    public IReadOnlyList<Indicator> Catalog { get; private set; } = [];

    public IReadOnlyList<Territory> Territories { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public int IndicatorId { get; set; }

    [BindProperty(SupportsGet = true)]
    public int TerritoryId { get; set; }

    [BindProperty]
    public int? BaselineYear { get; set; }

    [BindProperty]
    public decimal? Baseline { get; set; }

    [BindProperty]
    public List<YearTargetInput> Targets { get; set; } = [];

    /// <summary>The goal's version the form was read at.</summary>
    [BindProperty]
    public Guid Version { get; set; }

    public async Task<IActionResult> OnGetAsync(int programId, int goalId, CancellationToken cancellationToken)
    {
        if (await OpenAsync(programId, goalId, cancellationToken) is { } refused)
        {
            return refused;
        }

        Version = Goal.Version;
        TerritoryId = TerritoryId == 0 ? Program.TerritoryId : TerritoryId;
        var shown = Rows.FirstOrDefault(r => r.Indicator.Id == IndicatorId && r.Territory?.Id == TerritoryId);
        (BaselineYear, Baseline) = (shown?.Baseline?.Year, shown?.Baseline?.Value);
        Targets = [.. Years().Select(y => new YearTargetInput { Year = y, Value = shown?.Targets.FirstOrDefault(x => x.Year == y)?.Value })];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int programId, int goalId, CancellationToken cancellationToken)
    {
        if (await OpenAsync(programId, goalId, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var input = new GoalTargetInput(IndicatorId, TerritoryId, BaselineYear, Baseline,
            [.. Targets.Where(x => x.Value is not null).Select(x => new YearTarget(x.Year, x.Value!.Value))]);
        db.Entry(Goal).Property(g => g.Version).OriginalValue = Version;
        if (await targets.SetAsync(Program, Goal, input, cancellationToken) is { } refusal)
        {
            ModelState.AddModelError(string.Empty, t[refusal]);
            return Page();
        }

        return await SaveAsync(cancellationToken);
    }

    /// <summary>Unlinks an indicator from the goal, with its targets unless another goal of the program uses it.</summary>
    public async Task<IActionResult> OnPostRemoveAsync(int programId, int goalId, int indicator, CancellationToken cancellationToken)
    {
        if (await OpenAsync(programId, goalId, cancellationToken) is { } refused)
        {
            return refused;
        }

        db.Entry(Goal).Property(g => g.Version).OriginalValue = Version;
        await targets.RemoveAsync(Program, Goal, indicator, cancellationToken);
        return await SaveAsync(cancellationToken);
    }

    private async Task<IActionResult> SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, t["Someone else changed this record while you were editing it. Reload the page and try again."]);
            return Page();
        }

        TempData["Notice"] = t["The target indicators have been saved."].Value;
        return Redirect($"/programs/{Program.Id}/goal/{Goal.Id}/indicators");
    }

    // The program must be one the planner edits, its structure open, and the goal one of its goals.
    private async Task<IActionResult?> OpenAsync(int programId, int goalId, CancellationToken cancellationToken)
    {
        if (await db.Set<DevelopmentProgram>().Include(p => p.Versions).FirstOrDefaultAsync(p => p.Id == programId, cancellationToken) is not { } program
            || await db.Set<ProgramGoal>().FirstOrDefaultAsync(g => g.Id == goalId && g.Direction!.ProgramId == programId, cancellationToken) is not { } goal)
        {
            return NotFound();
        }

        (Program, Goal) = (program, goal);
        if (!await access.CanEditAsync(User, program))
        {
            return Forbid();
        }

        if (!ProgramAmendments.StructureOpen(program))
        {
            TempData["Error"] = t[program.IsOpen ? "An approved program changes only through an amendment: open one first." : "A completed or archived program cannot change."].Value;
            return Redirect($"/programs/{program.Id}");
        }

        Rows = await targets.RowsAsync(goal.Id, program.Versions.MaxBy(v => v.Number)!.TargetSetId, cancellationToken);
        Catalog = await db.Set<Indicator>().AsNoTracking().OrderBy(i => i.Code).ToListAsync(cancellationToken);
        Territories = await targets.TerritoriesAsync(program, cancellationToken);
        return null;
    }

    private IEnumerable<int> Years() => Enumerable.Range(Program.PeriodFrom.Year, Program.PeriodTo.Year - Program.PeriodFrom.Year + 1);

    public static string Number(decimal value) => value.ToString("0.######", CultureInfo.CurrentCulture);
}
