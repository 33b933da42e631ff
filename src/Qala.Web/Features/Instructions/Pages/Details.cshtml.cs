using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Qala.Web.Data.Audit;
using Qala.Web.Infrastructure.Calendar;
using Qala.Web.Infrastructure.Files;

namespace Qala.Web.Features.Instructions.Pages;

/// <summary>
/// One instruction with its full history (reports, decisions, extensions, and the audit log for controllers), the
/// controller's decisions (accept, return, extend, refuse an extension, remove from control) and the executor's
/// report and extension request; controllers also set the links to a goal, activity and indicator of the territory
/// and edit the text in the three languages (both audited). Each form posts the version it was read at; a stale one
/// is refused.
/// </summary>
[Authorize(Roles = InstructionAccess.ReadRoles)]
[AttachmentUpload]
public sealed class DetailsModel(
    InstructionControl control, InstructionAccess access, InstructionLinks links, AuditLog audit, AttachmentStore store, Deadlines deadlines, IStringLocalizer<SharedResource> t) : PageModel
{
    public Instruction Instruction { get; private set; } = null!;

    public InstructionLine Line { get; private set; } = null!;

    public bool CanControl { get; private set; }

    public bool CanReport { get; private set; }

    public IReadOnlyList<DateOnly> InterimDue { get; private set; } = [];

    public IReadOnlyList<DateOnly> LateInterim { get; private set; } = [];

    public IReadOnlyList<AuditEntry> History { get; private set; } = [];

    /// <summary>What the controller may link the instruction to (only for controllers).</summary>
    public LinkChoices? LinkChoices { get; private set; }

    public TimeZoneInfo Zone => deadlines.Zone;

    [BindProperty]
    public Guid Version { get; set; }

    [BindProperty]
    [StringLength(Instruction.ReasonLength)]
    public string? Comment { get; set; }

    [BindProperty]
    public DateOnly? NewDeadline { get; set; }

    [BindProperty]
    [StringLength(InstructionReport.TextLength)]
    public string? ReportText { get; set; }

    [BindProperty]
    public bool Interim { get; set; }

    [BindProperty]
    public List<IFormFile> Files { get; set; } = [];

    [BindProperty]
    public int? GoalId { get; set; }

    [BindProperty]
    public int? ActivityId { get; set; }

    [BindProperty]
    public int? IndicatorId { get; set; }

    [BindProperty]
    public string? TextKk { get; set; }

    [BindProperty]
    public string? TextRu { get; set; }

    [BindProperty]
    public string? TextEn { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await OpenAsync(id, cancellationToken) ?? Page();

    public Task<IActionResult> OnPostAcceptAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, new AcceptAction(Comment ?? string.Empty), t["The report has been accepted as execution."], cancellationToken);

    public Task<IActionResult> OnPostReturnAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, new ReturnAction(Comment ?? string.Empty), t["The report has been returned for rework."], cancellationToken);

    public Task<IActionResult> OnPostExtendAsync(int id, CancellationToken cancellationToken) =>
        NewDeadline is { } deadline
            ? ActAsync(id, new ExtendAction(deadline, Comment ?? string.Empty), t["The deadline has been extended."], cancellationToken)
            : RefuseAsync(id, t["Give the new deadline."], cancellationToken);

    public Task<IActionResult> OnPostRefuseExtensionAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, new RefuseExtensionAction(Comment ?? string.Empty), t["The extension has been refused."], cancellationToken);

    public Task<IActionResult> OnPostRemoveAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, new RemoveAction(Comment ?? string.Empty), t["The instruction has been removed from control."], cancellationToken);

    public Task<IActionResult> OnPostRequestExtensionAsync(int id, CancellationToken cancellationToken) =>
        NewDeadline is { } deadline
            ? ActAsync(id, new RequestExtensionAction(deadline, Comment ?? string.Empty), t["The extension has been asked for."], cancellationToken)
            : RefuseAsync(id, t["Give the new deadline."], cancellationToken);

    public Task<IActionResult> OnPostLinksAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, new LinkAction(GoalId, ActivityId, IndicatorId), t["The links have been saved."], cancellationToken);

    public Task<IActionResult> OnPostTextsAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, new RewordAction(TextKk ?? string.Empty, TextRu ?? string.Empty, TextEn ?? string.Empty), t["The texts have been saved."], cancellationToken);

    public async Task<IActionResult> OnPostReportAsync(int id, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(ReportText))
        {
            return await RefuseAsync(id, t["Describe what was done."], cancellationToken);
        }

        var saved = new List<Attachment>();
        foreach (var file in Files.Where(f => f.Length > 0))
        {
            await using var content = file.OpenReadStream();
            var result = await store.SaveAsync(file.FileName, content, cancellationToken);
            if (!result.Succeeded)
            {
                return await RefuseAsync(id, t[result.Error.MessageKey, result.Error.ExpectedExtension ?? result.Error.MaxBytes?.ToString(System.Globalization.CultureInfo.CurrentCulture) ?? string.Empty], cancellationToken);
            }

            saved.Add(result.Attachment);
        }

        return await ActAsync(id, new ReportAction(ReportText, Interim, saved), t["The report has been submitted."], cancellationToken);
    }

    private async Task<IActionResult> ActAsync(int id, ControlAction action, string done, CancellationToken cancellationToken)
    {
        var result = await control.ApplyAsync(User, id, Version, action, cancellationToken);
        switch (result.Outcome)
        {
            case ControlOutcome.Done:
                TempData["Notice"] = done;
                return Redirect($"/instructions/{id}");
            case ControlOutcome.NotFound:
                return NotFound();
            case ControlOutcome.Forbidden:
                return Forbid();
            default:
                return await RefuseAsync(id, t[result.Reason!], cancellationToken);
        }
    }

    private async Task<IActionResult> RefuseAsync(int id, string reason, CancellationToken cancellationToken)
    {
        ModelState.AddModelError(string.Empty, reason);
        return await OpenAsync(id, cancellationToken, keepVersion: true) ?? Page();
    }

    private async Task<IActionResult?> OpenAsync(int id, CancellationToken cancellationToken, bool keepVersion = false)
    {
        if (await control.LoadAsync(id, cancellationToken) is not { } instruction)
        {
            return NotFound();
        }

        if (!await access.CanReadAsync(User, instruction))
        {
            return Forbid();
        }

        var today = deadlines.Today;
        Instruction = instruction;
        Line = new InstructionLine(instruction, instruction.IsOverdueOn(today), instruction.Deadline.DayNumber - today.DayNumber);
        CanControl = await access.CanControlAsync(User, instruction.TerritoryId);
        CanReport = await access.ReportingAgencyAsync(User) is { } agency && instruction.IsExecutor(agency) && !instruction.IsClosed;
        InterimDue = instruction.InterimDueDates(instruction.Meeting!.HeldOn);
        LateInterim = instruction.LateInterimReports(instruction.Meeting.HeldOn, today);
        if (CanControl)
        {
            LinkChoices = await links.ChoicesAsync(instruction.TerritoryId, cancellationToken);
            History = await audit.HistoryAsync("Instructions", id.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
        }

        if (!keepVersion)
        {
            Version = instruction.Version;
            (GoalId, ActivityId, IndicatorId) = (instruction.GoalId, instruction.ActivityId, instruction.IndicatorId);
            (TextKk, TextRu, TextEn) = (instruction.Text.Kk, instruction.Text.Ru, instruction.Text.En);
        }

        return null;
    }
}
