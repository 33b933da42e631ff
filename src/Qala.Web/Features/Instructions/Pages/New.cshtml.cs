using System.ComponentModel.DataAnnotations;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qala.Engine.Instructions.Extraction;
using Qala.Web.Data;
using Qala.Web.Features.Agencies;
using Qala.Web.Features.Indicators;
using Qala.Web.Features.Territories;
using Qala.Web.Features.Users;
using Qala.Web.Infrastructure.Calendar;
using Qala.Web.Infrastructure.Documents;

namespace Qala.Web.Features.Instructions.Pages;

/// <summary>One proposal as the controller reviews it: kept or dropped, its text edited, executors and deadline chosen.</summary>
public sealed class ProposalInput
{
    public bool Keep { get; set; } = true;

    /// <summary>Chosen to be merged with the other chosen proposals.</summary>
    public bool Chosen { get; set; }

    [StringLength(Instruction.TextLength)]
    public string Text { get; set; } = string.Empty;

    public string Cue { get; set; } = string.Empty;

    public string? Addressee { get; set; }

    public string? DeadlineAsWritten { get; set; }

    public int Start { get; set; }

    public int End { get; set; }

    public int? LeadAgencyId { get; set; }

    public List<int> CoExecutorIds { get; set; } = [];

    [StringLength(Instruction.AddresseeLength)]
    public string? ExternalAddressees { get; set; }

    public DateOnly? Deadline { get; set; }

    public ControlLevel ControlLevel { get; set; } = ControlLevel.Akim;

    public InterimReporting InterimReporting { get; set; }
}

/// <summary>A numeric fact of the text: attached to an indicator (a territory and a period) or skipped (no indicator).</summary>
public sealed class FactInput
{
    public string Text { get; set; } = string.Empty;

    public string Unit { get; set; } = string.Empty;

    public decimal Value { get; set; }

    public int? IndicatorId { get; set; }

    public int TerritoryId { get; set; }

    public int Year { get; set; }

    public int PeriodNumber { get; set; }
}

