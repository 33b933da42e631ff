using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Qala.Web.Infrastructure.Auth;
using Qala.Web.Infrastructure.Commands;
using Qala.Web.Tests.Infrastructure;

namespace Qala.Web.Tests.Instructions;

/// <summary><c>POST /api/v1/instructions/extract</c> and the <c>extract-instructions</c> verb.</summary>
public sealed class ExtractionApiTests
{
    private const string Password = "extraction-password-1";
    private const string Url = "/api/v1/instructions/extract";
    private static readonly string Seeds = Path.Combine(AppContext.BaseDirectory, "Instructions", "Seeds");

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task Only_controllers_planners_and_administrators_may_extract(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        await app.CreateUserAsync("officer", Password, [QalaRoles.AgencyOfficer], "750000000", "ALA-EDU");
        await app.CreateUserAsync("planner", Password, [QalaRoles.Planner]);
        var body = new { text = "I instruct the akimat to repair the roads." };

        (await app.Browser().PostAsJsonAsync(Url, body)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await (await app.SignedInAsync("officer", Password)).PostAsJsonAsync(Url, body)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await (await app.SignedInAsync("planner", Password)).PostAsJsonAsync(Url, body)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await app.SignedInAsync()).PostAsJsonAsync(Url, body)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task A_controller_gets_the_proposals_of_a_seed_text(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        await app.CreateUserAsync("controller", Password, [QalaRoles.Controller]);
        var controller = await app.SignedInAsync("controller", Password);
        var text = await File.ReadAllTextAsync(Path.Combine(Seeds, "karaganda-en.txt"));

        var response = await controller.PostAsJsonAsync(Url, new { text, meetingDate = "2019-03-01" });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var json = (await response.Content.ReadFromJsonAsync<JsonElement>())!;
        json.GetProperty("language").GetString().ShouldBe("en");
        json.GetProperty("meeting").GetProperty("date").GetString().ShouldBe("2019-03-01");
        json.GetProperty("meeting").GetProperty("chair").GetString().ShouldBe("Nursultan Nazarbayev");
        var instructions = json.GetProperty("instructions").EnumerateArray().ToList();
        instructions.Count.ShouldBe(10);
        var first = instructions[0];
        first.GetProperty("addressee").GetString().ShouldBe("the Regional Administration");
        first.GetProperty("cue").GetString().ShouldBe("directive: instruct");
        text[first.GetProperty("start").GetInt32()..first.GetProperty("end").GetInt32()].ShouldBe(first.GetProperty("text").GetString());
        var tons = json.GetProperty("facts").EnumerateArray().Single(f => f.GetProperty("unit").GetString() == "tons");
        (tons.GetProperty("value").GetDouble() * tons.GetProperty("scale").GetDouble()).ShouldBe(600_000);

        // The Kazakh seed as a plain-text body.
        var kazakh = await controller.PostAsync(Url, new StringContent(await File.ReadAllTextAsync(Path.Combine(Seeds, "shymkent-2018-kk.txt")), Encoding.UTF8, "text/plain"));
        kazakh.StatusCode.ShouldBe(HttpStatusCode.OK);
        var kk = (await kazakh.Content.ReadFromJsonAsync<JsonElement>())!;
        kk.GetProperty("language").GetString().ShouldBe("kk");
        kk.GetProperty("meeting").GetProperty("date").GetString().ShouldBe("2018-09-29");
        kk.GetProperty("instructions").GetArrayLength().ShouldBe(9);
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task An_empty_or_too_large_text_is_a_problem_with_a_reason(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        await app.CreateUserAsync("controller", Password, [QalaRoles.Controller]);
        var controller = await app.SignedInAsync("controller", Password);

        foreach (var response in new[]
        {
            await controller.PostAsJsonAsync(Url, new { text = "" }),
            await controller.PostAsJsonAsync(Url, new { text = (string?)null }),
            await controller.PostAsync(Url, new StringContent("  \n", Encoding.UTF8, "text/plain")),
            await controller.PostAsync(Url, new StringContent(new string('a', 1_000_001), Encoding.UTF8, "text/plain")),
            await controller.PostAsync(Url, new StringContent("{\"text\": ", Encoding.UTF8, "application/json")),
        })
        {
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().ShouldNotBeNullOrWhiteSpace();
        }
    }

    [Fact]
    public async Task The_extraction_endpoint_is_in_the_OpenAPI_document()
    {
        await using var app = await QalaApp.StartAsync(DatabaseKind.Sqlite);
        var document = JsonDocument.Parse(await app.Browser().GetStringAsync("/openapi/v1.json")).RootElement;
        var operation = document.GetProperty("paths").GetProperty(Url).GetProperty("post");
        var accepted = operation.GetProperty("requestBody").GetProperty("content").EnumerateObject().Select(c => c.Name).ToList();
        accepted.ShouldBe(["application/json", "text/plain"], ignoreOrder: true);
        operation.GetProperty("responses").EnumerateObject().Select(r => r.Name).ShouldBe(["200", "400"], ignoreOrder: true);
    }

    [Fact]
    public void The_verb_proposes_from_a_file_and_resolves_deadlines_from_the_meeting_date()
    {
        var file = Path.GetTempFileName();
        File.WriteAllText(file, "The akimat must repair the school roofs until the end of the year.");
        try
        {
            var result = ExtractInstructionsCommand.Run([file, "--meeting-date", "2019-05-10"]);
            result.Instructions.ShouldHaveSingleItem().DueDate.ShouldBe(new DateOnly(2019, 12, 31));
            result.Meeting.Date.ShouldBe(new DateOnly(2019, 5, 10));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task The_verb_prints_JSON_without_a_database()
    {
        var (exit, stdout, stderr) = await QalaProcess.RunAsync(
            ["extract-instructions", Path.Combine(Seeds, "almaty-2019-en.txt")],
            new Dictionary<string, string> { ["Qala__DataDirectory"] = "/proc/qala-no-database" });

        exit.ShouldBe(0, stderr);
        var json = JsonDocument.Parse(stdout).RootElement;
        json.GetProperty("meeting").GetProperty("date").GetString().ShouldBe("2019-10-29");
        json.GetProperty("instructions").GetArrayLength().ShouldBe(10);
        json.GetProperty("instructions").EnumerateArray().All(i => i.TryGetProperty("period", out _)).ShouldBeTrue("the period of interim reports, null when none is asked for");
        json.GetProperty("facts").GetArrayLength().ShouldBe(7);
    }

    [Theory]
    [InlineData]
    [InlineData("missing.txt")]
    [InlineData("{file}", "--meeting-date", "2019-02-30")]
    [InlineData("{file}", "--meeting-date")]
    [InlineData("{file}", "--language", "kk")]
    [InlineData("{empty}")]
    public void Bad_arguments_and_empty_files_get_a_clear_message(params string[] args)
    {
        var empty = Path.GetTempFileName();
        try
        {
            var e = Should.Throw<CommandLineException>(() => ExtractInstructionsCommand.Run([.. args.Select(a => a
                .Replace("{file}", Path.Combine(Seeds, "karaganda-en.txt"), StringComparison.Ordinal)
                .Replace("{empty}", empty, StringComparison.Ordinal))]));
            e.Message.ShouldNotBeNullOrWhiteSpace();
        }
        finally
        {
            File.Delete(empty);
        }
    }
}
