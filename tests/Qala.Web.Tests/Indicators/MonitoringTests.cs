using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Qala.Web.Features.Indicators;
using Qala.Web.Infrastructure.Auth;
using Qala.Web.Infrastructure.Imports;
using Qala.Web.Tests.Infrastructure;

namespace Qala.Web.Tests.Indicators;

/// <summary>
/// Values in the long layout, the .xlsx template and the exports, target sets, scorecards with lagging indicators and
/// ranks, the comparison of territories and the <c>import-indicators</c> verb — through HTTP on both databases.
/// </summary>
public sealed class MonitoringTests
{
    private const string ValuesPage = "/indicators/values/import";
    private const string Almaty = "750000000";
    private const string Karaganda = "350000000";
    private const string Shymkent = "790000000";

    private static List<string[]> Table(IDocument page, string selector) => page.TableRows(selector);

    private static (int Added, int Changed, int Unchanged, int Skipped) Counts(IDocument page) => page.ImportCounts();

    internal static async Task CreateIndicatorAsync(HttpClient client, string code, string polarity, string periodicity = "Year", bool kpi = false)
    {
        var fields = new Dictionary<string, string>
        {
            ["Code"] = code,
            ["Name.Kk"] = $"{code} kk",
            ["Name.Ru"] = $"{code} ru",
            ["Name.En"] = $"Indicator {code}",
            ["Unit"] = "%",
            ["Polarity"] = polarity,
            ["Periodicity"] = periodicity,
            ["Source"] = "akimat",
        };
        if (kpi)
        {
            fields["IsGovernorKpi"] = "true";
        }

        var response = await client.SubmitAsync("/indicators/new/edit", "#indicator-form", fields);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
    }

