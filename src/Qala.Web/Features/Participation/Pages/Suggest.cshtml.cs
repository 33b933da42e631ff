using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Qala.Engine.Languages;
using Qala.Web.Data;
using Qala.Web.Features.Territories;
using Qala.Web.Infrastructure.Auth;
using Qala.Web.Infrastructure.Localization;

namespace Qala.Web.Features.Participation.Pages;

/// <summary>
/// The citizens' suggestion form: no sign-in, a limited number of posts per client and minute, a size limit, a
/// honeypot field that only robots fill, and a one-time key so that a double click stores one suggestion. Contact
/// details are optional and kept only with consent.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(PublicFormLimits.Policy)]
[RequestSizeLimit(MaxRequestBytes)]
public sealed class SuggestModel(QalaDbContext db, SuggestionIntake intake, IOptions<ParticipationOptions> options, IStringLocalizer<SharedResource> t) : PageModel
{
    public const int MaxRequestBytes = 64 * 1024;

    public Consultation Consultation { get; private set; } = null!;

    public IReadOnlyList<Territory> Districts { get; private set; } = [];

    public string ConsentTextVersion => options.Value.ConsentTextVersion;

    [BindProperty]
    public string Text { get; set; } = string.Empty;

    [BindProperty]
    public int? DistrictId { get; set; }

    [BindProperty]
    public bool Confidential { get; set; }

    [BindProperty]
    public string? ContactName { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Phone { get; set; }

    [BindProperty]
    public bool Consent { get; set; }

    [BindProperty]
    public Guid SubmissionKey { get; set; } = Guid.NewGuid();

    /// <summary>The honeypot: hidden from people, filled by robots.</summary>
    [BindProperty]
    public string? Website { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!string.IsNullOrEmpty(Website))
        {
            TempData["Notice"] = t["Thank you."].Value;
            return Redirect($"/consultations/{id}");
        }

        var result = await intake.SubmitAsync(
            new SuggestionSubmission
            {
                ConsultationId = id,
                Channel = SuggestionChannel.WebForm,
                Text = Text ?? string.Empty,
                Language = QalaCultures.LanguageOf(CultureInfo.CurrentUICulture).Code(),
                DistrictId = DistrictId,
                Confidential = Confidential,
                ContactName = ContactName,
                Email = Email,
                Phone = Phone,
                Consent = Consent,
                SubmissionKey = SubmissionKey,
            },
            cancellationToken);
        if (!result.Accepted)
        {
            foreach (var (field, message) in result.Errors)
            {
                ModelState.AddModelError(field, t[message]);
            }

            return Page();
        }

        return Redirect($"/suggestions/{result.PublicCode}?sent=true");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await db.Set<Consultation>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken) is not { } consultation)
        {
            return false;
        }

        Consultation = consultation;
        Districts = await db.Set<Territory>().AsNoTracking().Where(x => x.ParentId == consultation.TerritoryId && x.ValidTo == null)
            .OrderBy(x => x.Code).ToListAsync(cancellationToken);
        return true;
    }
}
