using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qala.Engine.Investment;
using Qala.Web.Data;
using Qala.Web.Features.Agencies;
using Qala.Web.Features.Territories;
using Qala.Web.Infrastructure.Auth;
using Qala.Web.Infrastructure.Calendar;

namespace Qala.Web.Features.Investment.Pages;

/// <summary>An investment project of the pipeline (<c>/investment/projects/new</c> to add one) with its lifecycle. Its editors only.</summary>
[Authorize(Roles = $"{QalaRoles.Administrator},{QalaRoles.Planner},{QalaRoles.AgencyOfficer}")]
public sealed class ProjectModel(
    QalaDbContext db, InvestmentAccess access, InvestmentChoices choices, Deadlines deadlines, TimeProvider time, InvestmentIndicators indicators, IStringLocalizer<SharedResource> t) : PageModel
{
    public InvestmentProject? Project { get; private set; }

    public IReadOnlyList<Territory> Territories { get; private set; } = [];

    public IReadOnlyList<Agency> Agencies { get; private set; } = [];

    public DateOnly Today => deadlines.Today;

    [BindProperty]
    public LocalizedTextInput Name { get; set; } = new();

    [BindProperty]
    public int TerritoryId { get; set; }

    [BindProperty]
    public int ResponsibleAgencyId { get; set; }

    [BindProperty]
    public UndertakingInput Input { get; set; } = new();

    [BindProperty]
    public LifecycleStage StartStage { get; set; } = LifecycleStage.Registered;

    [BindProperty]
    public DateOnly StartOn { get; set; }

    [BindProperty]
    public MoveInput Move { get; set; } = new();

    [BindProperty]
    public CorrectionInput Correction { get; set; } = new();

    [BindProperty]
    public Guid Version { get; set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        StartOn = Today;
        if (Project is { } p)
        {
            (Name, TerritoryId, ResponsibleAgencyId, Version) = (LocalizedTextInput.From(p.Name), p.TerritoryId, p.ResponsibleAgencyId, p.Version);
            Input = UndertakingInput.From(p);
        }
        else
        {
            Input = new UndertakingInput().WithBlankYears();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (TerritoryId > 0 && ResponsibleAgencyId > 0 && !await access.CanEditAsync(User, TerritoryId, ResponsibleAgencyId))
        {
            return Forbid();
        }

        if (Territories.All(x => x.Id != TerritoryId))
        {
            ModelState.AddModelError(nameof(TerritoryId), t["Choose a territory."]);
        }

        if (Agencies.All(x => x.Id != ResponsibleAgencyId))
        {
            ModelState.AddModelError(nameof(ResponsibleAgencyId), t["Choose the responsible agency."]);
        }

        Input.Validate(ModelState, nameof(Input), t);
        if (Project is null && StartStage is not (LifecycleStage.Applied or LifecycleStage.Registered))
        {
            ModelState.AddModelError(nameof(StartStage), t["A lifecycle starts with an application or a registration."]);
        }

        if (!ModelState.IsValid)
        {
            Input.WithBlankYears();
            return Page();
        }

        var project = Project;
        if (project is null)
        {
            project = new InvestmentProject { Name = Name.ToText() };
            project.Start(StartStage, StartOn, string.Empty, User.Identity!.Name!, time.GetUtcNow());
            db.Add(project);
        }
        else
        {
            db.Entry(project).Property(p => p.Version).OriginalValue = Version;
        }

        (project.Name, project.TerritoryId, project.ResponsibleAgencyId) = (Name.ToText(), TerritoryId, ResponsibleAgencyId);
        Input.ApplyTo(project);
        try
        {
            await indicators.SaveAndRecomputeAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, t["Someone else changed this record while you were editing it. Reload the page and try again."]);
            Input.WithBlankYears();
            return Page();
        }

        TempData["Notice"] = t["The project has been saved."].Value;
        return Redirect($"/investment/projects/{project.Id}");
    }

    /// <summary>Records the next stage of the lifecycle, if the lifecycle allows it on that day.</summary>
    public async Task<IActionResult> OnPostMoveAsync(string id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Project is null)
        {
            return NotFound();
        }

        db.Entry(Project).Property(p => p.Version).OriginalValue = Version;
        if (Project.MoveTo(Move.To, Move.On, (Move.Reason ?? string.Empty).Trim(), User.Identity!.Name!, time.GetUtcNow()) is { } problem)
        {
            TempData["Error"] = t[problem].Value;
            return Redirect($"/investment/projects/{Project.Id}");
        }

        try
        {
            await indicators.SaveAndRecomputeAsync(cancellationToken);
            TempData["Notice"] = t["The stage has been recorded."].Value;
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData["Error"] = t["Someone else changed this record while you were editing it. Reload the page and try again."].Value;
        }

        return Redirect($"/investment/projects/{Project.Id}");
    }

    /// <summary>Corrects the day of a recorded step with its reason, if the corrected lifecycle still holds; the KPIs follow in the same transaction.</summary>
    public async Task<IActionResult> OnPostCorrectAsync(string id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Project is null)
        {
            return NotFound();
        }

        if (Project.CorrectDay(Correction.Step, Correction.On, (Correction.Reason ?? string.Empty).Trim(), User.Identity!.Name!, time.GetUtcNow()) is { } problem)
        {
            TempData["Error"] = t[problem].Value;
            return Redirect($"/investment/projects/{Project.Id}");
        }

        // The project's own row is written even when only a step changes, so that a stale form is caught.
        var entry = db.Entry(Project);
        entry.Property(p => p.Version).OriginalValue = Version;
        entry.Property(p => p.Version).IsModified = true;
        try
        {
            await indicators.SaveAndRecomputeAsync(cancellationToken);
            TempData["Notice"] = t["The date has been corrected."].Value;
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData["Error"] = t["Someone else changed this record while you were editing it. Reload the page and try again."].Value;
        }

        return Redirect($"/investment/projects/{Project.Id}");
    }

    private async Task<IActionResult?> LoadAsync(string id, CancellationToken cancellationToken)
    {
        Territories = await choices.TerritoriesAsync(cancellationToken);
        Agencies = await choices.AgenciesAsync(User, cancellationToken);
        if (string.Equals(id, "new", StringComparison.Ordinal))
        {
            return null;
        }

        if (!int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var key)
            || await db.Set<InvestmentProject>().Include(p => p.Steps).Include(p => p.Years).AsSplitQuery()
                .FirstOrDefaultAsync(p => p.Id == key, cancellationToken) is not { } project)
        {
            return NotFound();
        }

        Project = project;
        return await access.CanEditAsync(User, project) ? null : Forbid();
    }
}
