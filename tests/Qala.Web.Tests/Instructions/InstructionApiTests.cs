using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Dom;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Qala.Web.Data;
using Qala.Web.Features.Indicators;
using Qala.Web.Features.Instructions;
using Qala.Web.Features.Programs;
using Qala.Web.Features.Territories;
using Qala.Web.Infrastructure.Auth;
using Qala.Web.Tests.Infrastructure;
using Word = DocumentFormat.OpenXml.Wordprocessing;

namespace Qala.Web.Tests.Instructions;

/// <summary>
/// What finishes the register, through HTTP: late interim reports in the board's exports and the API, links and
/// texts edited through the API, and files attached to reports (downloaded only by those who read the instruction).
/// </summary>
public sealed class InstructionApiTests
{
    private const string Password = "instructions-password-1";
    private const string Almaty = "750000000";
    private const string Education = "Department of Education of Almaty city";

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task Late_interim_reports_are_in_the_boards_exports_and_the_api(DatabaseKind kind)
    {
        // Sunday 15 March 2026 in Almaty; the meeting was on 10 January, monthly reports were due on 10 February and 10 March.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 15, 4, 0, 0, TimeSpan.Zero));
        await using var app = await QalaApp.StartAsync(kind, services: s => s.AddSingleton<TimeProvider>(clock));
        await app.CreateUserAsync("controller", Password, [QalaRoles.Controller], Almaty);
        var controller = await app.SignedInAsync("controller", Password);
        var ids = await CreateAsync(controller, ("ALA-EDU", "Monthly"), ("ALA-EDU", "None"), ("ALA-HEALTH", "Quarterly"));
        var meeting = await app.QueryAsync(db => db.Set<Instruction>().Where(i => i.Id == ids[0]).Select(i => i.MeetingId).SingleAsync());

        using (var list = JsonDocument.Parse(await controller.GetStringAsync($"/api/v1/instructions?meeting={meeting}")))
        {
            var late = list.RootElement.EnumerateArray().ToDictionary(
                i => i.GetProperty("id").GetInt32(), i => i.GetProperty("lateInterimReports").EnumerateArray().Select(d => d.GetString()).ToList());
            late[ids[0]].ShouldBe(["2026-02-10", "2026-03-10"]);
            late[ids[1]].ShouldBeEmpty();
            late[ids[2]].ShouldBeEmpty("the first quarterly report is due on 10 April");
        }

        using (var one = JsonDocument.Parse(await controller.GetStringAsync($"/api/v1/instructions/{ids[0]}")))
        {
            var instruction = one.RootElement.GetProperty("instruction");
            instruction.GetProperty("lateInterimReports").GetArrayLength().ShouldBe(2);
            instruction.GetProperty("interimReporting").GetString().ShouldBe("Monthly");
        }

        var xlsx = await controller.GetAsync($"/instructions/board?handler=Export&format=xlsx&meeting={meeting}");
        xlsx.StatusCode.ShouldBe(HttpStatusCode.OK);
        using (var workbook = SpreadsheetDocument.Open(await xlsx.Content.ReadAsStreamAsync(), false))
        {
            var rows = SheetRows(workbook, "By agency");
            rows[0][^1].ShouldBe("Late interim reports");
            rows.Single(r => r[0] == Education)[^1].ShouldBe("2");
            rows.Single(r => r[0] == "Department of Public Health of Almaty city")[^1].ShouldBe("0");
        }

        var docx = await controller.GetAsync($"/instructions/board?handler=Export&format=docx&meeting={meeting}");
        docx.StatusCode.ShouldBe(HttpStatusCode.OK);
        using (var word = WordprocessingDocument.Open(await docx.Content.ReadAsStreamAsync(), false))
        {
            var table = word.MainDocumentPart!.Document!.Body!.Descendants<Word.Table>()
                .Single(t => t.Elements<Word.TableRow>().First().InnerText.Contains("Late interim reports", StringComparison.Ordinal));
            var row = table.Elements<Word.TableRow>().Single(r => r.Elements<Word.TableCell>().First().InnerText == Education);
            row.Elements<Word.TableCell>().Last().InnerText.ShouldBe("2");
        }
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task Links_and_texts_are_edited_through_the_api_with_the_territory_and_the_version_checked(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        await app.CreateUserAsync("controller", Password, [QalaRoles.Controller], Almaty);
        await app.CreateUserAsync("karaganda", Password, [QalaRoles.Controller], "350000000");
        await app.CreateUserAsync("edu", Password, [QalaRoles.AgencyOfficer], Almaty, "ALA-EDU");
        var controller = await app.SignedInAsync("controller", Password);
        var id = (await CreateAsync(controller, ("ALA-EDU", "None")))[0];
        var almaty = await app.QueryAsync(db => db.Set<Territory>().Where(t => t.Code == Almaty).Select(t => t.Id).SingleAsync());
        var goal = await app.QueryAsync(db => db.Set<ProgramGoal>().Where(g => g.Direction!.Program!.TerritoryId == almaty).Select(g => g.Id).FirstAsync());
        var activity = await app.QueryAsync(db => db.Set<RoadmapActivity>().Where(a => a.Task!.Goal!.Direction!.Program!.TerritoryId == almaty).Select(a => a.Id).FirstAsync());
        var foreignGoal = await app.QueryAsync(db => db.Set<ProgramGoal>().Where(g => g.Direction!.Program!.TerritoryId != almaty).Select(g => g.Id).FirstAsync());
        await app.QueryAsync(async db =>
        {
            db.Add(new Indicator
            {
                Code = "SCHOOLS-BUILT",
                Name = LocalizedText.Of("SCHOOLS-BUILT", "SCHOOLS-BUILT", "SCHOOLS-BUILT"),
                Source = "test",
                Unit = "units",
                OwnerAgencyId = await db.Set<Qala.Web.Features.Agencies.Agency>().Where(a => a.Code == "ALA-EDU").Select(a => (int?)a.Id).SingleAsync(),
            });
            return await db.SaveChangesAsync();
        });
        var read = await VersionAsync(controller, id);

        (await controller.PostAsJsonAsync($"/api/v1/instructions/{id}/links", new { goal, activity, indicator = "SCHOOLS-BUILT", version = read }))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var saved = await app.QueryAsync(db => db.Set<Instruction>().Include(i => i.Indicator).SingleAsync(i => i.Id == id));
        (saved.GoalId, saved.ActivityId, saved.Indicator!.Code).ShouldBe((goal, activity, "SCHOOLS-BUILT"));

        // The version read before is stale now; another territory's goal, an unknown indicator, another territory's controller and an officer are refused.
        var stale = await controller.PostAsJsonAsync($"/api/v1/instructions/{id}/texts", new { ru = "Построить школы.", version = read });
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await stale.Content.ReadAsStringAsync()).ShouldContain("Someone else changed");
        var foreign = await controller.PostAsJsonAsync($"/api/v1/instructions/{id}/links", new { goal = foreignGoal });
        foreign.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await foreign.Content.ReadAsStringAsync()).ShouldContain("territory");
        (await controller.PostAsJsonAsync($"/api/v1/instructions/{id}/links", new { indicator = "NO-SUCH-INDICATOR" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var karaganda = await app.SignedInAsync("karaganda", Password);
        (await karaganda.PostAsJsonAsync($"/api/v1/instructions/{id}/links", new { goal })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await karaganda.PostAsJsonAsync($"/api/v1/instructions/{id}/texts", new { en = "Hijacked." })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var officer = await app.SignedInAsync("edu", Password);
        (await officer.PostAsJsonAsync($"/api/v1/instructions/{id}/texts", new { en = "Ours now." })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await controller.PostAsJsonAsync($"/api/v1/instructions/{id}/texts", new { kk = " ", ru = "" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var texts = await controller.PostAsJsonAsync($"/api/v1/instructions/{id}/texts", new
        {
            kk = "Алматы қаласында үш жаңа мектеп салу.",
            ru = "Построить три новые школы в городе Алматы.",
            en = "Build three new schools in Almaty.",
            version = await VersionAsync(controller, id),
        });
        texts.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        saved = await app.QueryAsync(db => db.Set<Instruction>().SingleAsync(i => i.Id == id));
        (saved.Text.Kk, saved.Text.Ru, saved.Text.En).ShouldBe(("Алматы қаласында үш жаңа мектеп салу.", "Построить три новые школы в городе Алматы.", "Build three new schools in Almaty."));
        (saved.GoalId, saved.ActivityId).ShouldBe((goal, activity), "the texts leave the links alone");

        // Leaving a link out clears it; both moves are audited under the controller's name.
        (await controller.PostAsJsonAsync($"/api/v1/instructions/{id}/links", new { activity })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        saved = await app.QueryAsync(db => db.Set<Instruction>().SingleAsync(i => i.Id == id));
        (saved.GoalId, saved.ActivityId, saved.IndicatorId).ShouldBe((null, activity, null));
        var audit = await app.QueryAsync(db => db.Set<Data.Audit.AuditEntry>().Where(e => e.EntityType == "Instructions" && e.EntityKey == id.ToString(CultureInfo.InvariantCulture)).ToListAsync());
        audit.ShouldContain(e => e.Changes.Contains("GoalId", StringComparison.Ordinal) && e.UserName == "controller");
        audit.ShouldContain(e => e.Changes.Contains("Build three new schools in Almaty.", StringComparison.Ordinal) && e.UserName == "controller");

        using var openapi = JsonDocument.Parse(await app.Browser().GetStringAsync("/openapi/v1.json"));
        foreach (var path in new[] { "/api/v1/instructions/{id}/links", "/api/v1/instructions/{id}/texts", "/api/v1/instructions/{id}/files/{file}" })
        {
            openapi.RootElement.GetProperty("paths").TryGetProperty(path, out _).ShouldBeTrue(path);
        }
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task A_reports_file_is_downloaded_by_the_controller_and_refused_to_another_agency(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        await app.CreateUserAsync("controller", Password, [QalaRoles.Controller], Almaty);
        await app.CreateUserAsync("edu", Password, [QalaRoles.AgencyOfficer], Almaty, "ALA-EDU");
        await app.CreateUserAsync("health", Password, [QalaRoles.AgencyOfficer], Almaty, "ALA-HEALTH");
        var controller = await app.SignedInAsync("controller", Password);
        var id = (await CreateAsync(controller, ("ALA-EDU", "None")))[0];
        var officer = await app.SignedInAsync("edu", Password);
        var pdf = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray();

        // A program renamed .pdf is refused by its content, and no report is saved.
        var refused = await ReportWithFileAsync(officer, id, "акт-приёмки.pdf", [.. "MZ"u8.ToArray(), .. new byte[200]]);
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await refused.HtmlAsync()).QuerySelector("#refusal")!.TextContent.ShouldContain("Programs and scripts are not accepted.");
        (await app.QueryAsync(db => db.Set<InstructionReport>().CountAsync(r => r.InstructionId == id))).ShouldBe(0);

        var submitted = await ReportWithFileAsync(officer, id, "акт-приёмки.pdf", pdf);
        submitted.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        // The controller follows the link on the instruction's page.
        var link = (await controller.PageAsync($"/instructions/{id}")).QuerySelector("a[data-file]")!;
        link.TextContent.ShouldBe("акт-приёмки.pdf");
        var url = link.GetAttribute("href")!;
        url.ShouldStartWith($"/api/v1/instructions/{id}/files/");
        var download = await controller.GetAsync(url);
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(pdf);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        download.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        download.Content.Headers.ContentDisposition.FileNameStar.ShouldBe("акт-приёмки.pdf");
        download.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        download.Headers.GetValues("Content-Security-Policy").Single().ShouldStartWith("sandbox");
        download.Headers.CacheControl!.NoStore.ShouldBeTrue();

        using (var detail = JsonDocument.Parse(await controller.GetStringAsync($"/api/v1/instructions/{id}")))
        {
            var file = detail.RootElement.GetProperty("reports")[0].GetProperty("attachments")[0];
            (file.GetProperty("fileName").GetString(), file.GetProperty("url").GetString()).ShouldBe(("акт-приёмки.pdf", url));
        }

        // The executor downloads it too; an officer of another agency and an unrelated file id do not.
        (await officer.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var other = await app.SignedInAsync("health", Password);
        (await other.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var generic = $"/files/{url.Split('/')[^1]}";
        (await other.GetAsync(generic)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, "the file store asks the instruction who may read it");
        (await officer.GetAsync(generic)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await controller.GetAsync($"/api/v1/instructions/{id}/files/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.Browser().GetAsync(url)).StatusCode.ShouldNotBe(HttpStatusCode.OK);
    }

    private static async Task<HttpResponseMessage> ReportWithFileAsync(HttpClient officer, int id, string fileName, byte[] content)
    {
        var page = await officer.PageAsync($"/instructions/{id}");
        var form = (IHtmlFormElement)page.QuerySelector("#report-form")!;
        using var body = new MultipartFormDataContent
        {
            { new StringContent(form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken" },
            { new StringContent(form.QuerySelector("input[name=Version]")!.GetAttribute("value")!), "Version" },
            { new StringContent("Акт приёмки школы подписан."), "ReportText" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        body.Add(file, "Files", fileName);
        return await officer.PostAsync(new Uri(new Uri(form.BaseUri), form.GetAttribute("action")).PathAndQuery, body);
    }

    private static async Task<Guid> VersionAsync(HttpClient client, int id)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/instructions/{id}"));
        return json.RootElement.GetProperty("instruction").GetProperty("version").GetGuid();
    }

    private static async Task<List<int>> CreateAsync(HttpClient controller, params (string Agency, string Interim)[] instructions)
    {
        var response = await controller.PostAsJsonAsync("/api/v1/instructions/meetings", new
        {
            heldOn = "2026-01-10",
            territory = Almaty,
            chair = "Akim",
            place = "Almaty",
            instructions = instructions.Select((i, n) => new { text = $"Instruction {n + 1}", deadline = "2026-06-30", leadAgency = i.Agency, interimReporting = i.Interim }).ToList(),
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. json.RootElement.GetProperty("instructions").EnumerateArray().Select(e => e.GetInt32())];
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
