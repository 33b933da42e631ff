using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qala.Web.Features.SourceFacts;
using Qala.Web.Tests.Infrastructure;

namespace Qala.Web.Tests;

public sealed class ReferenceDataTests
{
    [Theory, ClassData(typeof(AllDatabases))]
    public async Task Kazakhstan_has_17_regions_3_cities_of_republican_significance_and_Almaty_8_districts(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        var client = app.Browser();

        var regions = await client.GetFromJsonAsync<JsonElement[]>("/api/v1/territories?kind=Region");
        regions.ShouldNotBeNull();
        regions.Count(r => r.GetProperty("validTo").ValueKind == JsonValueKind.Null).ShouldBe(17);
        regions.ShouldContain(r => r.GetProperty("code").GetString() == "510000000" && r.GetProperty("validTo").GetString() == "2018-06-19");
        var cities = await client.GetFromJsonAsync<JsonElement[]>("/api/v1/territories?kind=CityOfRepublicanSignificance");
        cities!.Select(c => c.GetProperty("name").GetProperty("en").GetString()).Order().ShouldBe(["Almaty city", "Astana", "Shymkent city"]);
        var almatyDistricts = await client.GetFromJsonAsync<JsonElement[]>("/api/v1/territories?parent=750000000");
        almatyDistricts!.Length.ShouldBe(8);
        almatyDistricts.ShouldAllBe(d => d.GetProperty("kind").GetString() == "District");

        var turkistan = await client.GetFromJsonAsync<JsonElement>("/api/v1/territories/610000000");
        turkistan.GetProperty("predecessorCode").GetString().ShouldBe("510000000");
        turkistan.GetProperty("name").GetProperty("kk").GetString()!.ShouldContain("Түркістан");
        (await client.GetAsync("/api/v1/territories/999999999")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task Each_city_has_its_akimat_departments(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        var client = app.Browser();

        foreach (var city in new[] { "750000000", "790000000", "350000000" })
        {
            var agencies = await client.GetFromJsonAsync<JsonElement[]>($"/api/v1/agencies?territory={city}");
            agencies!.Length.ShouldBeGreaterThanOrEqualTo(10, city);
            agencies.ShouldAllBe(a => a.GetProperty("name").GetProperty("kk").GetString()!.Length > 0
                && a.GetProperty("name").GetProperty("ru").GetString()!.Length > 0);
        }

        var page = await client.PageAsync("/agencies?lang=kk");
        page.Body!.TextContent.ShouldContain("басқармасы");
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task The_demo_data_states_the_seed_figures_with_their_sources(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        var client = app.Browser();

        var facts = (await client.GetFromJsonAsync<JsonElement[]>("/api/v1/facts"))!
            .ToDictionary(f => f.GetProperty("code").GetString()!, f => f.GetProperty("value").GetDecimal());
        facts["almaty.industrial-zone.companies-registered"].ShouldBe(33);
        facts["almaty.industrial-zone.investment"].ShouldBe(156);
        facts["almaty.industrial-zone.enterprises-commissioned"].ShouldBe(6);
        facts["karaganda.sez.participants"].ShouldBe(15);
        facts["karaganda.sez.operating"].ShouldBe(6);
        facts["karaganda.housing-commissioned-5y"].ShouldBe(1.7m);
        facts["karaganda.emissions"].ShouldBe(600_000);
        facts["almaty.cars-entering-daily"].ShouldBe(200_000);
        facts["almaty-2020.consultation.thematic-meetings"].ShouldBe(90);
        facts["almaty-2020.consultation.participants"].ShouldBe(12_500);
        facts["almaty-2020.consultation.indirect-reach"].ShouldBe(417_000);
        facts["almaty-2020.consultation.suggestions-at-meetings"].ShouldBe(900);
        facts["almaty-2020.consultation.suggestions-by-email"].ShouldBe(478);

        var documents = await app.QueryAsync(db => db.Set<SourceDocument>().Include(d => d.Facts).ToListAsync());
        documents.Select(d => d.Code).Order().ShouldBe(["almaty-2019-en", "almaty-2020-program-en", "karaganda-en", "shymkent-2018-en", "shymkent-2018-kk"]);
        foreach (var fact in documents.SelectMany(d => d.Facts.Select(f => (d, f))))
        {
            fact.d.Text.ShouldContain(fact.f.Quote, Case.Sensitive, $"{fact.f.Code} quotes its document word for word");
        }

        var source = await client.PageAsync("/sources/karaganda-en");
        source.QuerySelector(".source-text")!.TextContent.ShouldContain("I instruct the Regional Administration to work out effective measures");
        (await client.PageAsync("/sources/shymkent-2018-kk")).QuerySelector(".source-text")!.GetAttribute("lang").ShouldBe("kk");
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task The_statistics_office_codes_map_to_territories(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);

        var page = await app.Browser().PageAsync("/territories/750000000?lang=en");
        page.Body!.TextContent.ShouldContain("KZALA");
        page.Body.TextContent.ShouldContain("KZ-75");
        page.QuerySelectorAll(".qala-card ul li a").Select(a => a.TextContent).ShouldContain("Medeu District");
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task Territories_can_be_searched_in_any_language_and_htmx_gets_only_the_rows(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        var client = app.Browser("en");

        var page = await client.PageAsync("/territories?q=%D2%9B%D0%B0%D1%80%D0%B0%D2%93%D0%B0%D0%BD%D0%B4%D1%8B");
        page.QuerySelectorAll("#territory-rows tr").Select(r => r.QuerySelector("code")!.TextContent).ShouldBe(["350000000"]);

        var request = new HttpRequestMessage(HttpMethod.Get, "/territories?handler=Rows&q=Shymkent");
        request.Headers.Add("HX-Request", "true");
        var rows = await (await client.SendAsync(request)).Content.ReadAsStringAsync();
        rows.ShouldNotContain("<html");
        rows.ShouldContain("790000000");
        rows.ShouldNotContain("750000000");
        (await client.PageAsync("/territories?q=zzzz")).Body!.TextContent.ShouldContain("Nothing matches.");
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task The_agency_directory_downloads_as_Excel_and_Word_in_the_reader_s_language(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        var client = app.Browser();

        var xlsx = await client.GetAsync("/agencies?handler=Export&format=xlsx&lang=kk");
        xlsx.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        xlsx.Content.Headers.ContentDisposition!.FileName!.Trim('"').ShouldBe("qala-agencies.xlsx");
        using (var workbook = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(await xlsx.Content.ReadAsStreamAsync(), false))
        {
            var sheets = workbook.WorkbookPart!.Workbook.Descendants<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value).ToList();
            sheets.ShouldContain("750000000");
            var text = string.Concat(workbook.WorkbookPart.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Text>()).Select(t => t.Text));
            text.ShouldContain("ALA-EDU");
            text.ShouldContain("Атауы");
        }

        var docx = await client.GetAsync("/agencies?handler=Export&format=docx&lang=ru");
        using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(await docx.Content.ReadAsStreamAsync(), false);
        var body = document.MainDocumentPart!.Document.Body!.InnerText;
        body.ShouldContain("Ведомства");
        body.ShouldContain("город Алматы");
    }
}
