using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Qala.Web.Data;
using Qala.Web.Features.Indicators;
using Qala.Web.Features.Instructions;
using Qala.Web.Features.Programs;
using Qala.Web.Infrastructure.Auth;
using Qala.Web.Infrastructure.Calendar;
using Qala.Web.Infrastructure.Documents;
using Qala.Web.Infrastructure.Imports;
using Qala.Web.Tests.Infrastructure;

namespace Qala.Web.Tests.Instructions;

/// <summary>
/// What the review and instruction pages add to the register, through HTTP: working-day deadlines from the calendar,
/// .docx uploads, facts attached to indicators, links and texts edited on the instruction, late interim reports on
/// the board.
/// </summary>
public sealed class InstructionEditingTests
{
    private const string Password = "instructions-password-1";
    private const string Almaty = "750000000";

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task Working_day_deadlines_are_resolved_through_the_calendar_on_the_review_page(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        await app.CreateUserAsync("controller", Password, [QalaRoles.Controller], Almaty);
        var controller = await app.SignedInAsync("controller", Password);
        var meeting = new DateOnly(2026, 3, 18);
        DateOnly expected;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            expected = await scope.ServiceProvider.GetRequiredService<Deadlines>().AddWorkingDaysAsync(meeting, 10, CancellationToken.None);
        }

        expected.ShouldBeGreaterThan(new DateOnly(2026, 4, 1), "Nauryz (21–25 March 2026) is in the calendar: ten weekdays would end on 1 April");
        foreach (var text in new[]
        {
            "Совещание акима города Алматы, 18 марта 2026 года. Управлению строительства города Алматы в течение 10 рабочих дней внести предложения по ремонту дорог.",
            "Алматы қаласының әкімі 2026 жылғы 18 наурызда кеңес өткізді. Құрылыс басқармасы 10 жұмыс күні ішінде жолдарды жөндеу жоспарын әзірлеуі керек.",
            "Meeting of the Akim of Almaty, 18 March 2026. The Department of Construction must submit a road repair plan within 10 working days.",
        })
        {
            var review = await ReviewAsync(controller, new() { ["Text"] = text, ["HeldOn"] = Iso(meeting) });
            var proposal = review.QuerySelectorAll("fieldset[data-proposal]").ShouldHaveSingleItem();
            ((IHtmlInputElement)proposal.QuerySelector("input[name='Proposals[0].Deadline']")!).Value.ShouldBe(Iso(expected), text);
        }

