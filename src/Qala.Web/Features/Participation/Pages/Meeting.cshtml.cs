using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qala.Web.Data;
using Qala.Web.Features.Territories;
using Qala.Web.Features.Users;

namespace Qala.Web.Features.Participation.Pages;

/// <summary>Records a thematic meeting of a discussion (<c>…/meetings/new</c>) or corrects one.</summary>
[Authorize]
public sealed class MeetingModel(QalaDbContext db, UserScope scope, IStringLocalizer<SharedResource> t) : PageModel
{
    public const int MaxMinutesLength = 100_000;

    public Consultation Consultation { get; private set; } = null!;

    public IReadOnlyList<Territory> Districts { get; private set; } = [];

    public bool IsNew { get; private set; }

    [BindProperty]
    public DateOnly HeldOn { get; set; }

    [BindProperty]
    public string Topic { get; set; } = string.Empty;

    [BindProperty]
    public string Venue { get; set; } = string.Empty;

    [BindProperty]
    public int? DistrictId { get; set; }

    [BindProperty]
    public string Organiser { get; set; } = string.Empty;

    [BindProperty]
    public int Participants { get; set; }

    [BindProperty]
    public int Reach { get; set; }

    [BindProperty]
    public string? Minutes { get; set; }

    [BindProperty]
    public Guid Version { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, string meetingId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        IsNew = meetingId == "new";
        if (IsNew)
        {
            HeldOn = Consultation.OpensOn;
            return Page();
        }

        if (await FindAsync(id, meetingId, cancellationToken) is not { } meeting)
        {
            return NotFound();
        }

        (HeldOn, Topic, Venue, DistrictId, Organiser, Participants, Reach, Minutes, Version) =
            (meeting.HeldOn, meeting.Topic, meeting.Venue, meeting.DistrictId, meeting.Organiser, meeting.Participants, meeting.Reach, meeting.Minutes, meeting.Version);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, string meetingId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        IsNew = meetingId == "new";
        var meeting = IsNew ? null : await FindAsync(id, meetingId, cancellationToken);
        if (!IsNew && meeting is null)
        {
            return NotFound();
        }

        Check();
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (meeting is null)
        {
            meeting = new ThematicMeeting { ConsultationId = id, Topic = Topic.Trim(), Venue = Venue.Trim(), Organiser = Organiser.Trim() };
            db.Add(meeting);
        }
        else
        {
            db.Entry(meeting).Property(m => m.Version).OriginalValue = Version;
            (meeting.Topic, meeting.Venue, meeting.Organiser) = (Topic.Trim(), Venue.Trim(), Organiser.Trim());
        }

        (meeting.HeldOn, meeting.DistrictId, meeting.Participants, meeting.Reach) = (HeldOn, DistrictId, Participants, Reach);
        meeting.Minutes = string.IsNullOrWhiteSpace(Minutes) ? null : Minutes.Trim();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, t["Someone else changed this record while you were editing it. Reload the page and try again."]);
            return Page();
        }

        TempData["Notice"] = t["The meeting has been saved."].Value;
        return Redirect($"/consultations/{id}");
    }

    private void Check()
    {
        foreach (var (field, value) in new[] { (nameof(Topic), Topic), (nameof(Venue), Venue), (nameof(Organiser), Organiser) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                ModelState.AddModelError(field, t["Fill in this field."]);
            }
            else if (value.Length > 400)
            {
                ModelState.AddModelError(field, t["At most 400 characters."]);
            }
        }

        if (Participants < 0)
        {
            ModelState.AddModelError(nameof(Participants), t["A count cannot be negative."]);
        }

        if (Reach < 0)
        {
            ModelState.AddModelError(nameof(Reach), t["A count cannot be negative."]);
        }

        if (DistrictId is { } district && Districts.All(d => d.Id != district))
        {
            ModelState.AddModelError(nameof(DistrictId), t["Choose a district of this city."]);
        }

        if (Minutes is { Length: > MaxMinutesLength })
        {
            ModelState.AddModelError(nameof(Minutes), t["The minutes are too long."]);
        }
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await db.Set<Consultation>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken) is not { } consultation)
        {
            return NotFound();
        }

        if (!ParticipationAccess.CanOrganise(User, await scope.CurrentAsync(cancellationToken), consultation.TerritoryId))
        {
            return Forbid();
        }

        Consultation = consultation;
        Districts = await db.Set<Territory>().AsNoTracking().Where(x => x.ParentId == consultation.TerritoryId && x.ValidTo == null).OrderBy(x => x.Code).ToListAsync(cancellationToken);
        return null;
    }

    private Task<ThematicMeeting?> FindAsync(int id, string meetingId, CancellationToken cancellationToken) =>
        int.TryParse(meetingId, NumberStyles.None, CultureInfo.InvariantCulture, out var key)
            ? db.Set<ThematicMeeting>().FirstOrDefaultAsync(m => m.Id == key && m.ConsultationId == id, cancellationToken)
            : Task.FromResult<ThematicMeeting?>(null);
}