    internal static async Task ImportValuesAsync(HttpClient client, string csv)
    {
        var preview = await client.PreviewImportAsync(ValuesPage, "values.csv", Encoding.UTF8.GetBytes(csv));
        Table(preview, "#import-errors").ShouldBeEmpty();
        (await client.CommitImportAsync(preview, ImportMode.AllOrNothing)).QuerySelector("#import-done").ShouldNotBeNull();
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task Long_files_import_by_period_and_report_every_bad_value_by_row_and_column(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        var admin = await app.SignedInAsync();
        await CreateIndicatorAsync(admin, "FOOD-PRICE", "LowerIsBetter", "Week");
        await CreateIndicatorAsync(admin, "GRP", "HigherIsBetter");

        var bad = "indicator,territory,period,value,SEX\n"
            + "NOPE,750000000,2024,1,\n"
            + "GRP,999,2024,1,\n"
            + "FOOD-PRICE,750000000,2024-W60,1,\n"
            + "GRP,750000000,2024,12 345,\n"
            + "GRP,610000000,2015,5,\n" // Turkistan region was formed in 2018
            + "GRP,750000000,2023,7.5,F\n"
            + "GRP,750000000,2023,,\n"; // an empty value states nothing
        var preview = await admin.PreviewImportAsync(ValuesPage, "values.csv", Encoding.UTF8.GetBytes(bad));
        Table(preview, "#import-errors").Select(e => e[1..]).ShouldBe([
            ["2", "indicator", "NOPE", "No indicator in the catalog has this code."],
            ["3", "territory", "999", "No territory has this code."],
            ["4", "period", "2024-W60", "The period is not one of this indicator's periods (2024, 2024-Q2, 2024-03, 2024-W07 or 2024-03-15), or out of range."],
            ["5", "value", "12 345", "The value is not a number."],
            ["6", "period", "2015", "The territory did not exist in this period."],
        ]);
        Counts(preview).ShouldBe((1, 0, 0, 5));
        (await admin.CommitImportAsync(preview, ImportMode.AllOrNothing)).QuerySelector("#import-done").ShouldBeNull();
        (await app.QueryAsync(db => db.Set<Observation>().CountAsync())).ShouldBe(0, "all or nothing");

        // Weekly values: ISO weeks, a date read as the week that holds it, and the kazstat code of a region.
        await ImportValuesAsync(admin, "indicator,territory,period,value\nFOOD-PRICE,750000000,2024-W01,410.5\nFOOD-PRICE,KZALA,2024-01-10,415\n");
        var weeks = await app.QueryAsync(db => db.Set<Observation>().OrderBy(o => o.PeriodNumber).Select(o => new { o.Year, o.PeriodNumber, o.Value }).ToListAsync());
        weeks.Select(w => (w.Year, w.PeriodNumber, w.Value)).ShouldBe([(2024, 1, 410.5m), (2024, 2, 415m)]);

        // A planner of Almaty records Almaty's values, not Karaganda's.
        await app.CreateUserAsync("planner", QalaApp.AdminPassword, [QalaRoles.Planner], Almaty);
        var planner = await app.SignedInAsync("planner");
        var scoped = await planner.PreviewImportAsync(ValuesPage, "values.csv", Encoding.UTF8.GetBytes($"indicator,territory,period,value\nGRP,{Almaty},2023,1\nGRP,{Karaganda},2023,2\n"));
        Table(scoped, "#import-errors").Select(e => e[1..]).ShouldBe([["3", "territory", Karaganda, "You may not record values for this territory."]]);
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task The_template_and_the_exports_import_back(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        var admin = await app.SignedInAsync();
        await CreateIndicatorAsync(admin, "JOBS", "HigherIsBetter", "Quarter");

        // The template holds a row for every quarter of the year and every region and city valid then.
        var template = await admin.GetAsync("/indicators/values/import?handler=Template&code=JOBS&year=2024");
        template.StatusCode.ShouldBe(HttpStatusCode.OK);
        template.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var workbook = await template.Content.ReadAsByteArrayAsync();
        var empty = await admin.PreviewImportAsync(ValuesPage, "jobs.xlsx", workbook);
        Table(empty, "#import-errors").ShouldBeEmpty();
        Counts(empty).ShouldBe((0, 0, 0, 0), "an empty template states nothing");

        await ImportValuesAsync(admin, $"indicator,territory,period,value\nJOBS,{Almaty},2024-Q1,1200\nJOBS,{Almaty},2024-Q2,1350.25\nJOBS,{Shymkent},2024-Q1,800\n");
        var filled = await (await admin.GetAsync("/indicators/values/import?handler=Template&code=JOBS&year=2024")).Content.ReadAsByteArrayAsync();
        Counts(await admin.PreviewImportAsync(ValuesPage, "jobs.xlsx", filled)).ShouldBe((0, 0, 3, 0), "the template carries the current values");

        // CSV, Excel and JSON exports hold the same values, and the CSV and Excel exports import back unchanged.
        var csv = await (await admin.GetAsync("/indicators/JOBS?handler=Export&format=csv")).Content.ReadAsStringAsync();
        csv.ShouldStartWith("indicator,territory,period,value");
        csv.ShouldContain($"JOBS,{Almaty},2024-Q2,1350.25");
        Counts(await admin.PreviewImportAsync(ValuesPage, "jobs.csv", Encoding.UTF8.GetBytes(csv))).ShouldBe((0, 0, 3, 0));
        var xlsx = await (await admin.GetAsync("/indicators/JOBS?handler=Export&format=xlsx")).Content.ReadAsByteArrayAsync();
        Counts(await admin.PreviewImportAsync(ValuesPage, "jobs.xlsx", xlsx)).ShouldBe((0, 0, 3, 0));
        var api = await admin.GetFromJsonAsync<JsonElement[]>($"/api/v1/indicators/JOBS/observations?territory={Almaty}");
        api!.Select(o => o.GetProperty("period").GetString()).ShouldBe(["2024-Q1", "2024-Q2"]);
        var json = await admin.GetFromJsonAsync<JsonElement[]>("/indicators/JOBS?handler=Export&format=json");
        json!.Select(j => (j.GetProperty("territory").GetString(), j.GetProperty("period").GetString(), j.GetProperty("value").GetDecimal()))
            .ShouldBe([(Almaty, "2024-Q1", 1200m), (Almaty, "2024-Q2", 1350.25m), (Shymkent, "2024-Q1", 800m)]);
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task A_scorecard_compares_with_the_chosen_target_set_puts_the_lagging_first_and_ranks_among_valid_regions(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        var admin = await app.SignedInAsync();
        await CreateIndicatorAsync(admin, "INVEST", "HigherIsBetter", kpi: true);
        await CreateIndicatorAsync(admin, "UNEMP", "LowerIsBetter", kpi: true);
        var values = new StringBuilder("indicator,territory,period,value\n");
        foreach (var (year, investment, unemployment) in new[] { (2020, 100, 6.0), (2021, 104, 5.5), (2022, 108, 5.0), (2023, 112, 4.5) })
        {
            values.Append(CultureInfo.InvariantCulture, $"INVEST,{Almaty},{year},{investment}\nUNEMP,{Almaty},{year},{unemployment}\n");
        }

        values.Append(CultureInfo.InvariantCulture, $"INVEST,{Karaganda},2023,150\nINVEST,{Shymkent},2023,90\nUNEMP,{Karaganda},2023,4.5\nUNEMP,{Shymkent},2023,4.9\n");
        await ImportValuesAsync(admin, values.ToString());

        var created = await admin.SubmitAsync("/indicators/targets", "#new-set", new()
        {
            ["Name.Kk"] = "Алматы-2025",
            ["Name.Ru"] = "Алматы-2025",
            ["Name.En"] = "Almaty-2025 program",
            ["Kind"] = "Program",
            ["Source"] = "Program of 2020",
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var setPage = created.Headers.Location!.OriginalString;
        var targets = "indicator,territory,year,kind,value\n"
            + $"INVEST,{Almaty},2020,baseline,100\nINVEST,{Almaty},2025,target,130\n"
            + $"UNEMP,{Almaty},2020,baseline,6\nUNEMP,{Almaty},2025,target,4\n";
        var preview = await admin.PreviewImportAsync(setPage, "targets.csv", Encoding.UTF8.GetBytes(targets));
        Counts(preview).ShouldBe((4, 0, 0, 0));
        (await admin.CommitImportAsync(preview, ImportMode.AllOrNothing)).QuerySelector("#import-done").ShouldNotBeNull();

        // Investment grows 4 a year towards 130 in 2025: off track and forecast to miss; unemployment is on track.
        var visitor = app.Browser("en");
        var card = await visitor.PageAsync($"/indicators/scorecard/{Almaty}?lang=en");
        card.QuerySelector("#target-set")!.TextContent.ShouldContain("Almaty-2025 program");
        var rows = card.QuerySelectorAll("#scorecard tbody tr").ToList();
        rows.Select(r => r.GetAttribute("data-indicator")).ShouldBe(["INVEST", "UNEMP"], "the lagging first");
        rows[0].QuerySelector("[data-status]")!.GetAttribute("data-status").ShouldBe("OffTrack");
        rows[0].QuerySelector("[data-will-miss]").ShouldNotBeNull();
        rows[0].QuerySelector("[data-rank]")!.TextContent.Trim().ShouldBe("2 of 3");
        rows[1].QuerySelector("[data-status]")!.GetAttribute("data-status").ShouldBe("OnTrack");
        rows[1].QuerySelector("[data-rank]")!.TextContent.Trim().ShouldBe("1 of 3", "4.5 % ties with Karaganda: lower is better");

        var api = await visitor.GetFromJsonAsync<JsonElement>($"/api/v1/scorecards/{Almaty}");
        api.GetProperty("targetSetName").GetProperty("en").GetString().ShouldBe("Almaty-2025 program");
        var invest = api.GetProperty("lines")[0];
        (invest.GetProperty("code").GetString(), invest.GetProperty("value").GetDouble(), invest.GetProperty("targetYear").GetInt32(), invest.GetProperty("lagging").GetBoolean())
            .ShouldBe(("INVEST", 112, 2025, true));
        invest.GetProperty("forecast").GetDouble().ShouldBe(120, 1e-9);
        invest.GetProperty("achievementPercent").GetDouble().ShouldBe(112.0 / 130 * 100, 1e-9);

        // The KPI scorecard adds the composite rank among the regions and cities valid that year.
        var kpi = await visitor.PageAsync($"/indicators/scorecard/{Almaty}?kpi=true&lang=en");
        kpi.QuerySelector("#kpi-composite")!.TextContent.ShouldContain("rank 2 of 3");

        // The comparison ranks the regions valid in the year with the indicator's polarity; Russian works too.
        var compare = await visitor.PageAsync("/indicators/INVEST/compare?year=2023&lang=en");
        var ranking = Table(compare, "#ranking");
        ranking.Take(3).Select(r => (r[0], r[2])).ShouldBe([("1", "150"), ("2", "112"), ("3", "90")]);
        ranking.Skip(3).ShouldAllBe(r => r[0] == "—" && r[2] == "—");
        compare.QuerySelector("#ranking-chart")!.GetAttribute("data-chart")!.ShouldContain("\"horizontal\":true");
        (await visitor.PageAsync("/indicators/INVEST/compare?year=2023&lang=ru")).QuerySelector("#peers")!.TextContent.ShouldContain("2023");

        // The indicator page draws values, targets and the forecast for the territory chosen.
        var details = await visitor.PageAsync($"/indicators/INVEST?territory={Almaty}&lang=en");
        var chart = JsonDocument.Parse(details.QuerySelector("#indicator-chart")!.GetAttribute("data-chart")!).RootElement;
        chart.GetProperty("labels").EnumerateArray().Select(l => l.GetInt32()).ShouldBe([2020, 2021, 2022, 2023, 2024, 2025]);
        chart.GetProperty("datasets")[1].GetProperty("data")[5].GetDouble().ShouldBe(130);
        chart.GetProperty("datasets")[2].GetProperty("data")[5].GetDouble().ShouldBe(120, 1e-9);
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task A_scorecard_shows_the_total_or_else_the_breakdown_with_the_fewest_dimensions(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        var admin = await app.SignedInAsync();
        await CreateIndicatorAsync(admin, "WITHTOTAL", "HigherIsBetter");
        await CreateIndicatorAsync(admin, "NOTOTAL", "HigherIsBetter");
        await ImportValuesAsync(admin, "indicator,territory,period,value,sex,age\n"
            + $"WITHTOTAL,{Almaty},2023,10,F,\nWITHTOTAL,{Almaty},2023,20,,\nWITHTOTAL,{Almaty},2023,5,F,Y15\n"
            + $"NOTOTAL,{Almaty},2023,7,F,Y15\nNOTOTAL,{Almaty},2023,8,M,\nNOTOTAL,{Almaty},2023,9,F,\n");

        var api = await app.Browser("en").GetFromJsonAsync<JsonElement>($"/api/v1/scorecards/{Almaty}");
        api.GetProperty("lines").EnumerateArray().Select(l => (l.GetProperty("code").GetString(), l.GetProperty("value").GetDouble()))
            .OrderBy(l => l.Item1, StringComparer.Ordinal).ShouldBe([("NOTOTAL", 9), ("WITHTOTAL", 20)]);
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task The_status_thresholds_are_configurable(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind, new Dictionary<string, string?> { ["Qala:Indicators:OnTrack"] = "0.6", ["Qala:Indicators:AtRisk"] = "0.5" });
        var admin = await app.SignedInAsync();
        await CreateIndicatorAsync(admin, "INVEST", "HigherIsBetter");
        await ImportValuesAsync(admin, $"indicator,territory,period,value\nINVEST,{Almaty},2020,100\nINVEST,{Almaty},2023,112\n");
        var created = await admin.SubmitAsync("/indicators/targets", "#new-set", new() { ["Name.Kk"] = "KPI", ["Name.Ru"] = "KPI", ["Name.En"] = "KPI", ["Kind"] = "GovernorKpi" });
        var preview = await admin.PreviewImportAsync(created.Headers.Location!.OriginalString, "targets.csv", Encoding.UTF8.GetBytes($"indicator,territory,year,kind,value\nINVEST,{Almaty},2020,baseline,100\nINVEST,{Almaty},2025,target,130\n"));
        await admin.CommitImportAsync(preview, ImportMode.AllOrNothing);

        // 12 of the 18 expected by 2023 is two thirds of the way: off track by default, on track at 0.6.
        var card = await admin.PageAsync($"/indicators/scorecard/{Almaty}?lang=en");
        card.QuerySelector("#scorecard tr[data-indicator=INVEST] [data-status]")!.GetAttribute("data-status").ShouldBe("OnTrack");

        new IndicatorOptions { OnTrack = 0.5, AtRisk = 0.9 }.IsValid.ShouldBeFalse("the web app refuses to start with these");
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task Derived_indicators_are_computed_and_recomputed_when_their_inputs_change(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        var admin = await app.SignedInAsync();
        await CreateIndicatorAsync(admin, "GRP", "HigherIsBetter");
        await CreateIndicatorAsync(admin, "POP", "HigherIsBetter");
        await ImportValuesAsync(admin, $"indicator,territory,period,value\nGRP,000000000,2023,1000\nGRP,{Almaty},2023,209\nGRP,{Almaty},2022,190\nPOP,{Almaty},2023,2200\n");
        var ids = await app.QueryAsync(db => db.Set<Indicator>().ToDictionaryAsync(i => i.Code, i => i.Id));

        async Task<HttpResponseMessage> DeriveAsync(string code, string derivation, string input, string denominator = "", string scale = "") =>
            await admin.SubmitAsync("/indicators/new/edit", "#indicator-form", new()
            {
                ["Code"] = code,
                ["Name.Kk"] = code,
                ["Name.Ru"] = code,
                ["Name.En"] = code,
                ["Source"] = "Qala",
                ["Polarity"] = "HigherIsBetter",
                ["Periodicity"] = "Month",
                ["Derivation"] = derivation,
                ["InputIndicatorId"] = ids.GetValueOrDefault(input).ToString(CultureInfo.InvariantCulture),
                ["DenominatorIndicatorId"] = denominator.Length == 0 ? "" : ids[denominator].ToString(CultureInfo.InvariantCulture),
                ["Scale"] = scale,
            });

        (await DeriveAsync("GRP-PC", "Ratio", "GRP", "POP", "1000")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await DeriveAsync("GRP-SHARE", "ShareOfCountry", "GRP")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await DeriveAsync("GRP-GROWTH", "GrowthRate", "GRP")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        async Task<decimal?> ValueAsync(string code, int year) => await app.QueryAsync(db => db.Set<Observation>()
            .Where(o => o.Indicator!.Code == code && o.Territory!.Code == Almaty && o.Year == year && o.IsCurrent).Select(o => (decimal?)o.Value).SingleOrDefaultAsync());
        (await ValueAsync("GRP-PC", 2023)).ShouldBe(95m);
        (await ValueAsync("GRP-SHARE", 2023)).ShouldBe(20.9m, "Almaty supplies 20.9 % of the country's GRP");
        (await ValueAsync("GRP-GROWTH", 2023)).ShouldBe(10m);
        (await ValueAsync("GRP-PC", 2022)).ShouldBeNull("no population for 2022: nothing is imputed");
        var derived = await app.QueryAsync(db => db.Set<Indicator>().SingleAsync(i => i.Code == "GRP-PC"));
        derived.Periodicity.ShouldBe(Qala.Engine.Indicators.Periodicity.Year, "a derived indicator is measured as often as its input");
        (await admin.PageAsync("/indicators/GRP-PC?lang=en")).QuerySelector("#derived-from")!.TextContent.ShouldContain("GRP ÷ POP × 1000");

        // A corrected input revises the derived values; the computation is their provenance.
        await ImportValuesAsync(admin, $"indicator,territory,period,value\nPOP,{Almaty},2023,2090\n");
        (await ValueAsync("GRP-PC", 2023)).ShouldBe(100m);
        var history = await app.QueryAsync(db => db.Set<Observation>().Where(o => o.Indicator!.Code == "GRP-PC").OrderBy(o => o.Revision).ToListAsync());
        history.Select(o => (o.Value, o.Revision, o.IsCurrent, o.RecordedBy)).ShouldBe([(95m, 1, false, "formula"), (100m, 2, true, "formula")]);

        // No cycles, and derived values are not imported.
        var cycle = await admin.SubmitAsync("/indicators/GRP/edit?lang=en", "#indicator-form", new() { ["Derivation"] = "GrowthRate", ["InputIndicatorId"] = ids["GRP"].ToString(CultureInfo.InvariantCulture) });
        cycle.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await cycle.HtmlAsync()).QuerySelector("#derivation")!.TextContent.ShouldContain("An indicator cannot be computed from itself, even through others.");
        var refused = await admin.PreviewImportAsync(ValuesPage, "values.csv", Encoding.UTF8.GetBytes($"indicator,territory,period,value\nGRP-PC,{Almaty},2023,1\n"));
        Table(refused, "#import-errors").Single()[4].ShouldBe("This indicator is computed from others: import the values of its inputs.");
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task The_import_indicators_verb_prints_a_summary_and_fails_on_a_rejected_file(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        var environment = app.ProcessEnvironment();
        var folder = Directory.CreateTempSubdirectory("qala-verb-");
        try
        {
            var good = Path.Combine(folder.FullName, "indicator_3-7-2.csv");
            File.Copy(Path.Combine(AppContext.BaseDirectory, "Imports", "Fixtures", "indicator_3-7-2.csv"), good);
            var malformed = Path.Combine(folder.FullName, "indicator_8-6-1.csv");
            File.Copy(Path.Combine(AppContext.BaseDirectory, "Imports", "Fixtures", "indicator_8-6-1.csv"), malformed);

            var (dryExit, dryOut, dryErr) = await QalaProcess.RunAsync(["import-indicators", good, "--dry-run"], environment);
            dryExit.ShouldBe(0, dryErr);
            var dry = JsonDocument.Parse(dryOut).RootElement;
            (dry.GetProperty("files").GetInt32(), dry.GetProperty("observations").GetInt32(), dry.GetProperty("errors").GetArrayLength()).ShouldBe((1, 1396, 0));
            (await app.QueryAsync(db => db.Set<Observation>().CountAsync())).ShouldBe(0, "a dry run saves nothing");

            var (exit, stdout, stderr) = await QalaProcess.RunAsync(["import-indicators", good, malformed], environment);
            exit.ShouldBe(1, stderr);
            var summary = JsonDocument.Parse(stdout).RootElement;
            (summary.GetProperty("files").GetInt32(), summary.GetProperty("observations").GetInt32(), summary.GetProperty("unchanged").GetInt32(), summary.GetProperty("revised").GetInt32())
                .ShouldBe((2, 1396, 0, 0), "the rejected file stores none of its rows");
            var error = summary.GetProperty("errors").EnumerateArray().Single();
            (error.GetProperty("file").GetString(), error.GetProperty("row").GetInt32(), error.GetProperty("message").GetString())
                .ShouldBe(("indicator_8-6-1.csv", 1199, "The row has fewer values than the header has columns."));
            (await app.QueryAsync(db => db.Set<Observation>().CountAsync())).ShouldBe(1396);

            var (againExit, againOut, _) = await QalaProcess.RunAsync(["import-indicators", good], environment);
            againExit.ShouldBe(0);
            var again = JsonDocument.Parse(againOut).RootElement;
            (again.GetProperty("observations").GetInt32(), again.GetProperty("unchanged").GetInt32()).ShouldBe((0, 1396), "re-importing changes nothing");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