        // The API resolves them through the same calendar.
        var api = await controller.PostAsJsonAsync("/api/v1/instructions/extract", new { text = "Акимату области в течение 10 рабочих дней внести предложения.", meetingDate = "2026-03-18" });
        using var json = JsonDocument.Parse(await api.Content.ReadAsStringAsync());
        json.RootElement.GetProperty("instructions")[0].GetProperty("dueDate").GetString().ShouldBe(Iso(expected));
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task A_docx_upload_is_read_paragraphs_and_tables_and_other_files_are_refused_clearly(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        await app.CreateUserAsync("controller", Password, [QalaRoles.Controller], Almaty);
        var controller = await app.SignedInAsync("controller", Password);

        var protocol = new ReportDocument(
            "Протокол совещания акима города Алматы",
            [
                new ReportParagraph("Совещание акима города Алматы, 12 января 2026 года."),
                new ReportParagraph("Поручаю Управлению образования города Алматы построить три новые школы до 1 сентября 2026 года."),
                new ReportTable(
                    "Поручения",
                    [new ReportColumn("№", ColumnKind.WholeNumber), new ReportColumn("Поручение")],
                    [[2, "Управлению здравоохранения города Алматы открыть две поликлиники до 1 декабря 2026 года."]]),
            ]);
        using var docx = new MemoryStream();
        WordWriter.Write(protocol, docx, CultureInfo.GetCultureInfo("ru-KZ"));

        var read = await UploadAsync(controller, "protocol.docx", docx.ToArray());
        read.StatusCode.ShouldBe(HttpStatusCode.OK);
        var review = await read.HtmlAsync();
        var marks = review.QuerySelectorAll("fieldset[data-proposal] mark").Select(m => m.TextContent).ToList();
        marks.Count.ShouldBe(2, string.Join(" | ", marks));
        marks[0].ShouldContain("построить три новые школы");
        marks[1].ShouldContain("открыть две поликлиники", customMessage: "the table cell's text is read after the paragraphs");
        ((IHtmlInputElement)review.QuerySelector("input[name=HeldOn]")!).Value.ShouldBe("2026-01-12");

        foreach (var (name, content) in new[]
        {
            ("damaged.docx", "PK\u0003\u0004 this is not a Word document"u8.ToArray()),
            ("spreadsheet.docx", Spreadsheet()),
        })
        {
            var refused = await (await UploadAsync(controller, name, content)).HtmlAsync();
            refused.QuerySelector(".alert-danger")!.TextContent.ShouldContain("cannot be read as a Word document", customMessage: name);
            refused.QuerySelector("#text-form").ShouldNotBeNull("the controller stays on the first step");
        }

        var pdf = await (await UploadAsync(controller, "protocol.pdf", "%PDF-1.7"u8.ToArray())).HtmlAsync();
        pdf.QuerySelector(".alert-danger")!.TextContent.ShouldContain("(.docx)");
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task Facts_attached_on_the_review_page_become_observations_with_their_meeting_as_provenance(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        await app.CreateUserAsync("controller", Password, [QalaRoles.Controller], Almaty);
        var controller = await app.SignedInAsync("controller", Password);
        var indicator = await IndicatorAsync(app, "INVESTMENT-TEST", null);

        var review = await ReviewAsync(controller, new()
        {
            ["Text"] = """
                Meeting of the Akim of Almaty, 12 January 2026.
                Last year the city attracted 156 billion tenge of investment and opened 33 companies in the industrial zone.
                I instruct the Department of Entrepreneurship and Investment to attract 200 billion tenge by 31 December 2026.
                """,
        });
        var facts = review.QuerySelectorAll("#facts tr[data-fact]");
        facts.Length.ShouldBeGreaterThanOrEqualTo(2);
        var money = facts.Single(f => f.TextContent.Contains("156 billion tenge", StringComparison.Ordinal)).GetAttribute("data-fact");
        var confirm = (IHtmlFormElement)review.QuerySelector("#confirm-form")!;
        var fields = confirm.QuerySelectorAll("textarea").Cast<IHtmlTextAreaElement>().ToDictionary(a => a.Name!, a => a.Value);
        fields[$"Facts[{money}].IndicatorId"] = indicator.ToString(CultureInfo.InvariantCulture);
        fields[$"Facts[{money}].Year"] = "2025";
        fields["Proposals[0].ExternalAddressees"] = "Department of Entrepreneurship and Investment";

        // A period the yearly indicator does not have is refused, and nothing is registered.
        var wrong = await controller.SubmitAsync(confirm, new(fields) { [$"Facts[{money}].PeriodNumber"] = "3" });
        wrong.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await wrong.HtmlAsync()).QuerySelector(".alert-danger")!.TextContent.ShouldContain("periodicity");
        (await app.QueryAsync(db => db.Set<Meeting>().CountAsync(m => !m.IsDemo))).ShouldBe(0);

        var confirmed = await controller.SubmitAsync(confirm, fields);
        confirmed.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await confirmed.HtmlAsync()).QuerySelector(".alert-danger")?.TextContent);
        var meeting = await app.QueryAsync(db => db.Set<Meeting>().SingleAsync(m => !m.IsDemo));
        var batch = await app.QueryAsync(db => db.Set<ImportBatch>().SingleAsync(b => b.Kind == MeetingFacts.BatchKind));
        batch.FileName.ShouldContain($"meeting {meeting.Id}");
        batch.ImportedBy.ShouldBe("controller");
        var recorded = await app.QueryAsync(db => db.Set<Observation>().Where(o => o.ImportBatchId == batch.Id).ToListAsync());
        var observation = recorded.ShouldHaveSingleItem("the facts left without an indicator are skipped");
        (observation.IndicatorId, observation.Year, observation.PeriodNumber, observation.Value, observation.IsCurrent, observation.RecordedBy)
            .ShouldBe((indicator, 2025, 0, 156_000_000_000m, true, "controller"));
        (await app.QueryAsync(db => db.Set<Qala.Web.Features.Territories.Territory>().Where(t => t.Id == observation.TerritoryId).Select(t => t.Code).SingleAsync())).ShouldBe(Almaty);
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task Controllers_link_an_instruction_to_their_territorys_goal_activity_and_indicator_and_edit_its_texts(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        await app.CreateUserAsync("controller", Password, [QalaRoles.Controller], Almaty);
        await app.CreateUserAsync("edu", Password, [QalaRoles.AgencyOfficer], Almaty, "ALA-EDU");
        var controller = await app.SignedInAsync("controller", Password);
        var id = (await CreateAsync(controller, ("ALA-EDU", "2026-12-01", "None")))[0];
        var ours = await IndicatorAsync(app, "SCHOOLS-BUILT", "ALA-EDU");
        var theirs = await IndicatorAsync(app, "KAR-SCHOOLS-BUILT", "KAR-EDU");
        var url = $"/instructions/{id}";

        var page = await controller.PageAsync(url);
        string First(string select) => page.QuerySelectorAll($"#links-form select[name={select}] option").Select(o => o.GetAttribute("value")).First(v => !string.IsNullOrEmpty(v))!;
        var (goal, activity, indicator) = (int.Parse(First("GoalId"), CultureInfo.InvariantCulture), int.Parse(First("ActivityId"), CultureInfo.InvariantCulture), int.Parse(First("IndicatorId"), CultureInfo.InvariantCulture));
        var almaty = await app.QueryAsync(db => db.Set<Qala.Web.Features.Territories.Territory>().Where(t => t.Code == Almaty).Select(t => t.Id).SingleAsync());
        (await app.QueryAsync(db => db.Set<ProgramGoal>().Where(g => g.Id == goal).Select(g => g.Direction!.Program!.TerritoryId).SingleAsync())).ShouldBe(almaty, "the picker offers the territory's goals");
        var foreignGoal = await app.QueryAsync(db => db.Set<ProgramGoal>().Where(g => g.Direction!.Program!.TerritoryId != almaty).Select(g => g.Id).FirstAsync());
        page.QuerySelector($"#links-form select[name=GoalId] option[value='{foreignGoal}']").ShouldBeNull();
        indicator.ShouldBe(ours, "the indicators an agency of the territory owns are offered");
        page.QuerySelector($"#links-form select[name=IndicatorId] option[value='{theirs}']").ShouldBeNull();

        var linked = await controller.SubmitAsync((IHtmlFormElement)page.QuerySelector("#links-form")!, new()
        {
            ["GoalId"] = goal.ToString(CultureInfo.InvariantCulture),
            ["ActivityId"] = activity.ToString(CultureInfo.InvariantCulture),
            ["IndicatorId"] = indicator.ToString(CultureInfo.InvariantCulture),
        });
        linked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var saved = await app.QueryAsync(db => db.Set<Instruction>().SingleAsync(i => i.Id == id));
        (saved.GoalId, saved.ActivityId, saved.IndicatorId).ShouldBe((goal, activity, indicator));
        (await controller.PageAsync(url)).QuerySelector("#links")!.TextContent.ShouldContain("Goal");

        // A stale form, another territory's goal and an officer are refused; clearing a link works.
        var stale = await controller.SubmitAsync((IHtmlFormElement)page.QuerySelector("#links-form")!, new() { ["GoalId"] = string.Empty });
        stale.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await stale.HtmlAsync()).QuerySelector("#refusal")!.TextContent.ShouldContain("Someone else changed");
        var foreign = await controller.SubmitAsync(url, "#links-form", new() { ["GoalId"] = foreignGoal.ToString(CultureInfo.InvariantCulture) });
        (await foreign.HtmlAsync()).QuerySelector("#refusal")!.TextContent.ShouldContain("territory");
        var officer = await app.SignedInAsync("edu", Password);
        (await officer.PageAsync(url)).QuerySelector("#links-form").ShouldBeNull();
        var cleared = await controller.SubmitAsync(url, "#links-form", new() { ["GoalId"] = string.Empty, ["IndicatorId"] = string.Empty });
        cleared.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        saved = await app.QueryAsync(db => db.Set<Instruction>().SingleAsync(i => i.Id == id));
        (saved.GoalId, saved.ActivityId, saved.IndicatorId).ShouldBe((null, activity, null));

        // The texts in the other languages.
        var texts = new Dictionary<string, string>
        {
            ["TextKk"] = "Алматы қаласында үш жаңа мектеп салу.",
            ["TextRu"] = "Построить три новые школы в городе Алматы.",
            ["TextEn"] = "Build three new schools in Almaty.",
        };
        (await controller.SubmitAsync(url, "#texts-form", texts)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var blank = await controller.SubmitAsync(url, "#texts-form", new() { ["TextKk"] = " ", ["TextRu"] = string.Empty, ["TextEn"] = string.Empty });
        (await blank.HtmlAsync()).QuerySelector("#refusal")!.TextContent.ShouldContain("needs its text");
        (await controller.PageAsync($"{url}?lang=kk")).QuerySelector("#instruction-text")!.TextContent.ShouldBe("Алматы қаласында үш жаңа мектеп салу.");
        (await officer.PageAsync($"{url}?lang=ru")).QuerySelector("#instruction-text")!.TextContent.ShouldBe("Построить три новые школы в городе Алматы.");
        (await app.QueryAsync(db => db.Set<Instruction>().SingleAsync(i => i.Id == id))).Text.En.ShouldBe("Build three new schools in Almaty.");

        var audit = await app.QueryAsync(db => db.Set<Data.Audit.AuditEntry>().Where(e => e.EntityType == "Instructions" && e.EntityKey == id.ToString(CultureInfo.InvariantCulture)).ToListAsync());
        audit.ShouldContain(e => e.Changes.Contains("GoalId", StringComparison.Ordinal) && e.UserName == "controller");
        audit.ShouldContain(e => e.Changes.Contains("Build three new schools in Almaty.", StringComparison.Ordinal));
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task The_board_counts_late_interim_reports_per_agency(DatabaseKind kind)
    {
        // Thursday 5 February 2026, 09:00 in Almaty; the meeting was on 10 January.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 2, 5, 4, 0, 0, TimeSpan.Zero));
        await using var app = await QalaApp.StartAsync(kind, services: s => s.AddSingleton<TimeProvider>(clock));
        await app.CreateUserAsync("controller", Password, [QalaRoles.Controller], Almaty);
        await app.CreateUserAsync("edu", Password, [QalaRoles.AgencyOfficer], Almaty, "ALA-EDU");
        var controller = await app.SignedInAsync("controller", Password);
        var officer = await app.SignedInAsync("edu", Password);
        var ids = await CreateAsync(controller, ("ALA-EDU", "2026-06-30", "Monthly"), ("ALA-EDU", "2026-06-30", "Monthly"), ("ALA-HEALTH", "2026-06-30", "Quarterly"), ("ALA-EDU", "2026-06-30", "None"));
        var meeting = await app.QueryAsync(db => db.Set<Instruction>().Where(i => i.Id == ids[0]).Select(i => i.MeetingId).SingleAsync());

        // The first reports before 10 February, then nothing; the second only on 15 March, after two due days.
        (await Report(officer, ids[0])).ShouldBe(HttpStatusCode.NoContent);
        clock.SetUtcNow(new DateTimeOffset(2026, 3, 15, 4, 0, 0, TimeSpan.Zero));
        officer = await app.SignedInAsync("edu", Password);
        (await Report(officer, ids[1])).ShouldBe(HttpStatusCode.NoContent);

        controller = await app.SignedInAsync("controller", Password);
        var board = await controller.PageAsync($"/instructions/board?meeting={meeting}");
        board.QuerySelector("#by-agency tr[data-agency='Department of Education of Almaty city'] [data-late-interim]")!.GetAttribute("data-late-interim")
            .ShouldBe("3", "10 March for the first; 10 February and 10 March for the second");
        board.QuerySelector("#by-agency tr[data-agency='Department of Public Health of Almaty city'] [data-late-interim]")!.GetAttribute("data-late-interim")
            .ShouldBe("0", "its first quarterly report is due on 10 April");

        // A due day is late only once it has ended in Almaty.
        clock.SetUtcNow(new DateTimeOffset(2026, 4, 10, 18, 59, 0, TimeSpan.Zero));
        controller = await app.SignedInAsync("controller", Password);
        (await controller.PageAsync($"/instructions/board?meeting={meeting}")).QuerySelector("#by-agency tr[data-agency='Department of Public Health of Almaty city'] [data-late-interim]")!
            .GetAttribute("data-late-interim").ShouldBe("0");
        clock.SetUtcNow(new DateTimeOffset(2026, 4, 10, 19, 0, 0, TimeSpan.Zero));
        controller = await app.SignedInAsync("controller", Password);
        (await controller.PageAsync($"/instructions/board?meeting={meeting}")).QuerySelector("#by-agency tr[data-agency='Department of Public Health of Almaty city'] [data-late-interim]")!
            .GetAttribute("data-late-interim").ShouldBe("1");
    }

    private static Task<int> IndicatorAsync(QalaApp app, string code, string? ownerAgency) => app.QueryAsync(async db =>
    {
        var indicator = new Indicator
        {
            Code = code,
            Name = LocalizedText.Of(code, code, code),
            Source = "test",
            Unit = "tenge",
            OwnerAgencyId = ownerAgency is null ? null : await db.Set<Qala.Web.Features.Agencies.Agency>().Where(a => a.Code == ownerAgency).Select(a => (int?)a.Id).SingleAsync(),
        };
        db.Add(indicator);
        await db.SaveChangesAsync();
        return indicator.Id;
    });

    private static async Task<IDocument> ReviewAsync(HttpClient controller, Dictionary<string, string> fields)
    {
        var page = await controller.PageAsync("/instructions/new");
        var response = await controller.SubmitAsync((IHtmlFormElement)page.QuerySelector("#text-form")!, fields);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var review = await response.HtmlAsync();
        review.QuerySelector("#confirm-form").ShouldNotBeNull(review.QuerySelector(".alert-danger")?.TextContent);
        return review;
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient controller, string fileName, byte[] content)
    {
        var page = await controller.PageAsync("/instructions/new");
        var form = page.QuerySelector("#text-form")!;
        using var body = new MultipartFormDataContent
        {
            { new StringContent(form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken" },
            { new StringContent(((IHtmlSelectElement)form.QuerySelector("select[name=TerritoryId]")!).Value ?? string.Empty), "TerritoryId" },
            { new ByteArrayContent(content), "Upload", fileName },
        };
        return await controller.PostAsync("/instructions/new?handler=Extract", body);
    }

    private static byte[] Spreadsheet()
    {
        using var xlsx = new MemoryStream();
        SpreadsheetWriter.Write(new ReportDocument("Sheet", [new ReportTable("Sheet", [new ReportColumn("A")], [["1"]])]), xlsx, CultureInfo.InvariantCulture);
        return xlsx.ToArray();
    }

    private static async Task<List<int>> CreateAsync(HttpClient controller, params (string Agency, string Deadline, string Interim)[] instructions)
    {
        var response = await controller.PostAsJsonAsync("/api/v1/instructions/meetings", new
        {
            heldOn = "2026-01-10",
            territory = Almaty,
            chair = "Akim",
            place = "Almaty",
            instructions = instructions.Select((i, n) => new { text = $"Instruction {n + 1}", deadline = i.Deadline, leadAgency = i.Agency, interimReporting = i.Interim }).ToList(),
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. json.RootElement.GetProperty("instructions").EnumerateArray().Select(e => e.GetInt32())];
    }

    private static async Task<HttpStatusCode> Report(HttpClient officer, int id) =>
        (await officer.PostAsJsonAsync($"/api/v1/instructions/{id}/reports", new { text = "Interim: work is going on.", interim = true })).StatusCode;

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
