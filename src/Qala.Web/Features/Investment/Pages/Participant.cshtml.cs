using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qala.Engine.Investment;
using Qala.Web.Data;
using Qala.Web.Data.Audit;
using Qala.Web.Infrastructure.Auth;
using Qala.Web.Infrastructure.Calendar;

namespace Qala.Web.Features.Investment.Pages;

/// <summary>
/// A zone participant: its company, flags, jobs and investment by year (<c>/investment/participants/new?zone=</c> to
/// add one), and its lifecycle, each move recorded with its day and reason. The zone's editors only.
/// </summary>
[Authorize(Roles = $"{QalaRoles.Administrator},{QalaRoles.Planner},{QalaRoles.AgencyOfficer}")]
public sealed class ParticipantModel(
    QalaDbContext db, InvestmentAccess access, AuditLog audit, Deadlines deadlines, TimeProvider time, InvestmentIndicators indicators, IStringLocalizer<SharedResource> t) : PageModel
{
    public InvestmentZone Zone { get; private set; } = null!;

    public ZoneParticipant? Participant { get; private set; }

    public DateOnly Today => deadlines.Today;

    public IReadOnlyList<AuditEntry> History { get; private set; } = [];

    [BindProperty]
    public UndertakingInput Input { get; set; } = new();

    [BindProperty]
    public string? LandPlot { get; set; }

    /// <summary>Where a new participant's lifecycle starts: applied or registered.</summary>
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

    public async Task<IActionResult> OnGetAsync(string id, int? zone, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, zone, cancellationToken) is { } refused)
        {
            return refused;
        }

        StartOn = Today;
        Input = Participant is null ? new UndertakingInput().WithBlankYears() : UndertakingInput.From(Participant);
        LandPlot = Participant?.LandPlot;
        Version = Participant?.Version ?? Guid.Empty;
        if (Participant is not null)
        {
            History = await audit.HistoryAsync("ZoneParticipants", Participant.Id.ToString(CultureInfo.InvariantCulture),
                "ParticipantSteps", [.. Participant.Steps.Select(s => s.Id.ToString(CultureInfo.InvariantCulture))], cancellationToken);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, int? zone, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, zone, cancellationToken) is { } refused)
        {
            return refused;
        }

        Input.Validate(ModelState, nameof(Input), t);
        var bin = Engine.Investment.Bin.Normalize(Input.Bin);
        if (ModelState.IsValid && await db.Set<ZoneParticipant>().AnyAsync(p => p.ZoneId == Zone.Id && p.Bin == bin && p.Id != (Participant == null ? 0 : Participant.Id), cancellationToken))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Bin)}", t["A company with this BIN is already a participant of this zone."]);
        }

        if (Participant is null && StartStage is not (LifecycleStage.Applied or LifecycleStage.Registered))
        {
            ModelState.AddModelError(nameof(StartStage), t["A lifecycle starts with an application or a registration."]);
        }

        if (!ModelState.IsValid)
        {
            Input.WithBlankYears();
            return Page();
        }

        var participant = Participant;
        if (participant is null)
        {
            participant = new ZoneParticipant { ZoneId = Zone.Id };
            participant.Start(StartStage, StartOn, string.Empty, User.Identity!.Name!, time.GetUtcNow());
            db.Add(participant);
        }
        else
        {
            db.Entry(participant).Property(p => p.Version).OriginalValue = Version;
        }

        Input.ApplyTo(participant);
        participant.LandPlot = (LandPlot ?? string.Empty).Trim();
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

        TempData["Notice"] = t["The participant has been saved."].Value;
        return Redirect($"/investment/participants/{participant.Id}");
    }

    /// <summary>Records the next stage of the lifecycle, if the lifecycle allows it on that day.</summary>
    public async Task<IActionResult> OnPostMoveAsync(string id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, null, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Participant is null)
        {
            return NotFound();
        }

        db.Entry(Participant).Property(p => p.Version).OriginalValue = Version;
        if (Participant.MoveTo(Move.To, Move.On, (Move.Reason ?? string.Empty).Trim(), User.Identity!.Name!, time.GetUtcNow()) is { } problem)
        {
            TempData["Error"] = t[problem].Value;
            return Redirect($"/investment/participants/{Participant.Id}");
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

        return Redirect($"/investment/participants/{Participant.Id}");
    }

    /// <summary>Corrects the day of a recorded step with its reason, if the corrected lifecycle still holds; the KPIs follow in the same transaction.</summary>
    public async Task<IActionResult> OnPostCorrectAsync(string id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, null, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Participant is null)
        {
            return NotFound();
        }

        if (Participant.CorrectDay(Correction.Step, Correction.On, (Correction.Reason ?? string.Empty).Trim(), User.Identity!.Name!, time.GetUtcNow()) is { } problem)
        {
            TempData["Error"] = t[problem].Value;
            return Redirect($"/investment/participants/{Participant.Id}");
        }

        // The participant's own row is written even when only a step changes, so that a stale form is caught.
        var entry = db.Entry(Participant);
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

        return Redirect($"/investment/participants/{Participant.Id}");
    }

    /// <summary>Finds the participant (or, for a new one, the zone) and checks the user may edit it; a result when refused.</summary>
    private async Task<IActionResult?> LoadAsync(string id, int? zoneId, CancellationToken cancellationToken)
    {
        if (!string.Equals(id, "new", StringComparison.Ordinal))
        {
            if (!int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var key))
            {
                return NotFound();
            }

            Participant = await db.Set<ZoneParticipant>().Include(p => p.Steps).Include(p => p.Years).AsSplitQuery()
                .FirstOrDefaultAsync(p => p.Id == key, cancellationToken);
            if (Participant is null)
            {
                return NotFound();
            }

            zoneId = Participant.ZoneId;
        }

        if (zoneId is null || await db.Set<InvestmentZone>().Include(z => z.Territory).FirstOrDefaultAsync(z => z.Id == zoneId, cancellationToken) is not { } zone)
        {
            return NotFound();
        }

        Zone = zone;
        return await access.CanEditAsync(User, zone) ? null : Forbid();
    }
}
