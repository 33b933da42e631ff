using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qala.Web.Data;
using Qala.Web.Features.Territories;
using Qala.Web.Features.Users;
using Qala.Web.Infrastructure.Auth;

namespace Qala.Web.Features.Programs.Pages;

/// <summary>Creates a program (<c>/programs/new/edit</c>) or edits its name, kind, territory and period.</summary>
[Authorize(Roles = $"{QalaRoles.Planner},{QalaRoles.Administrator}")]
public sealed class EditModel(QalaDbContext db, UserScope scope, ProgramAccess access, TimeProvider time, IStringLocalizer<SharedResource> t) : PageModel
{
    public bool IsNew { get; private set; }

    public IReadOnlyList<Territory> Territories { get; private set; } = [];

    [BindProperty]
    public LocalizedTextInput Name { get; set; } = new();

    [BindProperty]
    public ProgramKind Kind { get; set; } = ProgramKind.Program;

    [BindProperty]
    public int TerritoryId { get; set; }

    [BindProperty]
    public DateOnly PeriodFrom { get; set; } = new(time.GetUtcNow().Year + 1, 1, 1);

    [BindProperty]
    public DateOnly PeriodTo { get; set; } = new(time.GetUtcNow().Year + 5, 12, 31);

    [BindProperty]
    public Guid Version { get; set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        await LoadTerritoriesAsync(cancellationToken);
        IsNew = IsNewId(id);
        if (IsNew)
        {
            return Page();
        }

        if (await FindAsync(id, cancellationToken) is not { } program)
        {
            return NotFound();
        }

        if (!await access.CanEditAsync(User, program))
        {
            return Forbid();
        }

        (Name, Kind, TerritoryId, PeriodFrom, PeriodTo, Version) =
            (LocalizedTextInput.From(program.Name), program.Kind, program.TerritoryId, program.PeriodFrom, program.PeriodTo, program.Version);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        await LoadTerritoriesAsync(cancellationToken);
        IsNew = IsNewId(id);
        var program = IsNew ? null : await FindAsync(id, cancellationToken);
        if (!IsNew && program is null)
        {
            return NotFound();
        }

        // Both the program as it is and the territory it would belong to must lie within the planner's territories.
        if ((program is not null && !await access.CanEditAsync(User, program)) || (TerritoryId > 0 && !await access.InScopeAsync(User, TerritoryId)))
        {
            return Forbid();
        }

        if (Territories.All(x => x.Id != TerritoryId))
        {
            ModelState.AddModelError(nameof(TerritoryId), t["Choose a territory."]);
        }

        if (PeriodTo < PeriodFrom)
        {
            ModelState.AddModelError(nameof(PeriodTo), t["The period cannot end before it starts."]);
        }
        else if (program is not null && await ActivitiesOutsideAsync(program.Id, cancellationToken) > 0)
        {
            ModelState.AddModelError(nameof(PeriodFrom), t["Some activities would fall outside the new period: change their dates first."]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (program is null)
        {
            program = DevelopmentProgram.Create(Name.ToText(), Kind, TerritoryId, PeriodFrom, PeriodTo, User.Identity!.Name!, time.GetUtcNow());
            db.Add(program);
        }
        else
        {
            db.Entry(program).Property(p => p.Version).OriginalValue = Version;
            program.Name = Name.ToText();
            program.Kind = Kind;
            program.TerritoryId = TerritoryId;
            program.PeriodFrom = PeriodFrom;
            program.PeriodTo = PeriodTo;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, t["Someone else changed this record while you were editing it. Reload the page and try again."]);
            return Page();
        }

        TempData["Notice"] = t["The program has been saved."].Value;
        return Redirect($"/programs/{program.Id}");
    }

    private Task<int> ActivitiesOutsideAsync(int programId, CancellationToken cancellationToken) =>
        db.Set<RoadmapActivity>().CountAsync(
            a => a.Task!.Goal!.Direction!.ProgramId == programId && (a.StartDate < PeriodFrom || a.DueDate > PeriodTo), cancellationToken);

    private static bool IsNewId(string id) => string.Equals(id, "new", StringComparison.Ordinal);

    private Task<DevelopmentProgram?> FindAsync(string id, CancellationToken cancellationToken) =>
        int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var key)
            ? db.Set<DevelopmentProgram>().FirstOrDefaultAsync(p => p.Id == key, cancellationToken)
            : Task.FromResult<DevelopmentProgram?>(null);

    private async Task LoadTerritoriesAsync(CancellationToken cancellationToken)
    {
        var mine = await scope.CurrentAsync(cancellationToken);
        var territories = await db.Set<Territory>().AsNoTracking()
            .Where(x => x.ValidTo == null && x.Kind != TerritoryKind.Country).OrderBy(x => x.Code).ToListAsync(cancellationToken);
        Territories = [.. territories.Where(x => mine.Covers(x.Id))];
    }
}