/// <summary>
/// "New meeting from text": a controller pastes or uploads (.txt) a meeting's report or transcript; the page calls
/// <see cref="InstructionExtractor.Extract"/> and shows the proposed meeting and instructions, each with the cue that
/// fired and its span highlighted in the text, with executor agencies proposed from the addressee
/// (<see cref="AgencyLookup"/>) and interim reports preset from the period the text asks for. The controller edits,
/// merges or drops proposals and confirms: one meeting and its
/// instructions are registered in one transaction, with the numeric facts the controller attached to indicators
/// recorded as observations (<see cref="MeetingFacts"/>).
/// </summary>
[Authorize(Roles = InstructionAccess.ControlRoles)]
public sealed class NewModel(
    QalaDbContext db, UserScope scope, MeetingRegistration registration, MeetingFacts meetingFacts, Deadlines deadlines, IStringLocalizer<SharedResource> t) : PageModel
{
    private const int MaxUploadBytes = 4 * 1024 * 1024;

    [BindProperty]
    public string? Text { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public DateOnly? HeldOn { get; set; }

    [BindProperty]
    public int TerritoryId { get; set; }

    [BindProperty]
    public MeetingKind Kind { get; set; } = MeetingKind.AkimMeeting;

    [BindProperty]
    [StringLength(Meeting.PlaceLength)]
    public string? Place { get; set; }

    [BindProperty]
    [StringLength(Meeting.ChairLength)]
    public string? Chair { get; set; }

    [BindProperty]
    [StringLength(Meeting.ParticipantsLength)]
    public string? Participants { get; set; }

    [BindProperty]
    public string Language { get; set; } = "ru";

    [BindProperty]
    public List<ProposalInput> Proposals { get; set; } = [];

    [BindProperty]
    public List<FactInput> Facts { get; set; } = [];

    /// <summary>The indicators a fact can be attached to: the whole catalog.</summary>
    public IReadOnlyList<LinkChoice> Indicators { get; private set; } = [];

    public IReadOnlyList<Territory> Territories { get; private set; } = [];

    public IReadOnlyList<Agency> Agencies { get; private set; } = [];

    /// <summary>Whether proposals are shown for review (after reading the text).</summary>
    public bool Reviewing { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostExtractAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Upload is { Length: > 0 })
        {
            var docx = Upload.FileName.EndsWith(WordWriter.FileExtension, StringComparison.OrdinalIgnoreCase);
            if (Upload.Length > MaxUploadBytes || !(docx || Upload.FileName.EndsWith(".txt", StringComparison.OrdinalIgnoreCase)))
            {
                ModelState.AddModelError(nameof(Upload), t["Upload a plain text file (.txt) or a Word document (.docx) of at most 4 MB."]);
                return Page();
            }

            if (docx)
            {
                // The package reader needs a seekable stream; the upload is at most 4 MB.
                await using var copy = new MemoryStream();
                await Upload.CopyToAsync(copy, cancellationToken);
                copy.Position = 0;
                Text = WordText.Read(copy, InstructionExtractor.MaxLength);
                if (Text is null)
                {
                    ModelState.AddModelError(nameof(Upload), t["This file cannot be read as a Word document (.docx): it is damaged, protected or of another format."]);
                    return Page();
                }
            }
            else
            {
                using var reader = new StreamReader(Upload.OpenReadStream(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
                Text = await reader.ReadToEndAsync(cancellationToken);
            }
        }

        MeetingExtraction extraction;
        try
        {
            extraction = InstructionExtractor.Extract(Text ?? string.Empty, HeldOn, await deadlines.CalendarAsync(cancellationToken));
        }
        catch (MeetingTextException e)
        {
            ModelState.AddModelError(nameof(Text), string.IsNullOrWhiteSpace(Text) ? t["Paste the meeting's text or upload it."] : e.Message);
            return Page();
        }

        ModelState.Clear();
        Language = extraction.Language;
        HeldOn ??= extraction.Meeting.Date;
        Place = extraction.Meeting.Place;
        Chair = extraction.Meeting.Chair;
        var territoryAgencies = Agencies.Where(a => a.TerritoryId == TerritoryId).ToList();
        Proposals = [.. extraction.Instructions.Select(p =>
        {
            var agency = AgencyLookup.Find(p.Addressee, territoryAgencies);
            return new ProposalInput
            {
                Text = p.Text,
                Cue = p.Cue,
                Addressee = p.Addressee,
                DeadlineAsWritten = p.Deadline,
                Start = p.Start,
                End = p.End,
                LeadAgencyId = agency?.Id,
                ExternalAddressees = agency is null ? p.Addressee : null,
                Deadline = p.DueDate,
                ControlLevel = Kind == MeetingKind.HeadOfStateTrip ? ControlLevel.HeadOfState : ControlLevel.Akim,
                InterimReporting = p.Period switch
                {
                    "monthly" => InterimReporting.Monthly,
                    "quarterly" => InterimReporting.Quarterly,
                    _ => InterimReporting.None,
                },
            };
        })];
        var year = (HeldOn ?? deadlines.Today).Year;
        Facts = [.. extraction.Facts.Select(f => new FactInput
        {
            Text = f.Text,
            Unit = f.Unit,
            Value = Quantity(f),
            TerritoryId = TerritoryId,
            Year = year,
        })];
        await LoadIndicatorsAsync(cancellationToken);
        Reviewing = true;
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        await LoadIndicatorsAsync(cancellationToken);
        Reviewing = true;
        if (!(await scope.CurrentAsync(cancellationToken)).Covers(TerritoryId))
        {
            return Forbid();
        }

        var kept = Proposals.Where(p => p.Keep).ToList();
        if (HeldOn is null)
        {
            ModelState.AddModelError(nameof(HeldOn), t["Give the meeting's date."]);
        }

        for (var index = 0; index < Proposals.Count; index++)
        {
            if (Proposals[index].Keep && Proposals[index].Deadline is null)
            {
                ModelState.AddModelError($"Proposals[{index}].Deadline", t["Give the deadline."]);
            }
        }

        var mine = await scope.CurrentAsync(cancellationToken);
        var facts = Facts.Where(f => f.IndicatorId is not null)
            .Select(f => new FactAttachment(f.IndicatorId!.Value, f.TerritoryId, f.Year, f.PeriodNumber, f.Value)).ToList();
        if (facts.Any(f => !mine.Covers(f.TerritoryId)))
        {
            return Forbid();
        }

        if (await meetingFacts.RefusalAsync(facts, cancellationToken) is { } refusal)
        {
            ModelState.AddModelError(nameof(Facts), t[refusal]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var drafts = kept.Select(p => new InstructionDraft(
            p.Text, p.Deadline!.Value, p.LeadAgencyId, p.CoExecutorIds, p.ExternalAddressees ?? string.Empty, p.ControlLevel, p.InterimReporting,
            TextKk: Language == "kk" ? p.Text : string.Empty, TextRu: Language == "ru" ? p.Text : string.Empty, TextEn: Language == "en" ? p.Text : string.Empty)).ToList();
        var (meeting, error) = await registration.RegisterAsync(
            new MeetingDraft(HeldOn!.Value, TerritoryId, Place ?? string.Empty, Chair ?? string.Empty, Kind, Text ?? string.Empty, Participants ?? string.Empty),
            drafts, User.Identity!.Name!, cancellationToken);
        if (meeting is null)
        {
            ModelState.AddModelError(string.Empty, t[error!]);
            return Page();
        }

        await meetingFacts.RecordAsync(meeting, facts, User.Identity!.Name!, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        TempData["Notice"] = t["The meeting and its {0} instructions have been registered.", meeting.Instructions.Count].Value;
        return Redirect($"/instructions?meeting={meeting.Id}");
    }

    /// <summary>
    /// Merges the chosen proposals (two or more) into the first of them, in the order of the text: texts joined, the
    /// span covering them all, the earliest deadline, executors and addressees joined. Works without JavaScript: the
    /// page is re-rendered from the posted state, nothing is saved.
    /// </summary>
    public async Task<IActionResult> OnPostMergeAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        await LoadIndicatorsAsync(cancellationToken);
        Reviewing = true;
        var chosen = Proposals.Where(p => p.Chosen).OrderBy(p => p.Start).ToList();
        ModelState.Clear();
        if (chosen.Count < 2)
        {
            ModelState.AddModelError(nameof(Proposals), t["Choose two or more proposals to merge."]);
            return Page();
        }

        var merged = Merge(chosen);
        var at = Proposals.IndexOf(chosen.MinBy(Proposals.IndexOf)!);
        Proposals = [.. Proposals.Take(at).Where(p => !p.Chosen), merged, .. Proposals.Skip(at).Where(p => !p.Chosen)];
        return Page();
    }

    private static ProposalInput Merge(List<ProposalInput> chosen)
    {
        static string? Joined(IEnumerable<string?> parts) =>
            string.Join("; ", parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)) is { Length: > 0 } joined ? joined : null;

        var lead = chosen.Select(p => p.LeadAgencyId).FirstOrDefault(a => a is not null);
        return new ProposalInput
        {
            Text = string.Join(" ", chosen.Select(p => p.Text.Trim()).Where(p => p.Length > 0)),
            Cue = Joined(chosen.Select(p => p.Cue)) ?? string.Empty,
            Addressee = Joined(chosen.Select(p => p.Addressee)),
            DeadlineAsWritten = Joined(chosen.Select(p => p.DeadlineAsWritten)),
            Start = chosen.Min(p => p.Start),
            End = chosen.Max(p => p.End),
            LeadAgencyId = lead,
            CoExecutorIds = [.. chosen.SelectMany(p => p.CoExecutorIds.Append(p.LeadAgencyId ?? 0)).Where(a => a != 0 && a != lead).Distinct()],
            ExternalAddressees = Joined(chosen.Select(p => p.ExternalAddressees)),
            Deadline = chosen.Min(p => p.Deadline),
            ControlLevel = chosen.Min(p => p.ControlLevel),
            InterimReporting = chosen.Select(p => p.InterimReporting).FirstOrDefault(i => i != InterimReporting.None),
        };
    }

    /// <summary>The fact's quantity (value × scale) as a decimal, 0 when it does not fit one: the controller corrects it.</summary>
    private static decimal Quantity(FactProposal fact) =>
        fact.Value * fact.Scale is var quantity && double.IsFinite(quantity) && Math.Abs(quantity) < 1e27 ? (decimal)quantity : 0;

    /// <summary>The text around a proposal with its span marked, for the review.</summary>
    public (string Before, string Span, string After) Context(ProposalInput proposal)
    {
        var text = Text ?? string.Empty;
        if (proposal.Start < 0 || proposal.End > text.Length || proposal.Start >= proposal.End)
        {
            return (string.Empty, proposal.Text, string.Empty);
        }

        var from = Math.Max(0, proposal.Start - 120);
        var to = Math.Min(text.Length, proposal.End + 60);
        return (text[from..proposal.Start], text[proposal.Start..proposal.End], text[proposal.End..to]);
    }

    private async Task LoadIndicatorsAsync(CancellationToken cancellationToken)
    {
        if (Facts.Count > 0)
        {
            Indicators = [.. (await db.Set<Indicator>().AsNoTracking().OrderBy(i => i.Code).ToListAsync(cancellationToken))
                .Select(i => new LinkChoice(i.Id, $"{i.Code} {i.Name.Current}"))];
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var mine = await scope.CurrentAsync(cancellationToken);
        Agencies = await db.Set<Agency>().AsNoTracking().InScope(mine).Where(a => a.IsActive).OrderBy(a => a.Code).ToListAsync(cancellationToken);
        var withAgencies = Agencies.Select(a => a.TerritoryId).Distinct().ToList();
        Territories = await db.Set<Territory>().AsNoTracking().Where(t => withAgencies.Contains(t.Id)).OrderBy(t => t.Code).ToListAsync(cancellationToken);
        if (TerritoryId == 0 && Territories.Count > 0)
        {
            TerritoryId = Territories[0].Id;
        }
    }
}
