using System.Globalization;
using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Qala.Web.Features.Programs;
using Qala.Web.Infrastructure.Auth;
using Qala.Web.Infrastructure.Imports;
using Qala.Web.Tests.Infrastructure;

namespace Qala.Web.Tests.Programs;

/// <summary>The roadmap's Excel round trip: export, edit offline, import back with validation and audit.</summary>
public sealed partial class ProgramsTests
{
    [Theory, ClassData(typeof(AllDatabases))]
    public async Task A_roadmap_goes_to_Excel_and_comes_back_audited(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        await app.CreateUserAsync("planner", Password, [QalaRoles.Planner], Almaty);
        var planner = await app.SignedInAsync("planner", Password);
        var edu = await AgencyIdAsync(app, "ALA-EDU");
        var (programId, first) = await BuildAsync(app, planner, Almaty, edu, Today.AddDays(-9), Today.AddDays(10));
        var taskId = await app.QueryAsync(db => db.Set<RoadmapActivity>().Where(a => a.Id == first).Select(a => a.TaskId).SingleAsync());
        var second = await AddActivityAsync(planner, programId, taskId, edu, Today, Today.AddDays(30));

        (await planner.PageAsync($"/programs/{programId}")).QuerySelector("#roadmap-link").ShouldNotBeNull();
        var export = await planner.GetAsync($"/programs/{programId}/roadmap?handler=Export");
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        var workbook = await export.Content.ReadAsByteArrayAsync();
        var rows = SheetRows(workbook, "Roadmap");
        rows[0].ShouldBe(RoadmapWorkbook.Columns);
        var row = rows.Single(r => r[0] == first.ToString(CultureInfo.InvariantCulture));
        row[Column(RoadmapWorkbook.Agency)].ShouldBe("ALA-EDU");
        row[Column(RoadmapWorkbook.TitleEn)].ShouldBe("Repair school No. 12");
        decimal.Parse(row[Column(RoadmapWorkbook.Planned("local"))], CultureInfo.InvariantCulture).ShouldBe(1_500_000);

        // Offline: a new English title, further progress, a later due date, and money from a PPP partner.
        var edited = Edit(workbook, first, new()
        {
            [RoadmapWorkbook.TitleEn] = "Repair school No. 12 and its gym",
            [RoadmapWorkbook.PercentComplete] = "55",
            [RoadmapWorkbook.Status] = "InProgress",
            [RoadmapWorkbook.Due] = Iso(Today.AddDays(20)),
            [RoadmapWorkbook.Planned("ppp")] = "300000",
        });
        var preview = await planner.PreviewImportAsync($"/programs/{programId}/roadmap", "roadmap.xlsx", edited);
        preview.QuerySelector("#import-errors").ShouldBeNull();
        preview.ImportCounts().ShouldBe((0, 1, 1, 0));
        var result = await planner.CommitImportAsync(preview, ImportMode.AllOrNothing);
        result.QuerySelector("#import-done").ShouldNotBeNull();

        var saved = await app.QueryAsync(db => db.Set<RoadmapActivity>().Include(a => a.Budget).SingleAsync(a => a.Id == first));
        saved.Title.En.ShouldBe("Repair school No. 12 and its gym");
        saved.PercentComplete.ShouldBe(55);
        saved.DueDate.ShouldBe(Today.AddDays(20));
        saved.Budget.Single(b => b.Source == FundingSource.PublicPrivatePartnership).Planned.ShouldBe(300_000);
        (await app.QueryAsync(db => db.Set<RoadmapActivity>().SingleAsync(a => a.Id == second))).Title.En.ShouldBe("Repair school No. 12");
        var history = (await planner.PageAsync($"/programs/{programId}/activity/{first}")).QuerySelector("#history")!.TextContent;
        history.ShouldContain("Repair school No. 12 and its gym");

        // The same file again: the activity changed in Qala since that export, so its row is refused.
        var stale = await planner.PreviewImportAsync($"/programs/{programId}/roadmap", "roadmap-again.xlsx", Edit(workbook, first, new() { [RoadmapWorkbook.PercentComplete] = "70" }));
        ErrorsOf(stale).ShouldBe([("2", RoadmapWorkbook.Version, "The activity has changed since the file was exported. Export the roadmap again and repeat your edits.")]);
        await planner.CommitImportAsync(stale, ImportMode.AllOrNothing);
        (await app.QueryAsync(db => db.Set<RoadmapActivity>().SingleAsync(a => a.Id == first))).PercentComplete.ShouldBe(55);

        // A Karaganda planner may neither download nor import Almaty's roadmap.
        await app.CreateUserAsync("karaganda.planner", Password, [QalaRoles.Planner], Karaganda);
        var karaganda = await app.SignedInAsync("karaganda.planner", Password);
        (await karaganda.GetAsync($"/programs/{programId}/roadmap?handler=Export")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await karaganda.GetAsync($"/programs/{programId}/roadmap")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task A_roadmap_file_with_edited_ids_bad_values_or_missing_columns_changes_nothing(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        await app.CreateUserAsync("planner", Password, [QalaRoles.Planner], Almaty);
        var planner = await app.SignedInAsync("planner", Password);
        var edu = await AgencyIdAsync(app, "ALA-EDU");
        var (programId, first) = await BuildAsync(app, planner, Almaty, edu, Today.AddDays(-9), Today.AddDays(10));
        var taskId = await app.QueryAsync(db => db.Set<RoadmapActivity>().Where(a => a.Id == first).Select(a => a.TaskId).SingleAsync());
        var second = await AddActivityAsync(planner, programId, taskId, edu, Today, Today.AddDays(30));
        var third = await AddActivityAsync(planner, programId, taskId, edu, Today, Today.AddDays(30));
        var (_, foreign) = await BuildAsync(app, planner, Almaty, edu, Today, Today.AddDays(5));
        var workbook = await (await planner.GetAsync($"/programs/{programId}/roadmap?handler=Export")).Content.ReadAsByteArrayAsync();

        var edited = Edit(workbook, first, new() { [RoadmapWorkbook.TitleEn] = "A good edit" });
        edited = Edit(edited, second, new() { [RoadmapWorkbook.Id] = foreign.ToString(CultureInfo.InvariantCulture) });
        edited = Edit(edited, third, new()
        {
            [RoadmapWorkbook.Due] = Iso(PeriodTo.AddDays(1)),
            [RoadmapWorkbook.Actual("ppp")] = "-10",
            [RoadmapWorkbook.Agency] = "KAR-EDU",
            [RoadmapWorkbook.Status] = "Finished",
        });
        var preview = await planner.PreviewImportAsync($"/programs/{programId}/roadmap", "roadmap.xlsx", edited);
        var errors = ErrorsOf(preview);
        errors.ShouldContain(("3", RoadmapWorkbook.Id, "This activity belongs to another program."));
        errors.ShouldContain(("4", RoadmapWorkbook.Due, "The due date must lie within the program period."));
        errors.ShouldContain(("4", RoadmapWorkbook.Actual("ppp"), "Budgets cannot be negative."));
        errors.ShouldContain(("4", RoadmapWorkbook.Agency, "No agency of the program's territory has this code."));
        errors.ShouldContain(("4", RoadmapWorkbook.Status, "The status is one of NotStarted, InProgress, Completed and Cancelled."));
        var result = await planner.CommitImportAsync(preview, ImportMode.AllOrNothing);
        result.QuerySelector("#import-done").ShouldBeNull();
        (await app.QueryAsync(db => db.Set<RoadmapActivity>().SingleAsync(a => a.Id == first))).Title.En.ShouldBe("Repair school No. 12", "all or nothing");

        var unknown = Edit(workbook, second, new() { [RoadmapWorkbook.Id] = "999999" });
        ErrorsOf(await planner.PreviewImportAsync($"/programs/{programId}/roadmap", "unknown.xlsx", unknown))
            .ShouldBe([("3", RoadmapWorkbook.Id, "No activity of this program has this ID.")]);

        var renamed = Edit(workbook, null, new() { [RoadmapWorkbook.Due] = "deadline" });
        ErrorsOf(await planner.PreviewImportAsync($"/programs/{programId}/roadmap", "renamed.xlsx", renamed))
            .ShouldBe([("1", RoadmapWorkbook.Due, "The file has no column with this name.")]);
        (await app.QueryAsync(db => db.Set<RoadmapActivity>().CountAsync(a => a.Task!.Goal!.Direction!.ProgramId == programId && a.Title.En != "Repair school No. 12"))).ShouldBe(0);
    }

    private static int Column(string name) => RoadmapWorkbook.Columns.ToList().IndexOf(name);

    private static List<(string Row, string Column, string Reason)> ErrorsOf(AngleSharp.Dom.IDocument preview) =>
        [.. preview.TableRows("#import-errors").Select(r => (r[1], r[2], r[4]))];

    private static List<string[]> SheetRows(byte[] workbook, string name)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(workbook), false);
        return SheetRows(document, name);
    }

    // The workbook with cells of the activity's row (or, for null, of the header row) replaced by text.
    private static byte[] Edit(byte[] workbook, int? activityId, Dictionary<string, string> cells)
    {
        using var stream = new MemoryStream();
        stream.Write(workbook);
        using (var document = SpreadsheetDocument.Open(stream, true))
        {
            var sheet = (WorksheetPart)document.WorkbookPart!.GetPartById(document.WorkbookPart.Workbook!.Sheets!.Elements<Sheet>().Single(s => s.Name == "Roadmap").Id!.Value!);
            var row = sheet.Worksheet!.Descendants<Row>().Single(r => activityId is { } id
                ? r.RowIndex! > 1 && r.Elements<Cell>().First().CellValue?.Text == id.ToString(CultureInfo.InvariantCulture)
                : r.RowIndex! == 1);
            foreach (var (column, text) in cells)
            {
                var old = row.Elements<Cell>().ElementAt(Column(column));
                old.InsertAfterSelf(new Cell(new InlineString(new Text(text))) { CellReference = old.CellReference, DataType = CellValues.InlineString });
                old.Remove();
            }
        }

        return stream.ToArray();
    }
}
