using Qala.Engine.Instructions.Extraction;
using Qala.Web.Features.Agencies;
using Qala.Web.Features.Instructions;
using Qala.Web.Features.Territories;

namespace Qala.Web.Data.Seeding;

/// <summary>
/// Demonstration instructions, every record marked <c>IsDemo</c>: each dated seed text becomes a meeting whose
/// instructions are those <see cref="InstructionExtractor"/> proposes, as a controller would confirm them — the lead
/// executor from the addressee (<see cref="AgencyLookup"/>, else the territory's akimat, with the addressee kept as
/// named), the deadline as resolved or six months after the meeting. Their fates rotate so the register and board have
/// something to show: accepted on time, accepted after an extension, a report waiting for the controller, returned
/// for rework, and left on control — the open ones are long overdue, as the seeds are from 2018–2019.
/// </summary>
internal static class DemoInstructions
{
    private const string By = "demo";

    public static void Seed(QalaDbContext db, IReadOnlyDictionary<string, Territory> territories, IReadOnlyDictionary<string, Agency> agencies)
    {
        foreach (var document in DemoData.Documents)
        {
            var extraction = InstructionExtractor.Extract(DemoDataSeeder.ReadText(document.Code), document.PublishedOn);
            if ((extraction.Meeting.Date ?? document.PublishedOn) is not { } heldOn || extraction.Instructions.Count == 0)
            {
                continue;
            }

            var territory = territories[document.TerritoryCode];
            var local = agencies.Values.Where(a => a.TerritoryId == territory.Id).OrderBy(a => a.Code, StringComparer.Ordinal).ToList();
            var akimat = local.First(a => a.Code.EndsWith("-AKIMAT", StringComparison.Ordinal));
            var meeting = new Meeting
            {
                HeldOn = heldOn,
                Territory = territory,
                TerritoryId = territory.Id,
                Place = extraction.Meeting.Place ?? string.Empty,
                Chair = extraction.Meeting.Chair ?? string.Empty,
                Kind = MeetingKind.HeadOfStateTrip,
                SourceText = DemoDataSeeder.ReadText(document.Code),
                Participants = document.Publisher,
                IsDemo = true,
            };
            var registered = At(heldOn);
            var number = 0;
            foreach (var proposal in extraction.Instructions)
            {
                var deadline = proposal.DueDate is { } due && due > heldOn ? due : heldOn.AddMonths(6);
                var text = extraction.Language switch
                {
                    "kk" => LocalizedText.Of(proposal.Text, string.Empty, string.Empty),
                    "ru" => LocalizedText.Of(string.Empty, proposal.Text, string.Empty),
                    _ => LocalizedText.Of(string.Empty, string.Empty, proposal.Text),
                };
                var instruction = Instruction.Register(meeting, ++number, text, deadline, By, registered);
                var lead = AgencyLookup.Find(proposal.Addressee, local);
                instruction.LeadAgencyId = (lead ?? akimat).Id;
                instruction.ExternalAddressees = lead is null ? proposal.Addressee ?? string.Empty : string.Empty;
                instruction.ControlLevel = ControlLevel.HeadOfState;
                instruction.IsDemo = true;
                Play(instruction, number % 5, deadline);
                meeting.Instructions.Add(instruction);
            }

            db.Add(meeting);
        }
    }

    // The fates, in turn: 0 accepted on time, 1 extended and accepted, 2 report waiting, 3 returned, 4 on control.
    private static void Play(Instruction instruction, int fate, DateOnly deadline)
    {
        var agency = instruction.LeadAgencyId!.Value;
        InstructionReport Report(DateOnly on, string text) => new() { Text = text, SubmittedOn = on };
        switch (fate)
        {
            case 0:
                instruction.SubmitReport(Report(deadline.AddDays(-10), "Executed; the acts are attached to the file."), agency, By, At(deadline.AddDays(-10)));
                instruction.Accept("Executed.", By, At(deadline.AddDays(-5)));
                break;
            case 1:
                instruction.RequestExtension(deadline.AddMonths(3), "Financing arrives in the next budget year.", agency, By, At(deadline.AddDays(-15)));
                instruction.GrantExtension(deadline.AddMonths(3), "Financing arrives in the next budget year.", By, At(deadline.AddDays(-10)));
                instruction.SubmitReport(Report(deadline.AddMonths(2), "Executed within the extension."), agency, By, At(deadline.AddMonths(2)));
                instruction.Accept("Executed after the extension.", By, At(deadline.AddMonths(2).AddDays(3)));
                break;
            case 2:
                instruction.SubmitReport(Report(deadline.AddDays(-2), "Work completed; awaiting the controller's review."), agency, By, At(deadline.AddDays(-2)));
                break;
            case 3:
                instruction.SubmitReport(Report(deadline.AddDays(-3), "Partly done."), agency, By, At(deadline.AddDays(-3)));
                instruction.Return("The report does not show the result; attach the acts.", By, At(deadline.AddDays(-1)));
                break;
            default:
                break;
        }
    }

    private static DateTimeOffset At(DateOnly day) => new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(5)).ToUniversalTime();
}
