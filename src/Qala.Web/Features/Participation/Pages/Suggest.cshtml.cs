using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Qala.Engine.Languages;
using Qala.Web.Data;
using Qala.Web.Features.SocialInfrastructure;
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
public sealed class SuggestModel(
    QalaDbContext db, PublicConsultations consultations, SuggestionIntake intake, IOptions<ParticipationOptions> options, IOptions<SocialOptions> maps,
    IStringLocalizer<SharedResource> t) : PageModel
{
    public const int MaxRequestBytes = 64 * 1024;

    public Consultation Consultation { get; private set; } = null!;

    public IReadOnlyList<Territory> Districts { get; private set; } = [];

    public string ConsentTextVersion => options.Value.ConsentTextVersion;

    public SocialOptions Maps => maps.Value;

    [BindProperty]
    public string Text { get; set; } = string.Empty;

    [BindProperty]
    public int? DistrictId { get; set; }

    /// <summary>The place's latitude as typed or set by the map: a number with a point or a comma, whatever the page's language.</summary>
    [BindProperty]
    public string? Latitude { get; set; }

    [BindProperty]
    public string? Longitude { get; set; }

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

        var latitude = Coordinate(Latitude, nameof(Latitude), "The latitude is a number of degrees from -90 to 90.");
        var longitude = Coordinate(Longitude, nameof(Longitude), "The longitude is a number of degrees from -180 to 180.");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await intake.SubmitFromFormAsync(
            new ConsultationForm(Consultation, Districts),
            new SuggestionSubmission
            {
                ConsultationId = id,
                Channel = SuggestionChannel.WebForm,
                Text = Text ?? string.Empty,
                Language = QalaCultures.LanguageOf(CultureInfo.CurrentUICulture).Code(),
                DistrictId = DistrictId,
                Latitude = latitude,
                Longitude = longitude,
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

    /// <summary>The outlines of the city's districts, drawn under the place picker so that a citizen finds their street.</summary>
    public async Task<IActionResult> OnGetOutlinesAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var outlines = await db.Set<DistrictOutline>().AsNoTracking().Include(o => o.Territory)
            .Where(o => o.Territory!.ParentId == Consultation.TerritoryId && o.Territory.ValidTo == null)
            .ToListAsync(cancellationToken);
        return new JsonResult(new { districts = outlines.Select(o => new { name = o.Territory!.Name.Current, geometry = JsonNode.Parse(o.Geometry) }) });
    }

    private double? Coordinate(string? text, string field, string message)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (double.TryParse(text.Trim().Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        ModelState.AddModelError(field, t[message]);
        return null;
    }

    /// <summary>The consultation and its city's districts to choose from, remembered on this node while it is open.</summary>
    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await consultations.FindAsync(db, id, cancellationToken) is not { } form)
        {
            return false;
        }

        (Consultation, Districts) = (form.Consultation, form.Districts);
        return true;
    }
}
