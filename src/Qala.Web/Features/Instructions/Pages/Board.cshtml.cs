using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Qala.Web.Data;
using Qala.Web.Features.Users;
using Qala.Web.Infrastructure.Calendar;
using Qala.Web.Infrastructure.Documents;

namespace Qala.Web.Features.Instructions.Pages;

/// <summary>
/// The control board: counts by status and agency, overdue first, due this week, and each agency's execution
/// discipline in the period (from/to; the current year up to today unless given) on the original deadline and after
/// extensions; the same filters as the register (the period sets the discipline's window here); exports to .xlsx
/// and .docx (the akimat's control report).
/// </summary>
[Authorize(Roles = InstructionAccess.ReadRoles)]
public sealed class BoardModel(QalaDbContext db, InstructionQueries queries, UserScope scope, Deadlines deadlines, IStringLocalizer<SharedResource> t) : RegisterPageModel
{
    public BoardFigures Figures { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var today = deadlines.Today;
        var lines = await queries.ListAsync(User, Filter with { From = null, To = null }, cancellationToken, withInterimReports: true);
        Figures = ControlBoard.Compute(lines, today, From ?? new DateOnly(today.Year, 1, 1), To ?? today);
        await LoadChoicesAsync(db, queries, scope, cancellationToken);
    }

    public async Task<IActionResult> OnGetExportAsync(string format, CancellationToken cancellationToken)
    {
        await OnGetAsync(cancellationToken);
        var f = Figures;
        var document = new ReportDocument(
            t["Control of instructions"],
            [
                new ReportHeading(t["By status"], 2),
                new ReportTable(
                    t["By status"],
                    [new ReportColumn(t["Status"]), new ReportColumn(t["Instructions"], ColumnKind.WholeNumber)],
                    [.. f.ByStatus.Select(s => (IReadOnlyList<object?>)[t[InstructionText.Status(s.Key)].Value, s.Value]), [t["Overdue"].Value, f.Overdue]]),
                new ReportHeading(t["Execution discipline"], 2),
                new ReportTable(
                    t["Execution discipline"],
                    [
                        new ReportColumn(t["Agency"]), new ReportColumn(t["Due (original deadline)"], ColumnKind.WholeNumber),
                        new ReportColumn(t["On time (original deadline)"], ColumnKind.WholeNumber), new ReportColumn(t["Discipline (original deadline)"], ColumnKind.Percent, 1),
                        new ReportColumn(t["Due (after extensions)"], ColumnKind.WholeNumber), new ReportColumn(t["On time (after extensions)"], ColumnKind.WholeNumber),
                        new ReportColumn(t["Discipline (after extensions)"], ColumnKind.Percent, 1),
                    ],
                    f.Discipline.Select(d => (IReadOnlyList<object?>)[d.Agency, d.DueOriginally, d.OnTimeOriginally, d.Original, d.DueAfterExtensions, d.OnTimeAfterExtensions, d.AfterExtensions])),
                new ReportHeading(t["By agency"], 2),
                new ReportTable(
                    t["By agency"],
                    [
                        new ReportColumn(t["Agency"]), new ReportColumn(t["On control"], ColumnKind.WholeNumber), new ReportColumn(t["Report submitted"], ColumnKind.WholeNumber),
                        new ReportColumn(t["Returned for rework"], ColumnKind.WholeNumber), new ReportColumn(t["Extension requested"], ColumnKind.WholeNumber),
                        new ReportColumn(t["Executed"], ColumnKind.WholeNumber), new ReportColumn(t["Removed from control"], ColumnKind.WholeNumber),
                        new ReportColumn(t["Overdue"], ColumnKind.WholeNumber), new ReportColumn(t["Late interim reports"], ColumnKind.WholeNumber),
                    ],
                    f.ByAgency.Select(a => (IReadOnlyList<object?>)[a.Agency, a.OnControl, a.ReportSubmitted, a.Returned, a.ExtensionRequested, a.Accepted, a.Removed, a.Overdue, a.LateInterim])),
                new ReportHeading(t["Overdue"], 2),
                Lines(t["Overdue"], f.OverdueLines),
                new ReportHeading(t["Due this week"], 2),
                Lines(t["Due this week"], f.DueThisWeek),
            ])
        {
            Metadata = [t["Period: {0} – {1}", f.From.ToString("d", CultureInfo.CurrentCulture), f.To.ToString("d", CultureInfo.CurrentCulture)], t["As of {0}", deadlines.Today.ToString("d", CultureInfo.CurrentCulture)]],
        };

        return ReportFiles.Download(document, format, "qala-instructions", CultureInfo.CurrentCulture);
    }

    private ReportTable Lines(string name, IReadOnlyList<InstructionLine> lines) => new(
        name,
        [
            new ReportColumn(t["Meeting"]), new ReportColumn("№", ColumnKind.WholeNumber), new ReportColumn(t["Instruction"]), new ReportColumn(t["Lead executor"]),
            new ReportColumn(t["Deadline"], ColumnKind.Date), new ReportColumn(t["Status"]),
        ],
        lines.Select(l => (IReadOnlyList<object?>)[
            $"{l.Instruction.Meeting!.HeldOn.ToString("d", CultureInfo.CurrentCulture)} {l.Instruction.Meeting.Chair}", l.Instruction.Number, l.Instruction.Text.Current,
            l.Instruction.LeadAgency?.Name.Current ?? l.Instruction.ExternalAddressees, l.Instruction.Deadline, t[InstructionText.Status(l.Instruction.Status)].Value]));
}
