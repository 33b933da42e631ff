using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Qala.Web.Features.Indicators;
using Qala.Web.Infrastructure.Imports;
using Qala.Web.Tests.Infrastructure;

namespace Qala.Web.Tests.Indicators;

/// <summary>The open-sdg files of the statistics office import through the page, with revisions and errors by row.</summary>
public sealed class OpenSdgImportTests
{
    private const string Page = "/admin/indicators/import";
    private const string Almaty = "750000000";

    private static byte[] Fixture(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Imports", "Fixtures", name));

    private static (int Added, int Changed, int Unchanged, int Skipped) Counts(IDocument page) => page.ImportCounts();

    private static List<string[]> Errors(IDocument page) => page.TableRows("#import-errors");

    private static async Task<decimal?> ShownAsync(HttpClient client, string url, string territory, int year)
    {
        var page = await client.PageAsync(url);
        var cell = page.QuerySelector($"#values tr[data-territory='{territory}'] td[data-year='{year}']");
        return cell is null || cell.TextContent.Length == 0 ? null : decimal.Parse(cell.TextContent.Replace(',', '.'), CultureInfo.InvariantCulture);
    }

    private static async Task<JsonElement[]> ApiAsync(HttpClient client, string url) => (await client.GetFromJsonAsync<JsonElement[]>(url))!;

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task A_real_file_imports_completely_shows_on_the_public_pages_and_a_changed_value_becomes_a_revision(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        var admin = await app.SignedInAsync();
        var file = Fixture("indicator_3-7-2.csv");

        var preview = await admin.PreviewImportAsync(Page, "indicator_3-7-2.csv", file);
        Errors(preview).ShouldBeEmpty();
        Counts(preview).ShouldBe((1396, 0, 0, 0));
        preview.QuerySelector("#import-samples")!.TextContent.ShouldContain("New indicator 3.7.2, named SDG 3.7.2 until edited");
        (await app.QueryAsync(db => db.Set<Indicator>().CountAsync())).ShouldBe(0, "a preview saves nothing");

        var done = await admin.CommitImportAsync(preview, ImportMode.AllOrNothing);
        done.QuerySelector("#import-done")!.TextContent.ShouldBe("The import is saved: 1396 added, 0 changed, 0 unchanged, 0 skipped.");
        var indicator = await app.QueryAsync(db => db.Set<Indicator>().SingleAsync());
        (indicator.Code, indicator.Name.En, indicator.Name.Kk, indicator.Name.Ru, indicator.Source).ShouldBe(("3.7.2", "SDG 3.7.2", "SDG 3.7.2", "SDG 3.7.2", "kazstat-sdg"));
        (await app.QueryAsync(db => db.Set<Observation>().CountAsync(o => o.IsCurrent && o.Revision == 1 && o.ImportBatchId != null && o.RecordedBy == "admin"))).ShouldBe(1396);

        // The public pages, for anyone.
        var visitor = app.Browser("en");
        var catalog = await visitor.PageAsync("/indicators?lang=en");
        catalog.QuerySelector("#indicators")!.TextContent.ShouldContain("SDG 3.7.2");
        catalog.QuerySelector("#indicators tbody tr")!.QuerySelectorAll("td")[2].TextContent.ShouldBe("1396");
        var series = "/indicators/3.7.2?lang=en&dimensions=AGE%3DY15T19";
        (await ShownAsync(visitor, series, Almaty, 2010)).ShouldBe(13.97m);
        (await ShownAsync(visitor, series, "000000000", 2010)).ShouldBe(28.26m);
        var russian = await visitor.PageAsync("/indicators/3.7.2?lang=ru&dimensions=AGE%3DY15T19");
        russian.QuerySelector($"#values tr[data-territory='{Almaty}'] th")!.TextContent.ShouldBe("город Алматы");

        var api = await ApiAsync(visitor, $"/api/v1/indicators/3.7.2/observations?territory={Almaty}&from=2010&to=2010&dimensions=AGE%3DY15T19");
        api.Length.ShouldBe(1);
        (api[0].GetProperty("value").GetDecimal(), api[0].GetProperty("year").GetInt32(), api[0].GetProperty("revision").GetInt32()).ShouldBe((13.97m, 2010, 1));
        var list = await ApiAsync(visitor, "/api/v1/indicators");
        (list.Single().GetProperty("code").GetString(), list.Single().GetProperty("observations").GetInt32()).ShouldBe(("3.7.2", 1396));

        // The same file again changes nothing.
        var again = await admin.PreviewImportAsync(Page, "indicator_3-7-2.csv", file);
        Counts(again).ShouldBe((0, 0, 1396, 0));
        again.QuerySelector("#import-samples").ShouldBeNull();

        // One corrected value: a new revision, the old one kept.
        var corrected = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(file).Replace("2010,Y15T19,,KZALA,13.97,", "2010,Y15T19,,KZALA,14.5,", StringComparison.Ordinal));
        var revision = await admin.PreviewImportAsync(Page, "indicator_3-7-2.csv", corrected);
        Counts(revision).ShouldBe((0, 1, 1395, 0));
        revision.QuerySelector("#import-samples")!.TextContent.ShouldContain("3.7.2 KZALA 2010 AGE=Y15T19: 14.5");
        (await admin.CommitImportAsync(revision, ImportMode.AllOrNothing)).QuerySelector("#import-done").ShouldNotBeNull();

        var history = await app.QueryAsync(db => db.Set<Observation>()
            .Where(o => o.Territory!.Code == Almaty && o.Year == 2010 && o.Dimensions == "AGE=Y15T19").OrderBy(o => o.Revision).ToListAsync());
        history.Select(o => (o.Revision, o.Value, o.IsCurrent)).ShouldBe([(1, 13.97m, false), (2, 14.5m, true)]);
        (await app.QueryAsync(db => db.Set<Observation>().CountAsync())).ShouldBe(1397);
        (await ShownAsync(visitor, series, Almaty, 2010)).ShouldBe(14.5m);
        var revised = await ApiAsync(visitor, $"/api/v1/indicators/3.7.2/observations?territory={Almaty}&from=2010&to=2010&dimensions=AGE%3DY15T19");
        (revised.Single().GetProperty("value").GetDecimal(), revised.Single().GetProperty("revision").GetInt32()).ShouldBe((14.5m, 2));
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task A_file_with_a_malformed_row_is_refused_with_that_row_and_imports_when_invalid_rows_are_skipped(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        var admin = await app.SignedInAsync();

        var preview = await admin.PreviewImportAsync(Page, "indicator_8-6-1.csv", Fixture("indicator_8-6-1.csv"));
        // The short row is the file's one error.
        var errors = Errors(preview);
        errors.Select(e => e[1]).ShouldBe(["1199"]);
        errors[0][0].ShouldBe("indicator_8-6-1.csv");
        errors[0][4].ShouldBe("The row has fewer values than the header has columns.");

        // The published file also repeats four keys with other values (e.g. Mangystau, women, 2021: 3.6 on line 955 and
        // 6.8 on line 973): the first statement is kept and each repeat is a warning naming both rows.
        var warnings = preview.TableRows("#import-warnings");
        warnings.Select(w => w[1]).ShouldBe(["973", "1058", "1100", "1195"]);
        warnings[0][3].ShouldBe("KZMAN 2021 SEX=F;UNIT_MEASURE=PT");
        warnings[0][4].ShouldBe("The same record appears earlier, in row 955: the value of that row is kept and this row is left out.");
        Counts(preview).ShouldBe((1211, 0, 0, 1));

        var refused = await admin.CommitImportAsync(preview, ImportMode.AllOrNothing);
        refused.QuerySelector("#import-done").ShouldBeNull();
        (await app.QueryAsync(db => db.Set<Indicator>().CountAsync())).ShouldBe(0, "a refused file creates no indicator");
        (await app.QueryAsync(db => db.Set<Observation>().CountAsync())).ShouldBe(0);

        var partial = await admin.CommitImportAsync(refused, ImportMode.SkipInvalidRows);
        partial.QuerySelector("#import-done")!.TextContent.ShouldBe("The import is saved: 1211 added, 0 changed, 0 unchanged, 1 skipped.");
        (await ShownAsync(app.Browser("en"), "/indicators/8.6.1?lang=en", Almaty, 2020)).ShouldBe(3.8m);
        (await app.QueryAsync(db => db.Set<Observation>().SingleAsync(o => o.Territory!.Code == "470000000" && o.Year == 2021 && o.Dimensions == "SEX=F;UNIT_MEASURE=PT")))
            .Value.ShouldBe(3.6m, "the first of the repeated values");
        (await app.QueryAsync(db => db.Set<Observation>().CountAsync(o => o.Dimensions == "UNIT_MEASURE=PT;URBANISATION=U"))).ShouldBeGreaterThan(0);
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task Unknown_codes_bad_years_and_values_are_reported_by_row_column_and_value(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        var admin = await app.SignedInAsync();
        var file = Encoding.UTF8.GetBytes("\uFEFFYear,SEX,REF_AREA,GeoCode,Value,,\n2020,F,KZXXX,,1.5,,\n1890,F,KZALA,,2,,\n2021,,KZALA,,n/a,,\n2021,M,,,3.25,,\n");

        var preview = await admin.PreviewImportAsync(Page, "indicator_1-2-1.csv", file);
        var errors = Errors(preview);
        errors.Select(e => e[1..]).ShouldBe([
            ["2", "REF_AREA", "KZXXX", "No territory has this code in the statistics office's scheme."],
            ["3", "Year", "1890", "The year is out of range."],
            ["4", "Value", "n/a", "The value is not a number."],
        ]);
        Counts(preview).ShouldBe((1, 0, 0, 3));
        preview.QuerySelector("#import-samples")!.TextContent.ShouldContain("1.2.1 000000000 2021 SEX=M: 3.25");

        var misnamed = await admin.PreviewImportAsync(Page, "poverty.csv", file);
        Errors(misnamed).Single()[1..].ShouldBe(["", "", "poverty.csv", "The file name does not name an indicator: it should look like indicator_8-5-2.csv."]);
    }

    [Fact]
    public void File_names_give_codes_and_dimensions_are_canonical()
    {
        OpenSdgImport.CodeFromFileName("indicator_8-5-2.csv").ShouldBe("8.5.2");
        OpenSdgImport.CodeFromFileName("indicator_17-3-1-2.csv").ShouldBe("17.3.1.2");
        OpenSdgImport.CodeFromFileName("indicator_8.csv").ShouldBeNull();
        OpenSdgImport.CodeFromFileName("data.csv").ShouldBeNull();
        OpenSdgImport.CanonicalDimensions([new("URBANISATION", "U"), new("SEX", "F"), new("AGE", " ")]).ShouldBe("SEX=F;URBANISATION=U");
        OpenSdgImport.CanonicalDimensions([]).ShouldBe("");
    }
}
