using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qala.Web.Data;
using Qala.Web.Features.Programs;
using Qala.Web.Features.Territories;
using Qala.Web.Features.Users;
using Qala.Web.Infrastructure.Auth;

namespace Qala.Web.Features.Participation.Pages;

/// <summary>Creates a public discussion (<c>/consultations/new/edit</c>) or edits its title, description, dates and program.</summary>
[Authorize(Roles = $"{QalaRoles.Planner},{QalaRoles.Administrator},{QalaRoles.Moderator}")]
public sealed class EditModel(QalaDbContext db, UserScope scope, TimeProvider time, IStringLocalizer<SharedResource> t) : PageModel
{
    public const int MaxDescriptionLength = 4000;

    public bool IsNew { get; private set; }

    public IReadOnlyList<Territory> Territories { get; private set; } = [];

    public IReadOnlyList<DevelopmentProgram> Programs { get; private set; } = [];

    [BindProperty]
    public LocalizedTextInput Title { get; set; } = new();

    [BindProperty]
    public string? DescriptionKk { get; set; }

    [BindProperty]
    public string? DescriptionRu { get; set; }

    [BindProperty]
    public string? DescriptionEn { get; set; }

    [BindProperty]
    public int TerritoryId { get; set; }

    [BindProperty]
    public int? ProgramId { get; set; }

    [BindProperty]
    public DateOnly OpensOn { get; set; } = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    [BindProperty]
    public DateOnly ClosesOn { get; set; } = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddMonths(2);

    [BindProperty]
    public string? PublicCouncil { get; set; }

    [BindProperty]
    public Guid Version { get; set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        await LoadChoicesAsync(cancellationToken);
        IsNew = id == "new";
        if (IsNew)
        {
            return Page();
        }

        if (await FindAsync(id, cancellationToken) is not { } consultation)
        {
            return NotFound();
        }

        if (!Territories.Any(x => x.Id == consultation.TerritoryId))
        {
            return Forbid();
        }

        (Title, DescriptionKk, DescriptionRu, DescriptionEn) = (LocalizedTextInput.From(consultation.Title), consultation.Description.Kk, consultation.Description.Ru, consultation.Description.En);
        (TerritoryId, ProgramId, OpensOn, ClosesOn, PublicCouncil, Version) =
            (consultation.TerritoryId, consultation.ProgramId, consultation.OpensOn, consultation.ClosesOn, consultation.PublicCouncil, consultation.Version);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        await LoadChoicesAsync(cancellationToken);
        IsNew = id == "new";
        var consultation = IsNew ? null : await FindAsync(id, cancellationToken);
        if (!IsNew && consultation is null)
        {
            return NotFound();
        }

        if ((consultation is not null && Territories.All(x => x.Id != consultation.TerritoryId)) || (TerritoryId > 0 && Territories.All(x => x.Id != TerritoryId)))
        {
            return Forbid();
        }

        Check();
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var description = LocalizedText.Of((DescriptionKk ?? string.Empty).Trim(), (DescriptionRu ?? string.Empty).Trim(), (DescriptionEn ?? string.Empty).Trim());
        if (consultation is null)
        {
            consultation = Consultation.Create(Title.ToText(), description, TerritoryId, OpensOn, ClosesOn, User.Identity!.Name!, time.GetUtcNow());
            db.Add(consultation);
        }
        else
        {
            db.Entry(consultation).Property(c => c.Version).OriginalValue = Version;
            (consultation.Title, consultation.Description, consultation.TerritoryId, consultation.OpensOn, consultation.ClosesOn) =
                (Title.ToText(), description, TerritoryId, OpensOn, ClosesOn);
        }

        consultation.ProgramId = ProgramId;
        consultation.PublicCouncil = string.IsNullOrWhiteSpace(PublicCouncil) ? null : PublicCouncil.Trim();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, t["Someone else changed this record while you were editing it. Reload the page and try again."]);
            return Page();
        }

        TempData["Notice"] = t["The discussion has been saved."].Value;
        return Redirect($"/consultations/{consultation.Id}");
    }

    private void Check()
    {
        if (Territories.All(x => x.Id != TerritoryId))
        {
            ModelState.AddModelError(nameof(TerritoryId), t["Choose a territory."]);
        }

        if (ClosesOn < OpensOn)
        {
            ModelState.AddModelError(nameof(ClosesOn), t["The period cannot end before it starts."]);
        }

        if (ProgramId is { } program && Programs.All(p => p.Id != program || p.TerritoryId != TerritoryId))
        {
            ModelState.AddModelError(nameof(ProgramId), t["Choose a program of this territory."]);
        }

        foreach (var (field, value) in new[] { (nameof(DescriptionKk), DescriptionKk), (nameof(DescriptionRu), DescriptionRu), (nameof(DescriptionEn), DescriptionEn) })
        {
            if (value is { Length: > MaxDescriptionLength })
            {
                ModelState.AddModelError(field, t["At most 4,000 characters."]);
            }
        }

        if (PublicCouncil is { Length: > 1000 })
        {
            ModelState.AddModelError(nameof(PublicCouncil), t["At most 1,000 characters."]);
        }
    }

    private Task<Consultation?> FindAsync(string id, CancellationToken cancellationToken) =>
        int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var key)
            ? db.Set<Consultation>().FirstOrDefaultAsync(c => c.Id == key, cancellationToken)
            : Task.FromResult<Consultation?>(null);

    private async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        var mine = await scope.CurrentAsync(cancellationToken);
        var territories = await db.Set<Territory>().AsNoTracking()
            .Where(x => x.ValidTo == null && x.Kind != TerritoryKind.Country).OrderBy(x => x.Code).ToListAsync(cancellationToken);
        Territories = [.. territories.Where(x => mine.Covers(x.Id))];
        Programs = await db.Set<DevelopmentProgram>().AsNoTracking().InScope(mine).Where(p => p.Status != ProgramStatus.Archived)
            .OrderBy(p => p.TerritoryId).ThenByDescending(p => p.PeriodFrom).ToListAsync(cancellationToken);
    }
}
