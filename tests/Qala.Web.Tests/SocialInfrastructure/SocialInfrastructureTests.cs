using System.Globalization;
using System.Net;
using System.Text;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qala.Engine.Access;
using Qala.Engine.Access.Osm;
using Qala.Engine.Tests.Access;
using Qala.Web.Features.Indicators;
using Qala.Web.Features.SocialInfrastructure;
using Qala.Web.Infrastructure.Auth;
using Qala.Web.Infrastructure.Imports;
using Qala.Web.Tests.Infrastructure;

namespace Qala.Web.Tests.SocialInfrastructure;

/// <summary>
/// Social infrastructure through HTTP on a tiny street: a planner imports the network, facilities and population,
/// sees coverage and shortage by district as the engine computes them directly, tries a new kindergarten, and records
/// the coverage as an indicator; bad files are refused whole; another city's planner is kept out.
/// </summary>
public sealed class SocialInfrastructureTests
{
    private const string Password = "social-password-1";
    private const string Almaty = "750000000";
    private const string Almaly = "751110000";
    private const string Medeu = "751710000";
    private const double Latitude = 43.25;
    private const double West = 76.9;
    private const double Step = 0.00125; // about 101 m of longitude at 43.25° N
    private const double North = 0.00018; // about 20 m of latitude

    /// <summary>One residential street of 21 nodes about 101 m apart, west to east along 43.25° N.</summary>
    private static byte[] Street() =>
        PbfWriter.File(
            [.. Enumerable.Range(0, 21).Select(i => new PbfWriter.Node(i + 1, (long)Math.Round(Latitude * 1e7), (long)Math.Round((West + (i * Step)) * 1e7)))],
            [],
            [new PbfWriter.Way(1, [.. Enumerable.Range(1, 21).Select(i => (long)i)], ("highway", "residential"))]);

    private static double Lon(int node) => West + (node * Step);

