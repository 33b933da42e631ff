using Microsoft.EntityFrameworkCore;
using Qala.Web.Data;
using Qala.Web.Features.Agencies;

namespace Qala.Web.Features.Instructions;

/// <summary>A meeting as the controller confirms it.</summary>
public sealed record MeetingDraft(DateOnly HeldOn, int TerritoryId, string Place, string Chair, MeetingKind Kind, string SourceText, string Participants);

/// <summary>An instruction as the controller confirms it: text in any of the three languages, executors and deadline.</summary>
public sealed record InstructionDraft(
    string Text,
    DateOnly Deadline,
    int? LeadAgencyId,
    IReadOnlyList<int> CoExecutorIds,
    string ExternalAddressees,
    ControlLevel ControlLevel,
    InterimReporting InterimReporting = InterimReporting.None,
    int? GoalId = null,
    int? ActivityId = null,
    int? IndicatorId = null,
    string? TextKk = null,
    string? TextRu = null,
    string? TextEn = null);

/// <summary>
/// Registers a meeting with its instructions in one save (one transaction, audited): what "confirm" does after the
/// controller reviewed the proposals, and what the API's create does. Executors must be agencies of the meeting's
/// territory; a text is required; the deadline may not precede the meeting.
/// </summary>
public sealed class MeetingRegistration(QalaDbContext db, TimeProvider time)
{
    public async Task<(Meeting? Meeting, string? Error)> RegisterAsync(MeetingDraft draft, IReadOnlyList<InstructionDraft> instructions, string by, CancellationToken cancellationToken, bool isDemo = false)
    {
        if (instructions.Count == 0)
        {
            return (null, "A meeting is registered with at least one instruction.");
        }

        var agencies = await db.Set<Agency>().Where(a => a.TerritoryId == draft.TerritoryId).Select(a => a.Id).ToListAsync(cancellationToken);
        foreach (var instruction in instructions)
        {
            if (string.IsNullOrWhiteSpace(instruction.Text) && string.IsNullOrWhiteSpace(instruction.TextKk) && string.IsNullOrWhiteSpace(instruction.TextRu) && string.IsNullOrWhiteSpace(instruction.TextEn))
            {
                return (null, "Every instruction needs its text.");
            }

            if (instruction.Deadline < draft.HeldOn)
            {
                return (null, "A deadline cannot precede the meeting.");
            }

            if ((instruction.LeadAgencyId is { } lead && !agencies.Contains(lead)) || instruction.CoExecutorIds.Any(c => !agencies.Contains(c)))
            {
                return (null, "Executors are agencies of the meeting's territory.");
            }

            if (instruction.LeadAgencyId is null && string.IsNullOrWhiteSpace(instruction.ExternalAddressees))
            {
                return (null, "Every instruction needs a lead executor agency or a named addressee.");
            }
        }

        var at = time.GetUtcNow();
        var meeting = new Meeting
        {
            HeldOn = draft.HeldOn,
            TerritoryId = draft.TerritoryId,
            Place = Cut(draft.Place, Meeting.PlaceLength),
            Chair = Cut(draft.Chair, Meeting.ChairLength),
            Kind = draft.Kind,
            SourceText = draft.SourceText,
            Participants = Cut(draft.Participants, Meeting.ParticipantsLength),
            IsDemo = isDemo,
        };
        var number = 0;
        foreach (var draftInstruction in instructions)
        {
            var text = Cut(draftInstruction.Text, Instruction.TextLength);
            var instruction = Instruction.Register(
                meeting,
                ++number,
                LocalizedText.Of(
                    Cut(draftInstruction.TextKk ?? text, Instruction.TextLength),
                    Cut(draftInstruction.TextRu ?? text, Instruction.TextLength),
                    Cut(draftInstruction.TextEn ?? text, Instruction.TextLength)),
                draftInstruction.Deadline,
                by,
                at);
            instruction.LeadAgencyId = draftInstruction.LeadAgencyId;
            instruction.ExternalAddressees = Cut(draftInstruction.ExternalAddressees, Instruction.AddresseeLength);
            instruction.ControlLevel = draftInstruction.ControlLevel;
            instruction.InterimReporting = draftInstruction.InterimReporting;
            instruction.GoalId = draftInstruction.GoalId;
            instruction.ActivityId = draftInstruction.ActivityId;
            instruction.IndicatorId = draftInstruction.IndicatorId;
            instruction.IsDemo = isDemo;
            instruction.CoExecutors.AddRange(draftInstruction.CoExecutorIds.Where(c => c != draftInstruction.LeadAgencyId).Distinct().Select(c => new InstructionCoExecutor { AgencyId = c }));
            meeting.Instructions.Add(instruction);
        }

        db.Add(meeting);
        await db.SaveChangesAsync(cancellationToken);
        return (meeting, null);
    }

    private static string Cut(string? text, int length) => (text ?? string.Empty).Trim() is var trimmed && trimmed.Length > length ? trimmed[..length] : trimmed;
}
