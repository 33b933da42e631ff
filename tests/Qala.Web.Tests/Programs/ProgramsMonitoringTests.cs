using System.Globalization;
using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Qala.Web.Data;
using Qala.Web.Features.Indicators;
using Qala.Web.Features.Programs;
using Qala.Web.Features.Territories;
using Qala.Web.Infrastructure.Auth;
using Qala.Web.Tests.Infrastructure;

namespace Qala.Web.Tests.Programs;

/// <summary>The monitoring report of a program: the print-ready page, the .docx and the .xlsx.</summary>
public sealed partial class ProgramsTests
{
    [Theory, ClassData(typeof(AllDatabases))]
    public async Task The_monitoring_report_shows_the_scorecard_lagging_indicators_overdue_activities_and_budget(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        await app.CreateUserAsync("planner", Password, [QalaRoles.Planner], Almaty);
        var planner = await app.SignedInAsync("planner", Password);
        var (programId, activityId) = await BuildAsync(app, planner, Almaty, await AgencyIdAsync(app, "ALA-EDU"), Today.AddDays(-30), Today.AddDays(-2));
        var goalId = await app.QueryAsync(db => db.Set<ProgramGoal>().Where(g => g.Direction!.ProgramId == programId).Select(g => g.Id).SingleAsync());
        await app.QueryAsync(async db =>
        {
            var territory = await db.Set<Territory>().SingleAsync(t => t.Code == Almaty);
            var set = await db.Set<ProgramVersion>().Where(v => v.ProgramId == programId).Select(v => v.TargetSetId).SingleAsync();
            foreach (var (code, value) in new[] { ("SCHOOLS-OK", 80), ("CLINICS-OK", 100) })
            {
                var indicator = new Indicator { Code = code, Name = LocalizedText.Of(code, code, code), Source = "test", Unit = "%" };
                db.Add(indicator);
                db.Add(new Observation { Indicator = indicator, TerritoryId = territory.Id, Year = Today.Year - 1, Dimensions = "", Value = value, Revision = 1, IsCurrent = true, RecordedAt = DateTimeOffset.UtcNow });
                db.Add(new IndicatorTarget { TargetSetId = set, Indicator = indicator, TerritoryId = territory.Id, Year = Today.Year, Value = 100 });
            }

            var activity = await db.Set<RoadmapActivity>().Include(a => a.Budget).SingleAsync(a => a.Id == activityId);
            activity.Budget.Single().Actual = 750_000;
            activity.Budget.Add(new ActivityBudgetLine { Source = FundingSource.PublicPrivatePartnership, Planned = 500_000, Actual = 200_000 });
            return await db.SaveChangesAsync();
        });
        (await planner.SubmitAsync($"/programs/{programId}/goal/{goalId}", "#item-form", new() { ["IndicatorCodes"] = "SCHOOLS-OK, CLINICS-OK" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await planner.PageAsync($"/programs/{programId}")).QuerySelector("#monitoring-link").ShouldNotBeNull();
        var page = await planner.PageAsync($"/programs/{programId}/monitoring?year={Today.Year}");
        page.QuerySelector("#report-period")!.TextContent.ShouldBe($"Year {Today.Year}");
        var scorecard = page.TableRows("[data-report-table='Target indicators']");
        scorecard.Select(r => r[1]).ShouldBe(["CLINICS-OK CLINICS-OK", "SCHOOLS-OK SCHOOLS-OK"]);
        scorecard[1][7].ShouldBe("80.0%");
        scorecard[1][8].ShouldBe("At risk");
        scorecard[0][8].ShouldBe("On track");
        page.TableRows("[data-report-table='Lagging indicators']").ShouldHaveSingleItem()[1].ShouldBe("SCHOOLS-OK SCHOOLS-OK");
        var overdue = page.TableRows("[data-report-table='Overdue activities']").ShouldHaveSingleItem();
        overdue[0].ShouldBe(activityId.ToString(CultureInfo.InvariantCulture));
        overdue[1].ShouldBe("Repair school No. 12");
        var budget = page.TableRows("[data-report-table='Budget']");
        budget.Select(r => r[0]).ShouldBe(["Local budget", "Public-private partnership", "Total"]);
        budget[1].Skip(1).ShouldBe(["500,000", "200,000", "40.0%"]);
        budget[2].Skip(1).ShouldBe(["2,000,000", "950,000", "47.5%"]);

        // The same report as a spreadsheet: one worksheet a table, numbers as numbers.
        var xlsx = await planner.GetAsync($"/programs/{programId}/monitoring?handler=Export&format=xlsx&year={Today.Year}&quarter=4");
        xlsx.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using (var workbook = SpreadsheetDocument.Open(await xlsx.Content.ReadAsStreamAsync(), false))
        {
            var sheet = SheetRows(workbook, "Budget");
            sheet[0].ShouldBe(["Funding source", "Planned, tenge", "Actual, tenge", "Execution"]);
            sheet[2][0].ShouldBe("Public-private partnership");
            sheet[2].Skip(1).Take(2).Select(v => decimal.Parse(v, CultureInfo.InvariantCulture)).ShouldBe([500_000m, 200_000m]);
            double.Parse(sheet[2][3], CultureInfo.InvariantCulture).ShouldBe(0.4, 1e-9);
            SheetRows(workbook, "Overdue activities")[1][0].ShouldBe(activityId.ToString(CultureInfo.InvariantCulture));
            SheetRows(workbook, "Lagging indicators").Count.ShouldBe(2, "the header and SCHOOLS-OK");
        }

        // And as a Word document, in Russian.
        var docx = await planner.GetAsync($"/programs/{programId}/monitoring?handler=Export&format=docx&year={Today.Year}&lang=ru");
        docx.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        using (var word = WordprocessingDocument.Open(await docx.Content.ReadAsStreamAsync(), false))
        {
            var text = word.MainDocumentPart!.Document!.Body!.InnerText;
            text.ShouldContain("Программа развития");
            text.ShouldContain("Repair school No. 12 (ru)");
            text.ShouldContain("SCHOOLS-OK");
        }

        (await planner.GetAsync($"/programs/{programId}/monitoring?year={Today.Year}&quarter=5")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await app.Browser().GetAsync($"/programs/{programId}/monitoring")).StatusCode.ShouldBe(HttpStatusCode.Redirect, "a draft's report is not public");
    }

    // The rows of a worksheet as the texts or raw values of their cells.
    private static List<string[]> SheetRows(SpreadsheetDocument workbook, string name)
    {
        var id = workbook.WorkbookPart!.Workbook!.Sheets!.Elements<Sheet>().Single(s => s.Name == name).Id!.Value!;
        var part = (WorksheetPart)workbook.WorkbookPart.GetPartById(id);
        return [.. part.Worksheet!.Descendants<Row>().Select(r => r.Elements<Cell>()
            .Select(c => c.DataType?.Value == CellValues.InlineString ? c.InlineString!.InnerText : c.CellValue?.Text ?? "").ToArray())];
    }
}