    private static string Invariant(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static readonly (string Code, int Node, int Capacity, string? Enrolment, string State)[] Kindergartens =
    [
        (Almaly, 2, 40, "35", "operating"),
        (Medeu, 16, 10, "15", "operating"),
        (Medeu, 10, 100, "", "planned"),
    ];

    private static readonly (string Code, int Node, int Children)[] Homes =
    [
        (Almaly, 0, 10), (Almaly, 4, 20), (Almaly, 8, 30), (Medeu, 12, 40), (Medeu, 16, 50), (Medeu, 20, 60),
    ];

    private static byte[] FacilitiesCsv() => Encoding.UTF8.GetBytes("kind,name,district,latitude,longitude,capacity,enrolment,state\n"
        + string.Concat(Kindergartens.Select((k, i) => $"kindergarten,Kindergarten {i + 1},{k.Code},{Invariant(Latitude)},{Invariant(Lon(k.Node))},{k.Capacity},{k.Enrolment},{k.State}\n")));

    private static byte[] PopulationCsv() => Encoding.UTF8.GetBytes("id,district,lat,lon,population,children_1_6\n"
        + string.Concat(Homes.Select((h, i) => $"home-{i},{h.Code},{Invariant(Latitude + North)},{Invariant(Lon(h.Node))},100,{h.Children}\n"))
        + $"far-away,{Almaly},{Invariant(Latitude + 0.05)},{Invariant(West)},500,70\n");

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task A_planner_sees_coverage_and_shortage_by_district_as_the_engine_computes_them(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        await app.CreateUserAsync("social.planner", Password, [QalaRoles.Planner], Almaty);
        var planner = await app.SignedInAsync("social.planner", Password);

        var network = await UploadAsync(planner, $"/social/{Almaty}/import/network", "#network-form", "Network", "street.osm.pbf", Street());
        network.QuerySelector("#import-done").ShouldNotBeNull();
        (await app.QueryAsync(db => db.Set<WalkNetwork>().SingleAsync())).NodeCount.ShouldBe(21);
        var facilities = await planner.CommitImportAsync(await planner.PreviewImportAsync($"/social/{Almaty}/import/facilities", "kindergartens.csv", FacilitiesCsv()), ImportMode.AllOrNothing);
        facilities.QuerySelector("#import-done")!.TextContent.ShouldContain("3 added");
        var population = await planner.CommitImportAsync(await planner.PreviewImportAsync($"/social/{Almaty}/import/population", "homes.csv", PopulationCsv()), ImportMode.AllOrNothing);
        population.QuerySelector("#import-done")!.TextContent.ShouldContain("7 added");
        (await app.QueryAsync(db => db.Set<Observation>().CountAsync(o => o.IsCurrent && o.Indicator!.Code == "QALA-KINDERGARTEN-500M")))
            .ShouldBe(3, "an import recomputes the coverage indicators of the city and its two districts");

        // The engine on the same street, points and the two operating kindergartens (the planned one does not count).
        var graph = OsmAccessData.Read(new MemoryStream(Street())).Graph;
        var locator = new EdgeLocator(graph);
        NetworkLocation Place(double latitude, double longitude) => locator.Snap(new GeoPoint(latitude, longitude), 250)!.Value.Location;
        var districts = new Dictionary<string, int> { [Almaly] = 1, [Medeu] = 2 };
        var demand = Homes.Select(h => new DemandPoint(Place(Latitude + North, Lon(h.Node)), h.Children, districts[h.Code])).ToList();
        var model = new CatchmentModel(graph, demand, 500);
        var expected = model.Compute([.. Kindergartens.Where(k => k.State == "operating").Select(k => new Facility(Place(Latitude, Lon(k.Node)), k.Capacity))]);
        locator.Snap(new GeoPoint(Latitude + 0.05, West), 250).ShouldBeNull("the far point is off the network");

        var page = await planner.PageAsync($"/social/{Almaty}?kind=Kindergarten");
        foreach (var (code, id) in districts)
        {
            var row = page.QuerySelector($"#districts tr[data-district='{code}']")!;
            var balance = expected.Districts.Single(d => d.District == id);
            Number(row, "data-demand").ShouldBe(balance.Demand, 1e-3);
            Number(row, "data-supply").ShouldBe(balance.Supply, 1e-3);
            Number(row, "data-shortage").ShouldBe(balance.Shortage, 1e-3);
            var covered = demand.Select((d, i) => (d, i)).Where(x => x.d.District == id && expected.NearestDistance[x.i] <= 500).Sum(x => x.d.Population);
            Number(row, "data-covered").ShouldBe(covered, 1e-3);
        }

        var coverage = page.QuerySelector("#coverage")!;
        Number(coverage, "data-covered").ShouldBe(expected.CoveredPopulation, 1e-3);
        Number(coverage, "data-shortage").ShouldBe(expected.TotalShortage, 1e-3);
        expected.TotalShortage.ShouldBeGreaterThan(0, "the fixture has places missing");
        expected.CoveredPopulation.ShouldBeLessThan(210, "the fixture has children beyond 500 m");
        var tooFar = page.QuerySelector("#too-far")!;
        tooFar.GetAttribute("data-points").ShouldBe("1");
        tooFar.TextContent.ShouldContain("70 people");

        // What if a kindergarten of 80 places opened at node 8: the same gain as the engine's.
        var site = (Latitude, Lon(8));
        var gain = model.WhatIf(expected, new Facility(Place(site.Item1, site.Item2), 80));
        var whatIf = (await planner.PageAsync($"/social/{Almaty}?kind=Kindergarten&lat={Invariant(site.Item1)}&lon={Invariant(site.Item2)}&capacity=80")).QuerySelector("#what-if")!;
        Number(whatIf, "data-covered-gain").ShouldBe(gain.CoveredGain, 1e-3);
        Number(whatIf, "data-shortage-after").ShouldBe(gain.ShortageAfter, 1e-3);
        gain.CoveredGain.ShouldBeGreaterThan(0);
        gain.ShortageAfter.ShouldBeLessThan(gain.ShortageBefore);
        using var json = System.Text.Json.JsonDocument.Parse(await planner.GetStringAsync(
            $"/social/{Almaty}/map?handler=WhatIf&kind=Kindergarten&lat={Invariant(site.Item1)}&lon={Invariant(site.Item2)}&capacity=80"));
        json.RootElement.GetProperty("coveredGain").GetDouble().ShouldBe(gain.CoveredGain, 1e-9);
        using var data = System.Text.Json.JsonDocument.Parse(await planner.GetStringAsync($"/social/{Almaty}/map?handler=Data&kind=Kindergarten"));
        data.RootElement.GetProperty("facilities").GetArrayLength().ShouldBe(3);
        data.RootElement.GetProperty("streets").GetArrayLength().ShouldBe(20 * 4, "the street's 20 segments, each once");

        // The coverage is an indicator's observations for the city and each district; recording again revises nothing.
        var record = await planner.SubmitAsync($"/social/{Almaty}?kind=Kindergarten", "#record-form", new());
        record.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var observations = await app.QueryAsync(db => db.Set<Observation>().Where(o => o.IsCurrent && o.Indicator!.Code == "QALA-KINDERGARTEN-500M")
            .Select(o => new { o.Territory!.Code, o.Value, o.RecordedBy }).ToListAsync());
        observations.Single(o => o.Code == Almaty).Value.ShouldBe(Math.Round((decimal)(expected.CoveredPopulation / 210) * 100, 2));
        observations.Select(o => o.Code).Order().ShouldBe([Almaty, Almaly, Medeu]);
        observations.ShouldAllBe(o => o.RecordedBy == SocialIndicators.ComputedBy);

        foreach (var url in new[] { "/social", $"/social/{Almaty}/map?kind=School", $"/social/{Almaty}/facilities", $"/social/{Almaty}/facilities/new", $"/social/{Almaty}?kind=School&lang=kk" })
        {
            (await planner.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.OK, url);
        }
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task Bad_files_are_refused_by_row_and_column_and_nothing_is_saved(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        await app.CreateUserAsync("social.planner", Password, [QalaRoles.Planner], Almaty);
        var planner = await app.SignedInAsync("social.planner", Password);

        var bad = Encoding.UTF8.GetBytes("kind,name,district,latitude,longitude,capacity\n"
            + $"kindergarten,Zero,{Almaly},43.25,76.9,0\n" // row 2: no places
            + $"kindergarten,Missing,{Almaly},43.25,76.9,\n" // row 3: capacity missing
            + $"school,North Pole,{Almaly},95,76.9,300\n" // row 4: latitude out of range
            + "school,Elsewhere,999999999,43.25,76.9,300\n" // row 5: not a district of Almaty
            + $"library,Books,{Almaly},43.25,76.9,10\n" // row 6: not a kind of facility
            + $"school,Good,{Medeu},43.25,76.91,600\n"); // row 7: fine
        var preview = await planner.PreviewImportAsync($"/social/{Almaty}/import/facilities", "bad.csv", bad);
        var errors = preview.TableRows("#import-errors").Select(e => string.Join(" | ", e[1..3].Append(e[4]))).ToList();
        errors.ShouldContain("2 | capacity | The capacity must be a whole number of places above zero.");
        errors.ShouldContain("3 | capacity | The capacity must be a whole number of places above zero.");
        errors.ShouldContain("4 | latitude | The latitude must be a number from -90 to 90.");
        errors.ShouldContain("5 | district | No district of this territory has this code.");
        errors.ShouldContain("6 | kind | The kind must be school, kindergarten, clinic, polyclinic or hospital.");
        errors.Count.ShouldBe(5);
        (await planner.CommitImportAsync(preview, ImportMode.AllOrNothing)).QuerySelector("#import-errors").ShouldNotBeNull();
        (await app.QueryAsync(db => db.Set<SocialFacility>().CountAsync())).ShouldBe(0, "all or nothing");

        var people = Encoding.UTF8.GetBytes("lat,lon,population\n43.25,76.9,-3\n43.25,200,10\n");
        var demand = await planner.PreviewImportAsync($"/social/{Almaty}/import/population", "people.csv", people);
        var demandErrors = demand.TableRows("#import-errors").Select(e => string.Join(" | ", e[1..3].Append(e[4]))).ToList();
        demandErrors.ShouldBe(["2 | population | The population must be a whole number that is not negative.", "3 | lon | The longitude must be a number from -180 to 180."]);
        await planner.CommitImportAsync(demand, ImportMode.AllOrNothing);
        (await app.QueryAsync(db => db.Set<PopulationPoint>().CountAsync())).ShouldBe(0);

        // The shared hexgrid's columns (id, lon, lat, population and others) import as they are, into the city itself.
        var hexgrid = Encoding.UTF8.GetBytes("id,lon,lat,population,schools,jobs,healthcare\n"
            + "89a901291abffff,-51.1582459466033,-30.0538460280879,0,0,1214,0\n89a9012a3cfffff,-51.2118666785315,-30.1005760100267,159,0,0,0\n");
        (await planner.CommitImportAsync(await planner.PreviewImportAsync($"/social/{Almaty}/import/population", "hexgrid.csv", hexgrid), ImportMode.AllOrNothing))
            .QuerySelector("#import-done")!.TextContent.ShouldContain("2 added");
        (await app.QueryAsync(db => db.Set<PopulationPoint>().Where(p => p.Territory!.Code == Almaty).OrderBy(p => p.Label).Select(p => p.Label + ":" + p.Population).ToListAsync()))
            .ShouldBe(["89a901291abffff:0", "89a9012a3cfffff:159"]);

        var truncated = await UploadAsync(planner, $"/social/{Almaty}/import/network", "#network-form", "Network", "cut.osm.pbf", Street()[..40]);
        truncated.QuerySelector("#import-errors")!.TextContent.ShouldContain("not a readable OpenStreetMap extract");
        var outlines = await UploadAsync(planner, $"/social/{Almaty}/import/network", "#outlines-form", "Outlines", "districts.geojson", Encoding.UTF8.GetBytes(
            """{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"751110000"},"geometry":{"type":"Polygon","coordinates":[[[76.9,43.2],[76.95,43.2],[76.95,43.3],[76.9,43.2]]]}},{"type":"Feature","properties":{"code":"751710000"},"geometry":{"type":"Polygon","coordinates":[[[76.9,43.2],[76.95,43.2],[76.9,43.2]]]}}]}"""));
        outlines.QuerySelector("#import-errors li[data-feature='2']").ShouldNotBeNull();
        (await app.QueryAsync(db => db.Set<WalkNetwork>().CountAsync())).ShouldBe(0);
        (await app.QueryAsync(db => db.Set<DistrictOutline>().CountAsync())).ShouldBe(0, "one bad feature refuses the file");
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task Facilities_come_from_the_extracts_amenities_into_the_districts_their_outlines_hold(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        await app.CreateUserAsync("social.planner", Password, [QalaRoles.Planner], Almaty);
        var planner = await app.SignedInAsync("social.planner", Password);
        var street = PbfWriter.File(
            [.. Enumerable.Range(0, 21).Select(i => new PbfWriter.Node(i + 1, (long)Math.Round(Latitude * 1e7), (long)Math.Round(Lon(i) * 1e7)))],
            [new PbfWriter.Node(100, (long)Math.Round((Latitude + North) * 1e7), (long)Math.Round(Lon(15) * 1e7), ("amenity", "kindergarten"), ("name", "Balapan"))],
            [new PbfWriter.Way(1, [.. Enumerable.Range(1, 21).Select(i => (long)i)], ("highway", "residential"))]);
        (await UploadAsync(planner, $"/social/{Almaty}/import/network", "#network-form", "Network", "street.osm.pbf", street)).QuerySelector("#import-done").ShouldNotBeNull();
        string Box(string code, double west, double east) => string.Format(CultureInfo.InvariantCulture,
            """{{"type":"Feature","properties":{{"code":"{0}"}},"geometry":{{"type":"MultiPolygon","coordinates":[[[[{1},43.2],[{2},43.2],[{2},43.3],[{1},43.3],[{1},43.2]]]]}}}}""", code, west, east);
        var outlines = Encoding.UTF8.GetBytes($$"""{"type":"FeatureCollection","features":[{{Box(Almaly, West - 0.01, Lon(10))}},{{Box(Medeu, Lon(10), Lon(20) + 0.01)}}]}""");
        (await UploadAsync(planner, $"/social/{Almaty}/import/network", "#outlines-form", "Outlines", "districts.geojson", outlines)).QuerySelector("#import-done").ShouldNotBeNull();

        var added = await planner.SubmitAsync($"/social/{Almaty}/import/network", "#osm-form", new() { ["OsmCapacity"] = "50" });
        (await added.HtmlAsync()).QuerySelector("#import-done")!.TextContent.ShouldContain("1");
        var facility = await app.QueryAsync(db => db.Set<SocialFacility>().Include(f => f.Territory).SingleAsync());
        (facility.Kind, facility.Territory!.Code, facility.Capacity).ShouldBe((FacilityKind.Kindergarten, Medeu, 50));
        facility.Longitude.ShouldBe(Lon(15), 1e-7);
        await planner.SubmitAsync($"/social/{Almaty}/import/network", "#osm-form", new() { ["OsmCapacity"] = "50" });
        (await app.QueryAsync(db => db.Set<SocialFacility>().CountAsync())).ShouldBe(1, "the same amenity is not added twice");

        // The planner corrects the capacity in the registry.
        var edited = await planner.SubmitAsync($"/social/{Almaty}/facilities/{facility.Id}", "#facility-form", new() { ["Input.Capacity"] = "75", ["Input.NameEn"] = "Balapan" });
        edited.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var list = await planner.PageAsync($"/social/{Almaty}/facilities");
        list.TableRows("#facilities").ShouldHaveSingleItem()[4].ShouldBe("75");
        (await app.QueryAsync(db => db.Set<DistrictOutline>().CountAsync())).ShouldBe(2);
        using var data = System.Text.Json.JsonDocument.Parse(await planner.GetStringAsync($"/social/{Almaty}/map?handler=Data&kind=Kindergarten"));
        data.RootElement.GetProperty("districts").EnumerateArray().Select(d => d.GetProperty("code").GetString()).Order().ShouldBe([Almaly, Medeu]);
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task What_if_clicks_reuse_the_nodes_report_until_a_facility_is_saved_on_another_node(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        await app.CreateUserAsync("social.planner", Password, [QalaRoles.Planner], Almaty);
        var planner = await app.SignedInAsync("social.planner", Password);
        await UploadAsync(planner, $"/social/{Almaty}/import/network", "#network-form", "Network", "street.osm.pbf", Street());
        await planner.CommitImportAsync(await planner.PreviewImportAsync($"/social/{Almaty}/import/facilities", "kindergartens.csv", FacilitiesCsv()), ImportMode.AllOrNothing);
        await planner.CommitImportAsync(await planner.PreviewImportAsync($"/social/{Almaty}/import/population", "homes.csv", PopulationCsv()), ImportMode.AllOrNothing);
        var reports = app.Services.GetRequiredService<AccessReportCache>();
        var site = $"/social/{Almaty}/map?handler=WhatIf&kind=Kindergarten&lat={Invariant(Latitude)}&lon={Invariant(Lon(14))}&capacity=30";
        async Task<double> ShortageAfterAsync(HttpClient client)
        {
            using var json = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync(site));
            return json.RootElement.GetProperty("shortageAfter").GetDouble();
        }

        var before = await ShortageAfterAsync(planner);
        var computed = reports.Computed;
        (await ShortageAfterAsync(planner)).ShouldBe(before);
        await planner.GetStringAsync(site.Replace("capacity=30", "capacity=60", StringComparison.Ordinal));
        reports.Computed.ShouldBe(computed, "the clicks reuse the report");

        // Another node saves the kindergarten at node 16 with 200 places instead of 10.
        await using var second = app.SecondNode();
        var other = await second.SignedInAsync("social.planner", Password);
        var id = await app.QueryAsync(db => db.Set<SocialFacility>().Where(f => f.Capacity == 10).Select(f => f.Id).SingleAsync());
        (await other.SubmitAsync($"/social/{Almaty}/facilities/{id}", "#facility-form", new() { ["Input.Capacity"] = "200" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var after = await ShortageAfterAsync(planner);
        reports.Computed.ShouldBe(computed + 1, "the stamp changed");
        var graph = OsmAccessData.Read(new MemoryStream(Street())).Graph;
        var locator = new EdgeLocator(graph);
        NetworkLocation Place(double latitude, double longitude) => locator.Snap(new GeoPoint(latitude, longitude), 250)!.Value.Location;
        var districts = new Dictionary<string, int> { [Almaly] = 1, [Medeu] = 2 };
        var model = new CatchmentModel(graph, [.. Homes.Select(h => new DemandPoint(Place(Latitude + North, Lon(h.Node)), h.Children, districts[h.Code]))], 500);
        var baseline = model.Compute([new Facility(Place(Latitude, Lon(2)), 40), new Facility(Place(Latitude, Lon(16)), 200)]);
        after.ShouldBe(model.WhatIf(baseline, new Facility(Place(Latitude, Lon(14)), 30)).ShortageAfter, 1e-9);
        after.ShouldBeLessThan(before, "190 more places nearby");
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task A_roadmap_activitys_facility_is_picked_listed_on_the_activity_and_tried_in_the_what_if(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        await app.CreateUserAsync("social.planner", Password, [QalaRoles.Planner], Almaty);
        var planner = await app.SignedInAsync("social.planner", Password);
        await UploadAsync(planner, $"/social/{Almaty}/import/network", "#network-form", "Network", "street.osm.pbf", Street());
        await planner.CommitImportAsync(await planner.PreviewImportAsync($"/social/{Almaty}/import/facilities", "kindergartens.csv", FacilitiesCsv()), ImportMode.AllOrNothing);
        await planner.CommitImportAsync(await planner.PreviewImportAsync($"/social/{Almaty}/import/population", "homes.csv", PopulationCsv()), ImportMode.AllOrNothing);
        var (programId, activityId) = await app.QueryAsync(async db =>
        {
            var territory = await db.Set<Qala.Web.Features.Territories.Territory>().SingleAsync(t => t.Code == Almaty);
            var agency = await db.Set<Qala.Web.Features.Agencies.Agency>().OrderBy(a => a.Id).FirstAsync();
            var program = Qala.Web.Features.Programs.DevelopmentProgram.Create(Qala.Web.Data.LocalizedText.Of("Бағдарлама", "Программа", "Almaty programme"),
                Qala.Web.Features.Programs.ProgramKind.Strategy, territory.Id, new DateOnly(2026, 1, 1), new DateOnly(2030, 12, 31), "test", DateTimeOffset.UtcNow);
            var activity = new Qala.Web.Features.Programs.RoadmapActivity
            {
                Title = Qala.Web.Data.LocalizedText.Of("Балабақша салу", "Строительство детсада", "Build the Medeu kindergarten"),
                Position = 1,
                ResponsibleAgencyId = agency.Id,
                StartDate = new DateOnly(2026, 1, 1),
                DueDate = new DateOnly(2027, 12, 31),
            };
            var task = new Qala.Web.Features.Programs.ProgramTask { Title = Qala.Web.Data.LocalizedText.Of("М", "З", "Task"), Position = 1 };
            task.Activities.Add(activity);
            var goal = new Qala.Web.Features.Programs.ProgramGoal { Title = Qala.Web.Data.LocalizedText.Of("М", "Ц", "Goal"), Position = 1 };
            goal.Tasks.Add(task);
            var direction = new Qala.Web.Features.Programs.ProgramDirection { Title = Qala.Web.Data.LocalizedText.Of("Б", "Н", "Direction"), Position = 1 };
            direction.Goals.Add(goal);
            program.Directions.Add(direction);
            db.Add(program);
            await db.SaveChangesAsync();
            return (program.Id, activity.Id);
        });

        // The planned kindergarten at node 10 (100 places) is the activity's.
        var form = await planner.PageAsync($"/social/{Almaty}/facilities/new");
        form.QuerySelector($"#Input_RoadmapActivityId option[value='{activityId}']")!.TextContent.ShouldBe("Almaty programme: Build the Medeu kindergarten");
        var planned = await app.QueryAsync(db => db.Set<SocialFacility>().SingleAsync(f => f.State == FacilityState.Planned));
        (await planner.SubmitAsync($"/social/{Almaty}/facilities/{planned.Id}", "#facility-form", new() { ["Input.RoadmapActivityId"] = activityId.ToString(CultureInfo.InvariantCulture) }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.QueryAsync(db => db.Set<SocialFacility>().SingleAsync(f => f.Id == planned.Id))).RoadmapActivityId.ShouldBe(activityId);
        (await planner.SubmitAsync($"/social/{Almaty}/facilities/{planned.Id}", "#facility-form", new() { ["Input.RoadmapActivityId"] = "999999" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK, "an activity of no program of the territory is refused");

        var admin = await app.SignedInAsync();
        var link = (await admin.PageAsync($"/programs/{programId}/activity/{activityId}")).QuerySelector("#activity-facilities a")!;
        link.GetAttribute("href").ShouldBe($"/social/{Medeu}/facilities/{planned.Id}", "the facility under its district");
        link.TextContent.ShouldBe(planned.Name.En);

        var page = await planner.PageAsync($"/social/{Almaty}?kind=Kindergarten");
        page.QuerySelector($"#activity-what-if option[value='{planned.Id}']")!.TextContent.ShouldContain("Build the Medeu kindergarten");
        var byActivity = (await planner.PageAsync($"/social/{Almaty}?kind=Kindergarten&facility={planned.Id}")).QuerySelector("#what-if")!;
        var bySite = (await planner.PageAsync($"/social/{Almaty}?kind=Kindergarten&lat={Invariant(Latitude)}&lon={Invariant(Lon(10))}&capacity=100")).QuerySelector("#what-if")!;
        byActivity.GetAttribute("data-covered-gain").ShouldBe(bySite.GetAttribute("data-covered-gain"));
        byActivity.GetAttribute("data-shortage-after").ShouldBe(bySite.GetAttribute("data-shortage-after"));
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task The_population_is_estimated_from_the_buildings_of_the_stored_extract(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        await app.CreateUserAsync("social.planner", Password, [QalaRoles.Planner], Almaty);
        var planner = await app.SignedInAsync("social.planner", Password);
        const string page = $"/social/{Almaty}/import/population";
        var figures = new Dictionary<string, string>
        {
            ["Estimate.SquareMetresPerPerson"] = "25",
            ["Estimate.DefaultLevels"] = "2",
            ["Estimate.PeoplePerBuilding"] = "3",
            ["Estimate.Children1To6Percent"] = "8",
        };
        async Task<IDocument> EstimateAsync() => await (await planner.SubmitAsync(page, "#buildings-form", figures)).HtmlAsync();

        (await EstimateAsync()).QuerySelector("#buildings-errors")!.TextContent.ShouldContain("street network first");
        await UploadAsync(planner, $"/social/{Almaty}/import/network", "#network-form", "Network", "street.osm.pbf", Street());
        (await EstimateAsync()).QuerySelector("#buildings-errors")!.TextContent.ShouldContain("no buildings");

        // Monaco's extract, its western half standing for Almaly and its eastern for Medeu.
        byte[] monaco;
        await using (var resource = typeof(Qala.Web.Data.QalaDbContext).Assembly.GetManifestResourceStream("Qala.Demo.monaco.osm.pbf")!)
        {
            using var buffer = new MemoryStream();
            await resource.CopyToAsync(buffer);
            monaco = buffer.ToArray();
        }

        const double middle = 7.42;
        (await UploadAsync(planner, $"/social/{Almaty}/import/network", "#network-form", "Network", "monaco.osm.pbf", monaco)).QuerySelector("#import-done").ShouldNotBeNull();
        string Box(string code, double west, double east) => string.Format(CultureInfo.InvariantCulture,
            """{{"type":"Feature","properties":{{"code":"{0}"}},"geometry":{{"type":"Polygon","coordinates":[[[{1},43.6],[{2},43.6],[{2},43.8],[{1},43.8],[{1},43.6]]]}}}}""", code, west, east);
        var outlines = Encoding.UTF8.GetBytes($$"""{"type":"FeatureCollection","features":[{{Box(Almaly, 7.3, middle)}},{{Box(Medeu, middle, 7.6)}}]}""");
        (await UploadAsync(planner, $"/social/{Almaty}/import/network", "#outlines-form", "Outlines", "districts.geojson", outlines)).QuerySelector("#import-done").ShouldNotBeNull();
        await planner.CommitImportAsync(await planner.PreviewImportAsync(page, "homes.csv", PopulationCsv()), ImportMode.AllOrNothing);

        var rule = new PopulationRule(25, 2, 3);
        var homes = OsmAccessData.Read(new MemoryStream(monaco)).Buildings.Where(b => rule.Estimate(b) > 0).ToList();
        homes.Count.ShouldBe(HomeCount);
        homes.Sum(rule.Estimate).ShouldBe(People);
        var done = (await EstimateAsync()).QuerySelector("#buildings-done")!;
        (done.GetAttribute("data-points"), done.GetAttribute("data-people")).ShouldBe((HomeCount.ToString(CultureInfo.InvariantCulture), People.ToString(CultureInfo.InvariantCulture)));

        var stored = await app.QueryAsync(db => db.Set<PopulationPoint>().GroupBy(p => p.Territory!.Code)
            .Select(g => new { Code = g.Key, Points = g.Count(), People = g.Sum(p => p.Population), Children = g.Sum(p => p.Children1To6), Batches = g.Select(p => p.ImportBatchId).Distinct().Count() }).ToListAsync());
        // The homes of the file are replaced; every building lies in an outline.
        stored.Select(s => s.Code).Order().ShouldBe([Almaly, Medeu]);
        stored.Single(s => s.Code == Almaly).Points.ShouldBe(homes.Count(b => b.Point.Longitude < middle));
        stored.Sum(s => s.Points).ShouldBe(HomeCount);
        stored.Sum(s => s.People).ShouldBe(People);
        stored.Sum(s => s.Children!.Value).ShouldBe(homes.Sum(b => (int)Math.Round(rule.Estimate(b) * 0.08, MidpointRounding.AwayFromZero)));
        stored.ShouldAllBe(s => s.Batches == 1);
        var batch = await app.QueryAsync(db => db.Set<ImportBatch>().OrderByDescending(b => b.Id).FirstAsync());
        (batch.Kind, batch.FileName, batch.Added, batch.ImportedBy).ShouldBe(("social-population", "monaco.osm.pbf (buildings)", HomeCount, "social.planner"));
        (await planner.PageAsync(page)).QuerySelector($"#batches td")!.TextContent.ShouldBe(batch.Id.ToString(CultureInfo.InvariantCulture));
        (await app.QueryAsync(db => db.Set<Observation>().CountAsync(o => o.IsCurrent && o.Indicator!.Code == "QALA-KINDERGARTEN-500M" && o.Territory!.Code == Almaty)))
            .ShouldBe(0, "no kindergarten yet, no coverage to record");
        (await app.QueryAsync(db => db.Set<Qala.Web.Data.Audit.AuditEntry>().CountAsync(e => e.EntityType == "PopulationPoints")))
            .ShouldBeGreaterThan(HomeCount, "each point's insertion is in the audit log");
    }

    private const int HomeCount = 21_164;
    private const int People = 198_573;

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task Another_citys_planner_is_refused(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        await app.CreateUserAsync("astana.planner", Password, [QalaRoles.Planner], "710000000");
        var other = await app.SignedInAsync("astana.planner", Password);
        foreach (var url in new[] { $"/social/{Almaty}", $"/social/{Almaty}/map", $"/social/{Almaty}/facilities", $"/social/{Almaty}/import/facilities", $"/social/{Almaty}/import/network", $"/social/{Almaty}/facilities/new" })
        {
            (await other.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, url);
        }

        (await other.PageAsync("/social")).QuerySelector($"#territories tr[data-territory='{Almaty}']").ShouldBeNull();
        (await app.Browser().GetAsync($"/social/{Almaty}")).StatusCode.ShouldBe(HttpStatusCode.Redirect, "sign-in first");
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task The_demo_is_a_labelled_sample_extract_with_coverage_by_district(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind, new Dictionary<string, string?> { [Qala.Web.Data.DatabaseSettings.DemoSocialInfrastructureKey] = "true" });
        var admin = await app.SignedInAsync();
        var page = await admin.PageAsync("/social/790000000?kind=School");
        page.QuerySelector("#demo-badge")!.TextContent.ShouldContain("Sample extract");
        var coverage = page.QuerySelector("#coverage")!;
        Number(coverage, "data-share").ShouldBeInRange(0.01, 0.99);
        Number(coverage, "data-demand").ShouldBeGreaterThan(1000);
        page.QuerySelectorAll("#districts tr[data-district]").Select(r => r.GetAttribute("data-district")).ShouldBe(["791110000", "791310000"]);
        using var data = System.Text.Json.JsonDocument.Parse(await admin.GetStringAsync("/social/790000000/map?handler=Data&kind=School"));
        data.RootElement.GetProperty("districts").GetArrayLength().ShouldBe(2);
        data.RootElement.GetProperty("facilities").GetArrayLength().ShouldBe(16, "Monaco's schools");
        (await admin.PageAsync("/social/790000000/map?kind=School")).QuerySelector("#social-map[data-url]").ShouldNotBeNull();
    }

    private static double Number(IElement element, string attribute) =>
        double.Parse(element.GetAttribute(attribute)!, CultureInfo.InvariantCulture);

    private static async Task<IDocument> UploadAsync(HttpClient client, string page, string formSelector, string handler, string fileName, byte[] content)
    {
        var token = (await client.PageAsync(page)).QuerySelector($"{formSelector} input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(content), "Upload", fileName },
        };
        var response = await client.PostAsync($"{page}?handler={handler}", form);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.HtmlAsync();
    }
}
