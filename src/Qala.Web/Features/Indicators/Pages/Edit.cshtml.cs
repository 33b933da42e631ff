using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qala.Engine.Indicators;
using Qala.Web.Data;
using Qala.Web.Features.Agencies;
using Qala.Web.Infrastructure.Auth;

namespace Qala.Web.Features.Indicators.Pages;

/// <summary>Adds an indicator to the catalog (code "new") or edits one, with a check that nobody changed it meanwhile.</summary>
[Authorize(Roles = $"{QalaRoles.Administrator},{QalaRoles.Planner}")]
public sealed class EditModel(QalaDbContext db, DerivedIndicators derived, IStringLocalizer<SharedResource> t) : PageModel
{
    public const string NewCode = "new";

    public bool IsNew { get; private set; }

    public IReadOnlyList<Agency> Agencies { get; private set; } = [];

    /// <summary>The indicators a derived one may be computed from.</summary>
    public IReadOnlyList<Indicator> Inputs { get; private set; } = [];

    [BindProperty]
    [Required(ErrorMessage = "Enter a code.")]
    [RegularExpression(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$", ErrorMessage = "A code consists of up to 40 Latin letters, digits, dots, hyphens and underscores.")]
    public string Code { get; set; } = string.Empty;

    [BindProperty]
    public LocalizedTextInput Name { get; set; } = new();

    [BindProperty]
    [StringLength(2000)]
    public string? DescriptionKk { get; set; }

    [BindProperty]
    [StringLength(2000)]
    public string? DescriptionRu { get; set; }

    [BindProperty]
    [StringLength(2000)]
    public string? DescriptionEn { get; set; }

    [BindProperty]
    [StringLength(100)]
    public string? Unit { get; set; }

    [BindProperty]
    public Polarity Polarity { get; set; }

    [BindProperty]
    public Periodicity Periodicity { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Enter the source.")]
    [StringLength(100)]
    public string Source { get; set; } = string.Empty;

    [BindProperty]
    [StringLength(2000)]
    public string? Methodology { get; set; }

    [BindProperty]
    public int? OwnerAgencyId { get; set; }

    [BindProperty]
    public bool IsGovernorKpi { get; set; }

    [BindProperty]
    public DerivationKind? Derivation { get; set; }

    [BindProperty]
    public int? InputIndicatorId { get; set; }

    [BindProperty]
    public int? DenominatorIndicatorId { get; set; }

    [BindProperty]
    [Range(typeof(decimal), "-1000000000", "1000000000", ParseLimitsInInvariantCulture = true, ErrorMessage = "The scale is a number other than 0.")]
    public decimal? Scale { get; set; }

    [BindProperty]
    public Guid Version { get; set; }

    public async Task<IActionResult> OnGetAsync([FromRoute] string code, CancellationToken cancellationToken)
    {
        await LoadAgenciesAsync(cancellationToken);
        IsNew = code == NewCode;
        if (IsNew)
        {
            return Page();
        }

        if (await db.Set<Indicator>().AsNoTracking().SingleOrDefaultAsync(i => i.Code == code, cancellationToken) is not { } indicator)
        {
            return NotFound();
        }

        (Code, Name, Unit, Polarity, Periodicity, Source, Methodology, OwnerAgencyId, IsGovernorKpi, Version) =
            (indicator.Code, LocalizedTextInput.From(indicator.Name), indicator.Unit, indicator.Polarity, indicator.Periodicity, indicator.Source,
             indicator.Methodology, indicator.OwnerAgencyId, indicator.IsGovernorKpi, indicator.Version);
        (DescriptionKk, DescriptionRu, DescriptionEn) = (indicator.Description.Kk, indicator.Description.Ru, indicator.Description.En);
        (Derivation, InputIndicatorId, DenominatorIndicatorId, Scale) = (indicator.Derivation, indicator.InputIndicatorId, indicator.DenominatorIndicatorId, indicator.Scale);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] string code, CancellationToken cancellationToken)
    {
        await LoadAgenciesAsync(cancellationToken);
        IsNew = code == NewCode;
        var indicator = IsNew ? null : await db.Set<Indicator>().SingleOrDefaultAsync(i => i.Code == code, cancellationToken);
        if (!IsNew && indicator is null)
        {
            return NotFound();
        }

        if (Code == NewCode || await db.Set<Indicator>().AnyAsync(i => i.Code == Code && i.Id != (indicator == null ? 0 : indicator.Id), cancellationToken))
        {
            ModelState.AddModelError(nameof(Code), t["Another indicator already has this code."]);
        }

        if (indicator is not null && indicator.Periodicity != Periodicity && indicator.Derivation is null && await db.Set<Observation>().AnyAsync(o => o.IndicatorId == indicator.Id, cancellationToken))
        {
            ModelState.AddModelError(nameof(Periodicity), t["The indicator has values: its periodicity cannot change."]);
        }

        if (Derivation is { } kind)
        {
            if (await derived.ProblemAsync(indicator?.Id, kind, InputIndicatorId, DenominatorIndicatorId, cancellationToken) is { } problem)
            {
                ModelState.AddModelError(nameof(Derivation), t[problem]);
            }
            else if (Scale == 0)
            {
                ModelState.AddModelError(nameof(Scale), t["The scale is a number other than 0."]);
            }
            else
            {
                // A derived indicator is measured as often as its input.
                Periodicity = Inputs.Single(i => i.Id == InputIndicatorId).Periodicity;
                ModelState.Remove(nameof(Periodicity));
            }
        }

        if (OwnerAgencyId is { } agencyId && Agencies.All(a => a.Id != agencyId))
        {
            ModelState.AddModelError(nameof(OwnerAgencyId), t["Choose an agency."]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (indicator is null)
        {
            indicator = new Indicator { Code = Code.Trim(), Name = Name.ToText(), Source = Source.Trim() };
            db.Add(indicator);
        }
        else
        {
            db.Entry(indicator).Property(i => i.Version).OriginalValue = Version;
        }

        indicator.Code = Code.Trim();
        indicator.Name = Name.ToText();
        indicator.Description = LocalizedText.Of(DescriptionKk?.Trim() ?? "", DescriptionRu?.Trim() ?? "", DescriptionEn?.Trim() ?? "");
        indicator.Unit = string.IsNullOrWhiteSpace(Unit) ? null : Unit.Trim();
        indicator.Polarity = Polarity;
        indicator.Periodicity = Periodicity;
        indicator.Source = Source.Trim();
        indicator.Methodology = string.IsNullOrWhiteSpace(Methodology) ? null : Methodology.Trim();
        indicator.OwnerAgencyId = OwnerAgencyId;
        indicator.IsGovernorKpi = IsGovernorKpi;
        indicator.Derivation = Derivation;
        (indicator.InputIndicatorId, indicator.DenominatorIndicatorId, indicator.Scale) = Derivation switch
        {
            null => (null, null, null),
            DerivationKind.Ratio => (InputIndicatorId, DenominatorIndicatorId, Scale ?? 1),
            _ => (InputIndicatorId, (int?)null, (decimal?)null),
        };
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await derived.RecomputeAsync(indicator, cancellationToken);
            await derived.RecomputeAfterAsync([indicator.Id], cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, t["Someone else changed this record while you were editing it. Reload the page and try again."]);
            return Page();
        }

        TempData["Notice"] = t["The indicator has been saved."].Value;
        return Redirect($"/indicators/{Uri.EscapeDataString(indicator.Code)}");
    }

    private async Task LoadAgenciesAsync(CancellationToken cancellationToken)
    {
        Agencies = await db.Set<Agency>().AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.Code).ToListAsync(cancellationToken);
        Inputs = [.. (await IndicatorQueries.CatalogAsync(db, cancellationToken)).Select(c => c.Indicator)];
    }
}
