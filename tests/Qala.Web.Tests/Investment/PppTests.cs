using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qala.Web.Data;
using Qala.Web.Features.Agencies;
using Qala.Web.Features.Investment;
using Qala.Web.Features.Programs;
using Qala.Web.Features.SocialInfrastructure;
using Qala.Web.Features.Territories;
using Qala.Web.Infrastructure.Auth;
using Qala.Web.Tests.Infrastructure;

namespace Qala.Web.Tests.Investment;

/// <summary>PPP projects through HTTP: links to the territory's roadmap activities and facilities, obligations by budget, the map.</summary>
public sealed class PppTests
{
    private const string Password = "investment-password-1";
    private const string Shymkent = "790000000";
    private const string Almaty = "750000000";
    private const string AbaiDistrict = "791110000";
    private const string ShymkentBox = "69.4,42.2,69.8,42.5";

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task A_ppp_project_links_its_territory_s_activities_and_facilities_and_splits_its_obligations_by_budget(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        await app.CreateUserAsync("shymkent.planner", Password, [QalaRoles.Planner], Shymkent);
        var planner = await app.SignedInAsync("shymkent.planner", Password);
        var (ownActivity, otherActivity) = (await ActivityOfAsync(app, Shymkent), await ActivityOfAsync(app, Almaty));
        var (ownFacility, otherFacility) = (await AddFacilityAsync(app, AbaiDistrict), await AddFacilityAsync(app, Almaty));

        // Another territory's activity or facility is refused, and nothing is saved.
        foreach (var (activity, facility) in new[] { (otherActivity, ownFacility), (ownActivity, otherFacility) })
        {
            var refused = await SubmitAsync(app, planner, "new", Fields(activity, facility));
            refused.StatusCode.ShouldBe(HttpStatusCode.OK);
            var errors = (await refused.HtmlAsync()).QuerySelectorAll("[data-valmsg-for='ActivityIds'], [data-valmsg-for='FacilityIds']").Select(e => e.TextContent.Trim());
            errors.ShouldContain(e => e.StartsWith("Link only", StringComparison.Ordinal));
        }

        var half = Fields(ownActivity, ownFacility);
        half.Remove("Longitude");
        var unplaced = await SubmitAsync(app, planner, "new", half);
        (await unplaced.HtmlAsync()).QuerySelector("[data-valmsg-for='Longitude']")!.TextContent.ShouldBe("Give both the latitude and the longitude, or neither.");
        (await app.QueryAsync(db => db.Set<PppProject>().CountAsync())).ShouldBe(4, "the four demo projects only");

        var saved = await SubmitAsync(app, planner, "new", Fields(ownActivity, ownFacility));
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var id = int.Parse(saved.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);

        // The project's page lists its links; the obligations are split by budget.
        var page = await planner.PageAsync($"/investment/ppp/{id}");
        page.QuerySelector($"#ppp-activities li[data-activity='{ownActivity}'] a")!.GetAttribute("href").ShouldEndWith($"/activity/{ownActivity}");
        page.QuerySelector($"#ppp-facilities li[data-facility='{ownFacility}'] a")!.GetAttribute("href").ShouldBe($"/social/{AbaiDistrict}/facilities/{ownFacility}");
        decimal.Parse(page.QuerySelector("input[name='Obligations[0].Republican']")!.GetAttribute("value")!, System.Globalization.CultureInfo.InvariantCulture).ShouldBe(300m);

        // Totals by year per budget: the demo projects pay 8 % of their value from the republican and 6 % from the local budget.
        var list = await planner.PageAsync("/investment/ppp");
        Total(list, "Republican", 2030).ShouldBe((0.08m * (1_280_000_000m + 6_900_000_000m)) + 300m);
        Total(list, "Local", 2030).ShouldBe((0.06m * (1_280_000_000m + 6_900_000_000m)) + 200m);
        Total(list, "Republican", 2040).ShouldBe(0m);

        // The API: the project's obligations by budget, links and place, and the totals.
        using var projects = JsonDocument.Parse(await planner.GetStringAsync($"/api/v1/investment/ppp?territory={Shymkent}"));
        var mine = projects.RootElement.EnumerateArray().Single(p => p.GetProperty("id").GetInt32() == id);
        mine.GetProperty("activities").EnumerateArray().Select(a => a.GetInt32()).ShouldBe([ownActivity]);
        mine.GetProperty("facilities").EnumerateArray().Select(f => f.GetInt32()).ShouldBe([ownFacility]);
        mine.GetProperty("latitude").GetDouble().ShouldBe(42.33);
        var obligation = mine.GetProperty("obligations").EnumerateArray().Single();
        (obligation.GetProperty("republican").GetDecimal(), obligation.GetProperty("local").GetDecimal(), obligation.GetProperty("total").GetDecimal()).ShouldBe((300m, 200m, 500m));
        using var totals = JsonDocument.Parse(await planner.GetStringAsync("/api/v1/investment/ppp/obligations"));
        totals.RootElement.EnumerateArray().Single(t => t.GetProperty("budget").GetString() == "Local" && t.GetProperty("year").GetInt32() == 2030)
            .GetProperty("amount").GetDecimal().ShouldBe(Total(list, "Local", 2030));
        (await app.Browser().GetAsync("/api/v1/investment/ppp/obligations")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await (await app.SignedInAsync()).GetStringAsync("/openapi/v1.json")).ShouldContain("\"/api/v1/investment/ppp/obligations\"");

        // Unlinking keeps the project and drops the link.
        var fields = Fields(ownActivity, ownFacility);
        fields.Remove("ActivityIds");
        (await SubmitAsync(app, planner, id.ToString(System.Globalization.CultureInfo.InvariantCulture), fields, unselect: "ActivityIds")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.QueryAsync(db => db.Set<PppActivityLink>().CountAsync(l => l.ProjectId == id))).ShouldBe(0);
        (await app.QueryAsync(db => db.Set<PppFacilityLink>().CountAsync(l => l.ProjectId == id))).ShouldBe(1);
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task Ppp_projects_are_on_the_business_map_with_their_money_for_the_territory_s_officials_only(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        var anonymous = await MapAsync(app.Browser(), $"bbox={ShymkentBox}&zoom=18");
        var ppp = anonymous.RootElement.GetProperty("points").EnumerateArray().Where(p => p.GetProperty("kind").GetString() == "Ppp").ToList();
        ppp.Count.ShouldBe(4, "the four demo kindergartens and schools of Shymkent");
        ppp.ShouldAllBe(p => p.GetProperty("pppSector").GetString() != null && p.GetProperty("pppStage").GetString() != null);
        ppp.ShouldAllBe(p => p.GetProperty("contractValue").ValueKind == JsonValueKind.Null && p.GetProperty("obligations").ValueKind == JsonValueKind.Null
            && p.GetProperty("url").ValueKind == JsonValueKind.Null);

        // Company filters and a zone leave PPP projects out; the district keeps them.
        (await MapAsync(app.Browser(), $"bbox={ShymkentBox}&zoom=18&sector=C")).RootElement.GetProperty("total").GetInt32().ShouldBe(0);
        (await MapAsync(app.Browser(), $"bbox={ShymkentBox}&zoom=18&district={Shymkent}")).RootElement.GetProperty("total").GetInt32().ShouldBe(4);

        await app.CreateUserAsync("shymkent.controller", Password, [QalaRoles.Controller], Shymkent);
        await app.CreateUserAsync("almaty.planner", Password, [QalaRoles.Planner], Almaty);
        var official = await MapAsync(await app.SignedInAsync("shymkent.controller", Password), $"bbox={ShymkentBox}&zoom=18");
        official.RootElement.GetProperty("points").EnumerateArray().Where(p => p.GetProperty("kind").GetString() == "Ppp" && p.GetProperty("pppStage").GetString() == "Operation")
            .Single().GetProperty("contractValue").GetDecimal().ShouldBe(1_450_000_000m);
        var stranger = await MapAsync(await app.SignedInAsync("almaty.planner", Password), $"bbox={ShymkentBox}&zoom=18");
        stranger.RootElement.GetProperty("points").EnumerateArray().ShouldAllBe(p => p.GetProperty("contractValue").ValueKind == JsonValueKind.Null);

        // The public page's table names them in Kazakh too.
        var table = await app.Browser().PageAsync($"/investment/map?bbox={ShymkentBox}&lang=kk");
        table.QuerySelectorAll("#map-table tr[data-kind='Ppp']").Length.ShouldBe(4);
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task Every_investment_form_places_its_point_by_a_click_on_the_map_without_inline_script(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind, new Dictionary<string, string?> { ["InvestmentMap:TileUrl"] = "https://tiles.example/{z}/{x}/{y}.png" });
        var admin = await app.SignedInAsync();
        var zone = await app.QueryAsync(db => db.Set<InvestmentZone>().OrderBy(z => z.Id).Select(z => z.Id).FirstAsync());
        foreach (var url in new[] { $"/investment/zones/{zone}/edit", $"/investment/participants/new?zone={zone}", "/investment/projects/new", "/investment/ppp/new" })
        {
            var page = await admin.PageAsync(url);
            var picker = page.QuerySelector("#point-map")!;
            picker.GetAttribute("data-tiles").ShouldBe("https://tiles.example/{z}/{x}/{y}.png", url);
            page.GetElementById(picker.GetAttribute("data-latitude")!)!.GetAttribute("name").ShouldEndWith("Latitude", Case.Sensitive, url);
            page.GetElementById(picker.GetAttribute("data-longitude")!)!.GetAttribute("name").ShouldEndWith("Longitude", Case.Sensitive, url);
            page.QuerySelector("script[src^='/js/point-map.js']").ShouldNotBeNull(url);
            page.QuerySelectorAll("script:not([src])").ShouldBeEmpty($"{url}: no inline script under the CSP");
        }
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task The_activity_and_facility_pages_link_back_to_their_ppp_projects(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        await app.CreateUserAsync("shymkent.planner", Password, [QalaRoles.Planner], Shymkent);
        var planner = await app.SignedInAsync("shymkent.planner", Password);
        var (program, activity) = await DraftActivityAsync(app);
        var facility = await AddFacilityAsync(app, AbaiDistrict);
        var saved = await SubmitAsync(app, planner, "new", Fields(activity, facility));
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var id = saved.Headers.Location!.OriginalString.Split('/')[^1];

        foreach (var url in new[] { $"/programs/{program}/activity/{activity}", $"/social/{AbaiDistrict}/facilities/{facility}" })
        {
            var link = (await planner.PageAsync(url)).QuerySelector($"#ppp-backlinks li[data-ppp='{id}'] a");
            link.ShouldNotBeNull(url);
            link.GetAttribute("href").ShouldBe($"/investment/ppp/{id}");
            link.TextContent.ShouldBe("School in Abai District");
        }

        // A district's planner edits the district's facility but does not read the city's PPP projects.
        await app.CreateUserAsync("abai.planner", Password, [QalaRoles.Planner], AbaiDistrict);
        var district = await app.SignedInAsync("abai.planner", Password);
        (await district.PageAsync($"/social/{AbaiDistrict}/facilities/{facility}")).QuerySelector("#ppp-backlinks").ShouldBeNull();
    }

    private static async Task<JsonDocument> MapAsync(HttpClient client, string query) =>
        JsonDocument.Parse(await client.GetStringAsync($"/api/v1/investment/map?{query}"));

    private static decimal Total(AngleSharp.Dom.IDocument page, string budget, int year) =>
        decimal.Parse(page.QuerySelector($"#obligations tr[data-territory='{Shymkent}'][data-budget='{budget}'] td[data-year='{year}']")?.GetAttribute("data-total") ?? "0",
            System.Globalization.CultureInfo.InvariantCulture);

    private static Dictionary<string, string> Fields(int activity, int facility) => new()
    {
        ["Name.Kk"] = "Абай ауданындағы мектеп",
        ["Name.Ru"] = "Школа в Абайском районе",
        ["Name.En"] = "School in Abai District",
        ["Sector"] = nameof(PppSector.Schools),
        ["Obligations[0].Year"] = "2030",
        ["Obligations[0].Republican"] = "300",
        ["Obligations[0].Local"] = "200",
        ["Latitude"] = "42,33",
        ["Longitude"] = "69.58",
        ["ActivityIds"] = activity.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["FacilityIds"] = facility.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>Submits the PPP form of Shymkent's education department.</summary>
    private static string Option(AngleSharp.Dom.IDocument page, string select, int value) =>
        page.QuerySelector($"select[name='{select}'] option[value='{value}']")!.GetAttribute("value")!;

    private static async Task<HttpResponseMessage> SubmitAsync(QalaApp app, HttpClient client, string id, Dictionary<string, string> fields, string? unselect = null)
    {
        var page = await client.PageAsync($"/investment/ppp/{id}");
        if (unselect is not null)
        {
            page.QuerySelector($"select[name='{unselect}']")!.Remove();
        }

        fields["TerritoryId"] = Option(page, "TerritoryId", (await app.QueryAsync(db => db.Set<Territory>().SingleAsync(t => t.Code == Shymkent))).Id);
        fields["ResponsibleAgencyId"] = Option(page, "ResponsibleAgencyId", (await app.QueryAsync(db => db.Set<Agency>().SingleAsync(a => a.Code == "SHY-EDU"))).Id);
        return await client.SubmitAsync((AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("#ppp-form")!, fields);
    }

    private static Task<int> ActivityOfAsync(QalaApp app, string territory) =>
        app.QueryAsync(db => db.Set<RoadmapActivity>().Where(a => a.Task!.Goal!.Direction!.Program!.Territory!.Code == territory).Select(a => a.Id).FirstAsync());

    /// <summary>An activity of a draft program of Shymkent, whose page its planners open (an approved program's items change only through an amendment).</summary>
    private static Task<(int Program, int Activity)> DraftActivityAsync(QalaApp app) =>
        app.QueryAsync(async db =>
        {
            var territory = await db.Set<Territory>().SingleAsync(t => t.Code == Shymkent);
            var agency = await db.Set<Agency>().SingleAsync(a => a.Code == "SHY-EDU");
            var program = DevelopmentProgram.Create(LocalizedText.Of("Бағдарлама", "Программа", "Shymkent programme"),
                ProgramKind.Strategy, territory.Id, new DateOnly(2026, 1, 1), new DateOnly(2030, 12, 31), "test", DateTimeOffset.UtcNow);
            var activity = new RoadmapActivity
            {
                Title = LocalizedText.Of("Мектеп салу", "Строительство школы", "Build a school"),
                Position = 1,
                ResponsibleAgencyId = agency.Id,
                StartDate = new DateOnly(2026, 1, 1),
                DueDate = new DateOnly(2027, 12, 31),
            };
            var task = new ProgramTask { Title = LocalizedText.Of("М", "З", "Task"), Position = 1 };
            task.Activities.Add(activity);
            var goal = new ProgramGoal { Title = LocalizedText.Of("М", "Ц", "Goal"), Position = 1 };
            goal.Tasks.Add(task);
            var direction = new ProgramDirection { Title = LocalizedText.Of("Б", "Н", "Direction"), Position = 1 };
            direction.Goals.Add(goal);
            program.Directions.Add(direction);
            db.Add(program);
            await db.SaveChangesAsync();
            return (program.Id, activity.Id);
        });

    private static Task<int> AddFacilityAsync(QalaApp app, string territory) =>
        app.QueryAsync(async db =>
        {
            var facility = new SocialFacility
            {
                Kind = FacilityKind.School,
                Name = LocalizedText.Of("Мектеп", "Школа", $"School of {territory}"),
                TerritoryId = await db.Set<Territory>().Where(t => t.Code == territory).Select(t => t.Id).SingleAsync(),
                Latitude = 42.3,
                Longitude = 69.6,
                Capacity = 600,
            };
            db.Add(facility);
            await db.SaveChangesAsync();
            return facility.Id;
        });
}
