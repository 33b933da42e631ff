using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qala.Web.Data;
using Qala.Web.Features.Participation;
using Qala.Web.Features.SocialInfrastructure;
using Qala.Web.Features.Territories;
using Qala.Web.Infrastructure.Auth;
using Qala.Web.Infrastructure.Email;
using Qala.Web.Tests.Infrastructure;

namespace Qala.Web.Tests.Participation;

/// <summary>
/// Public participation through HTTP: a discussion opened by the strategy office, a citizen's suggestion with their
/// consent, moderation, routing to the agency of its topic, the answer with its decision and e-mail, and the
/// "you said, we did" report — with the rules on confidential suggestions, personal data and hostile text.
/// </summary>
public sealed class ParticipationTests
{
    private const string Password = "participation-password-1";
    private const string Almaty = "750000000";
    private const string Karaganda = "350000000";
    private const string Hostile = "<script>alert('x')</script><img src=x onerror=alert(1)> Plant trees along Abai avenue";

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task A_suggestion_goes_from_the_citizen_to_the_agency_and_back_into_the_report(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        await app.CreateUserAsync("strategy", Password, [QalaRoles.Planner], Almaty);
        await app.CreateUserAsync("moderator", Password, [QalaRoles.Moderator], Almaty);
        await app.CreateUserAsync("ecology.officer", Password, [QalaRoles.AgencyOfficer], Almaty, "ALA-ECOLOGY");
        var planner = await app.SignedInAsync("strategy", Password);

        // The strategy office creates the discussion and opens it.
        var almatyId = await app.QueryAsync(db => db.Set<Territory>().Where(t => t.Code == Almaty).Select(t => t.Id).SingleAsync());
        var created = await planner.SubmitAsync("/consultations/new/edit", "#consultation-form", new()
        {
            ["Title.Kk"] = "Алматы-2020 бағдарламасын талқылау",
            ["Title.Ru"] = "Обсуждение программы «Алматы-2020»",
            ["Title.En"] = "Discussion of the Almaty-2020 program",
            ["TerritoryId"] = almatyId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["OpensOn"] = "2026-11-01",
            ["ClosesOn"] = "2026-12-31",
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var consultation = created.Headers.Location!.OriginalString;
        var id = int.Parse(consultation.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        (await app.Browser().GetAsync($"/consultations/{id}/suggest")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await app.Browser().GetAsync($"/consultations/{id}/suggest")).HtmlAsync()).QuerySelector("#closed").ShouldNotBeNull("an announced discussion takes no suggestions yet");
        (await planner.SubmitAsync(consultation, "form[data-move='Open']", [])).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        // A citizen writes in Russian, leaves an e-mail address with consent, and double-clicks: one suggestion.
        var citizen = app.Browser("ru");
        var form = (IHtmlFormElement)(await citizen.PageAsync($"/consultations/{id}/suggest")).QuerySelector("#suggestion-form")!;
        var fields = new Dictionary<string, string> { ["Text"] = Hostile, ["Email"] = "citizen@example.kz", ["ContactName"] = "Айгуль", ["Consent"] = "true" };
        var sent = await citizen.SubmitAsync(form, fields);
        sent.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var again = await citizen.SubmitAsync(form, fields);
        again.Headers.Location.ShouldBe(sent.Headers.Location, "the same form posted twice gives the same receipt");
        var stored = await app.QueryAsync(db => db.Set<Suggestion>().Include(s => s.Contact).SingleAsync(s => s.ConsultationId == id));
        stored.Language.ShouldBe("ru");
        stored.Contact!.ConsentPurpose.ShouldBe(SuggestionContact.AnswerPurpose);
        var receiptUrl = sent.Headers.Location!.OriginalString;
        (await citizen.PageAsync(receiptUrl)).QuerySelector("#sent").ShouldNotBeNull("the receipt thanks the citizen after sending");
        var receipt = await citizen.GetStringAsync(receiptUrl);
        receipt.ShouldNotContain("<script>alert", Case.Sensitive, "citizens' text is encoded");
        receipt.ShouldNotContain("<img src=x", Case.Sensitive);
        receipt.ShouldContain("&lt;script&gt;");

        // Not public until moderated: the report lists nothing and the receipt says so.
        var moderator = await app.SignedInAsync("moderator", Password);
        var handle = $"/participation/suggestions/{stored.Id}";
        var moderation = await moderator.PageAsync(handle);
        moderation.QuerySelector("#contact")!.TextContent.ShouldContain("citizen@example.kz");
        (await moderator.SubmitAsync(handle, "#publish-form", [])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await moderator.SubmitAsync(handle, "#topic-form", new() { ["topicId"] = await TopicIdAsync(app, "ecology") })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var routed = await app.QueryAsync(db => db.Set<Suggestion>().Include(s => s.Agency).SingleAsync(s => s.Id == stored.Id));
        routed.State.ShouldBe(SuggestionState.Published);
        routed.Agency!.Code.ShouldBe("ALA-ECOLOGY");
        routed.AnswerDue.ShouldNotBeNull();
        routed.TopicConfirmedBy.ShouldBe("moderator");
        var list = await app.Browser().GetStringAsync($"/consultations/{id}/suggestions");
        list.ShouldContain($"data-suggestion=\"{stored.Id}\"");
        list.ShouldNotContain("<script>alert", Case.Sensitive);

        // The ecology department finds it in its inbox; it reads no contact data.
        var officer = await app.SignedInAsync("ecology.officer", Password);
        var inbox = await officer.PageAsync("/participation/suggestions?show=unanswered");
        inbox.QuerySelectorAll("#suggestions tr[data-suggestion]").Select(r => r.GetAttribute("data-suggestion")).ShouldBe([stored.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        var officerPage = await officer.PageAsync(handle);
        officerPage.QuerySelector("#contact").ShouldBeNull();
        officerPage.QuerySelector("#moderation").ShouldBeNull();

        // "Not accepted" needs a reason; then the answer is saved and the citizen is told in Russian.
        var noReason = await officer.SubmitAsync(handle, "#answer-form", new() { ["decision"] = "NotAccepted", ["answer"] = "Avenue trees are planned by the city." });
        noReason.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await officer.PageAsync(handle)).QuerySelector("#handle-error")!.TextContent.ShouldBe("Give the reason for not accepting it.");
        (await app.QueryAsync(db => db.Set<Suggestion>().SingleAsync(s => s.Id == stored.Id))).Decision.ShouldBeNull();
        (await officer.SubmitAsync(handle, "#answer-form", new() { ["decision"] = "NotAccepted", ["answer"] = "The avenue's trees are renewed in 2027.", ["reason"] = "Already in the city's greening plan." }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var mail = await app.QueryAsync(db => db.Set<OutboxMessage>().SingleAsync(m => m.To == "citizen@example.kz"));
        mail.Language.ShouldBe("ru");
        mail.Subject.ShouldBe("Ваше предложение рассмотрено");
        mail.Body.ShouldContain($"http://localhost/suggestions/{stored.PublicCode}");
        (await citizen.PageAsync(receiptUrl)).QuerySelector("#decision [data-decision]")!.GetAttribute("data-decision").ShouldBe("NotAccepted");

        // The report is a draft for the organisers until published, then public with the decision.
        (await app.Browser().GetAsync($"/consultations/{id}/report")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await planner.PageAsync($"/consultations/{id}/report")).QuerySelector("#report-draft").ShouldNotBeNull();
        (await planner.SubmitAsync(consultation, "form[data-move='Summarising']", [])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await planner.SubmitAsync(consultation, "form[data-move='ReportPublished']", [])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var report = await app.Browser().PageAsync($"/consultations/{id}/report");
        report.QuerySelector("#report-draft").ShouldBeNull();
        var row = report.QuerySelector($"tr[data-suggestion='{stored.Id}']")!;
        row.QuerySelector("[data-decision]")!.GetAttribute("data-decision").ShouldBe("NotAccepted");
        row.QuerySelector("[data-reason]")!.TextContent.ShouldBe("Already in the city's greening plan.");
        report.QuerySelector("[data-total='suggestions']")!.TextContent.ShouldBe("1");
        report.QuerySelectorAll("#top-requests tbody tr").Select(r => r.GetAttribute("data-top")).ShouldBe([stored.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        (await app.Browser().GetStringAsync($"/consultations/{id}/report")).ShouldNotContain("citizen@example.kz");

        // The same report as Word and Excel documents.
        var docx = await app.Browser().GetByteArrayAsync($"/consultations/{id}/report?handler=Export&format=docx");
        using (var word = WordprocessingDocument.Open(new MemoryStream(docx), false))
        {
            word.MainDocumentPart!.Document!.Body!.InnerText.ShouldContain("Already in the city's greening plan.");
        }

        var xlsx = await app.Browser().GetByteArrayAsync($"/consultations/{id}/report?handler=Export&format=xlsx");
        using (var excel = SpreadsheetDocument.Open(new MemoryStream(xlsx), false))
        {
            excel.WorkbookPart!.Workbook!.Sheets!.ChildElements.Count.ShouldBe(3, "totals, top requests and the answers");
        }

        // A closed discussion takes no more suggestions from the web.
        var late = await citizen.SubmitAsync(form, new() { ["Text"] = "One more idea about the avenue's trees.", ["SubmissionKey"] = Guid.NewGuid().ToString() });
        late.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.QueryAsync(db => db.Set<Suggestion>().CountAsync())).ShouldBe(1);
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task A_confidential_suggestion_is_never_public_and_is_read_only_by_moderators_and_its_agency(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        var id = await OpenConsultationAsync(app);
        await app.CreateUserAsync("strategy", Password, [QalaRoles.Planner], Almaty);
        await app.CreateUserAsync("moderator", Password, [QalaRoles.Moderator], Almaty);
        await app.CreateUserAsync("akimat.officer", Password, [QalaRoles.AgencyOfficer], Almaty, "ALA-AKIMAT");
        var code = await SuggestAsync(app, id, "An official of the district asked for money to sign a permit.", confidential: true);
        var suggestion = await app.QueryAsync(db => db.Set<Suggestion>().SingleAsync(s => s.PublicCode == code));
        suggestion.Confidential.ShouldBeTrue();

        var moderator = await app.SignedInAsync("moderator", Password);
        var handle = $"/participation/suggestions/{suggestion.Id}";
        (await moderator.SubmitAsync(handle, "#publish-form", [])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await moderator.PageAsync(handle)).QuerySelector("#handle-error")!.TextContent.ShouldBe("A confidential suggestion is never published.");
        (await moderator.SubmitAsync(handle, "#topic-form", new() { ["topicId"] = await TopicIdAsync(app, "corruption") })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.QueryAsync(db => db.Set<Suggestion>().Include(s => s.Agency).SingleAsync(s => s.Id == suggestion.Id))).Agency!.Code.ShouldBe("ALA-AKIMAT");

        // The strategy office neither lists nor opens it; the answering agency does.
        var planner = await app.SignedInAsync("strategy", Password);
        (await planner.PageAsync("/participation/suggestions")).QuerySelector($"tr[data-suggestion='{suggestion.Id}']").ShouldBeNull();
        (await planner.GetAsync(handle)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var officer = await app.SignedInAsync("akimat.officer", Password);
        (await officer.GetAsync(handle)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // The public sees neither its text on the discussion nor anything on the receipt but its state.
        (await app.Browser().GetStringAsync($"/consultations/{id}")).ShouldNotContain("asked for money");
        (await app.Browser().GetStringAsync($"/consultations/{id}/suggestions")).ShouldNotContain("asked for money");
        (await app.Browser("en").PageAsync($"/suggestions/{code}")).QuerySelector("#publication")!.TextContent.Trim().ShouldBe("Confidential: it is never published.");
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task Staff_outside_the_agency_or_the_territory_are_refused(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        var id = await OpenConsultationAsync(app);
        await app.CreateUserAsync("moderator", Password, [QalaRoles.Moderator], Almaty);
        await app.CreateUserAsync("edu.officer", Password, [QalaRoles.AgencyOfficer], Almaty, "ALA-EDU");
        await app.CreateUserAsync("karaganda.moderator", Password, [QalaRoles.Moderator], Karaganda);
        var code = await SuggestAsync(app, id, "More buses on route 92 in the mornings, please.");
        var suggestionId = await app.QueryAsync(db => db.Set<Suggestion>().Where(s => s.PublicCode == code).Select(s => s.Id).SingleAsync());
        var moderator = await app.SignedInAsync("moderator", Password);
        var handle = $"/participation/suggestions/{suggestionId}";
        (await moderator.SubmitAsync(handle, "#topic-form", new() { ["topicId"] = await TopicIdAsync(app, "public-transport") })).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var edu = await app.SignedInAsync("edu.officer", Password);
        (await edu.GetAsync(handle)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await edu.PageAsync("/participation/suggestions")).QuerySelector($"tr[data-suggestion='{suggestionId}']").ShouldBeNull();

        // A form of their own (the sign-out form, with a valid token) aimed at the suggestion's answer is refused and changes nothing.
        var form = (IHtmlFormElement)(await edu.PageAsync("/participation/suggestions")).QuerySelector("form[action='/account/sign-out']")!;
        form.SetAttribute("action", $"{handle}?handler=Answer");
        var forged = await edu.SubmitAsync(form, new() { ["decision"] = "Included", ["answer"] = "forged", ["version"] = Guid.Empty.ToString() });
        forged.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.QueryAsync(db => db.Set<Suggestion>().SingleAsync(s => s.Id == suggestionId))).Decision.ShouldBeNull();

        var karaganda = await app.SignedInAsync("karaganda.moderator", Password);
        (await karaganda.GetAsync(handle)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.Browser().GetAsync(handle)).StatusCode.ShouldBe(HttpStatusCode.Redirect, "an anonymous visitor is sent to sign in");
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task Bad_submissions_are_refused_field_by_field_and_store_nothing(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        var id = await OpenConsultationAsync(app);
        var citizen = app.Browser("en");
        var page = $"/consultations/{id}/suggest";

        var response = await citizen.SubmitAsync(page, "#suggestion-form", new() { ["Text"] = "short", ["Email"] = "not an address", ["Phone"] = "call me" });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var form = await response.HtmlAsync();
        Message(form, "Text").ShouldBe("Write your suggestion in at least 10 characters.");
        Message(form, "Email").ShouldBe("This is not a valid e-mail address.");
        Message(form, "Phone").ShouldBe("A phone number has digits, spaces and + - ( ) only.");

        var noConsent = await (await citizen.SubmitAsync(page, "#suggestion-form", new() { ["Text"] = "A long enough suggestion about parks.", ["Email"] = "a@example.kz" })).HtmlAsync();
        Message(noConsent, "Consent").ShouldBe("Give your consent to keep your contact details, or leave them out.");

        var tooLong = await (await citizen.SubmitAsync(page, "#suggestion-form", new() { ["Text"] = new string('a', Suggestion.MaxTextLength + 1) })).HtmlAsync();
        Message(tooLong, "Text").ShouldBe("A suggestion can be at most 5,000 characters long.");

        // A robot that fills the hidden field is thanked and ignored.
        (await citizen.SubmitAsync(page, "#suggestion-form", new() { ["Text"] = "Buy cheap watches at example dot com", ["Website"] = "http://spam.example" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.QueryAsync(db => db.Set<Suggestion>().CountAsync())).ShouldBe(0);
        (await app.QueryAsync(db => db.Set<SuggestionContact>().CountAsync())).ShouldBe(0);
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task A_place_on_the_map_finds_its_district_and_is_shown_to_staff_only(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        var id = await OpenConsultationAsync(app);
        await app.CreateUserAsync("moderator", Password, [QalaRoles.Moderator], Almaty);
        var district = await app.QueryAsync(async db =>
        {
            var almaty = await db.Set<Territory>().SingleAsync(t => t.Code == Almaty);
            var first = await db.Set<Territory>().Where(t => t.ParentId == almaty.Id && t.ValidTo == null).OrderBy(t => t.Code).FirstAsync();
            db.Add(new DistrictOutline { TerritoryId = first.Id, Geometry = """{"type":"Polygon","coordinates":[[[76.90,43.20],[77.00,43.20],[77.00,43.30],[76.90,43.30],[76.90,43.20]]]}""" });
            await db.SaveChangesAsync();
            return first;
        });
        var outlines = await app.Browser().GetStringAsync($"/consultations/{id}/suggest?handler=Outlines");
        outlines.ShouldContain("Polygon");

        // A citizen writing in Russian types the latitude with a comma; the district comes from the outline.
        var citizen = app.Browser("ru");
        var page = $"/consultations/{id}/suggest";
        var sent = await citizen.SubmitAsync(page, "#suggestion-form", new() { ["Text"] = "Почините фонарь у остановки на этом углу.", ["Latitude"] = "43,25", ["Longitude"] = "76.95" });
        sent.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var code = sent.Headers.Location!.OriginalString.Split('/').Last().Split('?')[0];
        var stored = await app.QueryAsync(db => db.Set<Suggestion>().SingleAsync(s => s.PublicCode == code));
        (stored.Latitude, stored.Longitude, stored.DistrictId).ShouldBe((43.25, 76.95, (int?)district.Id));

        var moderator = await app.SignedInAsync("moderator", Password);
        var handle = $"/participation/suggestions/{stored.Id}";
        var shown = await moderator.PageAsync(handle);
        shown.QuerySelector("#place")!.TextContent.ShouldContain("43.25, 76.95");
        shown.QuerySelector("#point-map")!.GetAttribute("data-point").ShouldBe("43.25,76.95");
        (await moderator.SubmitAsync(handle, "#publish-form", [])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var published = await app.Browser().GetStringAsync($"/consultations/{id}/suggestions");
        published.ShouldContain("Почините фонарь");
        published.ShouldNotContain("43.25");
        (await app.Browser().GetStringAsync($"/suggestions/{code}")).ShouldNotContain("43.25");

        // One coordinate, or one out of range, or not a number: refused by field, nothing stored.
        var before = await app.QueryAsync(db => db.Set<Suggestion>().CountAsync());
        var english = app.Browser("en");
        var half = await (await english.SubmitAsync(page, "#suggestion-form", new() { ["Text"] = "A bench here would help the elderly.", ["Latitude"] = "43.25" })).HtmlAsync();
        Message(half, "Longitude").ShouldBe("Give both coordinates of the place, or neither.");
        var wrong = await (await english.SubmitAsync(page, "#suggestion-form", new() { ["Text"] = "A bench here would help the elderly.", ["Latitude"] = "95", ["Longitude"] = "east" })).HtmlAsync();
        Message(wrong, "Longitude").ShouldBe("The longitude is a number of degrees from -180 to 180.");
        var outOfRange = await (await english.SubmitAsync(page, "#suggestion-form", new() { ["Text"] = "A bench here would help the elderly.", ["Latitude"] = "95", ["Longitude"] = "76.9" })).HtmlAsync();
        Message(outOfRange, "Latitude").ShouldBe("The latitude is a number of degrees from -90 to 90.");
        (await app.QueryAsync(db => db.Set<Suggestion>().CountAsync())).ShouldBe(before);
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task An_administrator_adds_a_topic_routes_it_to_an_agency_and_suggestions_follow(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        var id = await OpenConsultationAsync(app);
        await app.CreateUserAsync("almaty.admin", Password, [QalaRoles.Administrator], Almaty);
        await app.CreateUserAsync("moderator", Password, [QalaRoles.Moderator], Almaty);
        var admin = await app.SignedInAsync("almaty.admin", Password);
        var (ecology, karagandaId) = await app.QueryAsync(async db => (
            await db.Set<Qala.Web.Features.Agencies.Agency>().Where(a => a.Code == "ALA-ECOLOGY").Select(a => a.Id).SingleAsync(),
            await db.Set<Territory>().Where(t => t.Code == Karaganda).Select(t => t.Id).SingleAsync()));

        // Only the administrator's territories with agencies are offered; a bad or taken code is refused.
        var form = await admin.PageAsync("/participation/topics/new");
        var row = form.QuerySelector($"#topic-routes tr[data-territory='{Almaty}']").ShouldNotBeNull();
        form.QuerySelector($"#topic-routes tr[data-territory='{Karaganda}']").ShouldBeNull();
        var route = row.QuerySelector("select")!.GetAttribute("name")!;
        var names = new Dictionary<string, string> { ["Name.Kk"] = "Қар тазалау", ["Name.Ru"] = "Уборка снега", ["Name.En"] = "Snow removal" };
        var bad = await (await admin.SubmitAsync("/participation/topics/new", "#topic-edit-form", new(names) { ["Code"] = "Snow Removal" })).HtmlAsync();
        Message(bad, "Code").ShouldBe("A code is 2 to 40 small Latin letters, digits and hyphens, starting with a letter.");
        var taken = await (await admin.SubmitAsync("/participation/topics/new", "#topic-edit-form", new(names) { ["Code"] = "ecology" })).HtmlAsync();
        Message(taken, "Code").ShouldBe("Another topic has this code.");

        var saved = await admin.SubmitAsync("/participation/topics/new", "#topic-edit-form", new(names) { ["Code"] = "snow-removal", [route] = ecology.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var topic = await app.QueryAsync(db => db.Set<Topic>().Include(t => t.Routes).SingleAsync(t => t.Code == "snow-removal"));
        topic.Name.Ru.ShouldBe("Уборка снега");
        topic.Routes.Single().AgencyId.ShouldBe(ecology);
        (await admin.PageAsync("/participation/topics")).QuerySelector("tr[data-topic='snow-removal']")!.TextContent.ShouldContain("Snow removal");

        // A suggestion given the new topic goes to its agency.
        var code = await SuggestAsync(app, id, "Clear the snow from the pavements of Dostyk avenue.");
        var suggestionId = await app.QueryAsync(db => db.Set<Suggestion>().Where(s => s.PublicCode == code).Select(s => s.Id).SingleAsync());
        var moderator = await app.SignedInAsync("moderator", Password);
        var topicId = topic.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        (await moderator.SubmitAsync($"/participation/suggestions/{suggestionId}", "#topic-form", new() { ["topicId"] = topicId })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.QueryAsync(db => db.Set<Suggestion>().SingleAsync(s => s.Id == suggestionId))).AgencyId.ShouldBe(ecology);

        // Renaming keeps the code; a stale form is refused; a route to another territory is forbidden; others may not edit.
        var edit = $"/participation/topics/{topic.Id}";
        var stale = (IHtmlFormElement)(await admin.PageAsync(edit)).QuerySelector("#topic-edit-form")!;
        (await admin.SubmitAsync(edit, "#topic-edit-form", new() { ["Name.En"] = "Snow and ice removal", ["IsConfidential"] = "false" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var refused = await (await admin.SubmitAsync(stale, new() { ["Name.En"] = "Winter" })).HtmlAsync();
        refused.QuerySelector(".validation-summary-errors")!.TextContent.ShouldContain("Someone else changed this record");
        (await admin.SubmitAsync(edit, "#topic-edit-form", new() { [route.Replace("AgencyId", "TerritoryId", StringComparison.Ordinal)] = karagandaId.ToString(System.Globalization.CultureInfo.InvariantCulture) })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await moderator.GetAsync(edit)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var after = await app.QueryAsync(db => db.Set<Topic>().Include(t => t.Routes).SingleAsync(t => t.Id == topic.Id));
        (after.Code, after.Name.En, after.Routes.Single().AgencyId).ShouldBe(("snow-removal", "Snow and ice removal", ecology));
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task Staff_enter_a_meetings_suggestions_all_or_nothing_and_merge_repeats(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        var id = await OpenConsultationAsync(app);
        await app.CreateUserAsync("moderator", Password, [QalaRoles.Moderator], Almaty);
        var moderator = await app.SignedInAsync("moderator", Password);
        var enter = $"/consultations/{id}/enter";

        // One paragraph too short: nothing is stored.
        var refused = await moderator.SubmitAsync(enter, "#enter-form", new() { ["Channel"] = "Paper", ["Texts"] = "Repair the pavement on Tole bi street near the school.\n\nok" });
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await refused.HtmlAsync()).QuerySelector(".validation-summary-errors, [data-valmsg-for='Texts']")!.TextContent.ShouldContain("Suggestion 2");
        (await app.QueryAsync(db => db.Set<Suggestion>().CountAsync())).ShouldBe(0);

        var texts = "Repair the pavement on Tole bi street near the school number 12.\n\n"
            + "Please repair the pavement on Tole bi street near school number 12!\n\n"
            + "Open a new kindergarten in the Alatau district.";
        (await moderator.SubmitAsync(enter, "#enter-form", new() { ["Channel"] = "Paper", ["Texts"] = texts, ["TopicId"] = await TopicIdAsync(app, "roads") }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stored = await app.QueryAsync(db => db.Set<Suggestion>().OrderBy(s => s.Id).ToListAsync());
        stored.Count.ShouldBe(3);
        stored.ShouldAllBe(s => s.Channel == SuggestionChannel.Paper && s.EnteredBy == "moderator");
        (await moderator.PageAsync($"/participation/suggestions?consultation={id}")).QuerySelector("#inbox-total")!.GetAttribute("data-total").ShouldBe("3");

        // The second is a near-repeat of the first: offered for merging, and merged its supporter counts.
        var second = $"/participation/suggestions/{stored[1].Id}";
        var page = await moderator.PageAsync(second);
        page.QuerySelectorAll("#duplicates [data-duplicate]").Select(d => d.GetAttribute("data-duplicate")).ShouldBe([stored[0].Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        (await moderator.SubmitAsync(second, "#duplicates form", [])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var merged = await app.QueryAsync(db => db.Set<Suggestion>().OrderBy(s => s.Id).ToListAsync());
        merged[1].DuplicateOfId.ShouldBe(stored[0].Id);
        merged[0].Supporters.ShouldBe(2);
        (await moderator.PageAsync($"/participation/suggestions/{stored[0].Id}")).QuerySelector($"#merged [data-merged='{stored[1].Id}']").ShouldNotBeNull();
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task Near_duplicate_groups_are_shown_per_discussion_and_merged_into_the_one_kept(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        var id = await OpenConsultationAsync(app);
        await app.CreateUserAsync("moderator", Password, [QalaRoles.Moderator], Almaty);
        await app.CreateUserAsync("planner", Password, [QalaRoles.Planner], Almaty);
        await app.CreateUserAsync("officer", Password, [QalaRoles.AgencyOfficer], Almaty, agencyCode: "ALA-EDU");
        var (moderator, planner) = (await app.SignedInAsync("moderator", Password), await app.SignedInAsync("planner", Password));
        var texts = "Repair the pavement on Tole bi street near the school number 12.\n\n"
            + "Please repair the pavement on Tole bi street near school number 12!\n\n"
            + "Repair the pavement on Tole bi street near the school number 12, please.\n\n"
            + "Open a new kindergarten in the Alatau district.\n\n"
            + "Plant trees along Abai avenue in the city centre.\n\n"
            + "Open a new kindergarten in the Alatau district, please.";
        (await moderator.SubmitAsync($"/consultations/{id}/enter", "#enter-form", new() { ["Channel"] = "Paper", ["Texts"] = texts }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await SuggestAsync(app, id, "Repair the pavement on Tole bi street near the school number 12 now.", confidential: true);
        var ids = (await app.QueryAsync(db => db.Set<Suggestion>().OrderBy(s => s.Id).Select(s => s.Id).ToListAsync()))
            .Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var page = $"/participation/duplicates?consultation={id}";

        static List<string> Groups(IDocument page) => [.. page.QuerySelectorAll(".duplicate-group").Select(g => g.GetAttribute("data-members")!)];
        Groups(await moderator.PageAsync(page)).ShouldBe([$"{ids[0]},{ids[1]},{ids[2]},{ids[6]}", $"{ids[3]},{ids[5]}"]);
        var planners = await planner.PageAsync(page);
        Groups(planners).ShouldBe([$"{ids[0]},{ids[1]},{ids[2]}", $"{ids[3]},{ids[5]}"], "the strategy office does not see the confidential report");
        planners.QuerySelector(".duplicate-group")!.TextContent.ShouldNotContain("now.");
        (await (await app.SignedInAsync("officer", Password)).GetAsync(page)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await moderator.PageAsync($"/participation/suggestions?consultation={id}")).QuerySelector("#duplicates-link")!.GetAttribute("href").ShouldBe(page);

        var merged = await planner.SubmitAsync((IHtmlFormElement)planners.QuerySelectorAll(".duplicate-group")[0], new() { ["into"] = ids[1] });
        merged.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await planner.PageAsync(merged.Headers.Location!.OriginalString)).QuerySelector("#duplicates-saved")!.TextContent.ShouldContain($"2 suggestions merged into #{ids[1]}");
        var stored = await app.QueryAsync(db => db.Set<Suggestion>().OrderBy(s => s.Id).ToListAsync());
        (stored[0].DuplicateOfId, stored[2].DuplicateOfId, stored[1].DuplicateOfId, stored[1].Supporters).ShouldBe((stored[1].Id, stored[1].Id, null, 3));
        Groups(await moderator.PageAsync(page)).ShouldBe([$"{ids[1]},{ids[6]}", $"{ids[3]},{ids[5]}"], "a merged suggestion leaves its group");

        // The kindergarten group, merged by the moderator while the planner's page still shows it: the planner's post changes nothing.
        var stale = (IHtmlFormElement)planners.QuerySelectorAll(".duplicate-group")[1];
        (await moderator.SubmitAsync(page, $".duplicate-group[data-members='{ids[3]},{ids[5]}']", [])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var refused = await planner.SubmitAsync(stale, new() { ["into"] = ids[5] });
        (await planner.PageAsync(refused.Headers.Location!.OriginalString)).QuerySelector("#duplicates-error").ShouldNotBeNull();
        var after = await app.QueryAsync(db => db.Set<Suggestion>().OrderBy(s => s.Id).ToListAsync());
        (after[5].DuplicateOfId, after[3].Supporters).ShouldBe((after[3].Id, 2));
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task A_change_on_a_stale_page_is_refused(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        var id = await OpenConsultationAsync(app);
        await app.CreateUserAsync("moderator", Password, [QalaRoles.Moderator], Almaty);
        var code = await SuggestAsync(app, id, "Light the footpath along the Esentai river.");
        var suggestionId = await app.QueryAsync(db => db.Set<Suggestion>().Where(s => s.PublicCode == code).Select(s => s.Id).SingleAsync());
        var moderator = await app.SignedInAsync("moderator", Password);
        var handle = $"/participation/suggestions/{suggestionId}";
        var stale = (IHtmlFormElement)(await moderator.PageAsync(handle)).QuerySelector("#hide-form")!;

        (await moderator.SubmitAsync(handle, "#publish-form", [])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await moderator.SubmitAsync(stale, new() { ["reason"] = "Abusive" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await moderator.PageAsync(handle)).QuerySelector("#handle-error")!.TextContent.ShouldStartWith("Someone else changed this record");
        (await app.QueryAsync(db => db.Set<Suggestion>().SingleAsync(s => s.Id == suggestionId))).State.ShouldBe(SuggestionState.Published);
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task The_topic_model_learns_from_confirmed_topics_and_proposes_them(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind, new Dictionary<string, string?> { ["Qala:Participation:MinTrainingExamples"] = "4" });
        var id = await OpenConsultationAsync(app);
        await app.CreateUserAsync("moderator", Password, [QalaRoles.Moderator], Almaty);
        var moderator = await app.SignedInAsync("moderator", Password);
        var admin = await app.SignedInAsync();
        (await admin.PageAsync("/participation/topics")).QuerySelector("#no-model").ShouldNotBeNull();
        (await moderator.GetAsync("/participation/topics")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        (await admin.SubmitAsync("/participation/topics", "#train-form", [])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await admin.PageAsync("/participation/topics")).QuerySelector("#topics-error").ShouldNotBeNull("nothing confirmed yet");

        var enter = $"/consultations/{id}/enter";
        (await moderator.SubmitAsync(enter, "#enter-form", new()
        {
            ["Channel"] = "Paper",
            ["TopicId"] = await TopicIdAsync(app, "street-lighting"),
            ["Texts"] = "The street lamps on Abai avenue are broken.\n\nNo street lights in our yard at night.\n\nInstall street lamps along the river path."
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await moderator.SubmitAsync(enter, "#enter-form", new()
        {
            ["Channel"] = "Paper",
            ["TopicId"] = await TopicIdAsync(app, "public-transport"),
            ["Texts"] = "More buses on route 92 in the mornings.\n\nThe bus stop needs a timetable for each bus.\n\nA new bus route to the airport, please."
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await admin.SubmitAsync("/participation/topics", "#train-form", [])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await admin.PageAsync("/participation/topics")).QuerySelector("#topic-model [data-examples]")!.GetAttribute("data-examples").ShouldBe("6");

        var code = await SuggestAsync(app, id, "The lamps in our street have been broken for a month.");
        var suggestion = await app.QueryAsync(db => db.Set<Suggestion>().Include(s => s.SuggestedTopic).SingleAsync(s => s.PublicCode == code));
        suggestion.SuggestedTopic!.Code.ShouldBe("street-lighting");
        suggestion.TopicConfirmedBy.ShouldBeNull();
        suggestion.AgencyId.ShouldBeNull("a proposed topic is not routed until a person confirms it");
        (await moderator.PageAsync($"/participation/suggestions/{suggestion.Id}")).QuerySelector("#topic-suggested").ShouldNotBeNull();

        // The same training from the command line, as an operator runs it after entering a meeting's suggestions.
        var (exit, stdout, stderr) = await QalaProcess.RunAsync(["topics-train"], app.ProcessEnvironment(new() { ["Qala__Participation__MinTrainingExamples"] = "4" }));
        exit.ShouldBe(0, stderr);
        var trained = JsonDocument.Parse(stdout).RootElement;
        trained.GetProperty("trained").GetBoolean().ShouldBeTrue();
        trained.GetProperty("examples").GetInt32().ShouldBe(6);
        trained.GetProperty("labels").EnumerateArray().Select(l => l.GetString()).ShouldBe(["public-transport", "street-lighting"]);
        (await app.QueryAsync(db => db.Set<TopicModelSnapshot>().CountAsync())).ShouldBe(1, "the newest model replaces the one before");
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task A_post_to_a_discussion_closed_since_its_form_was_read_is_refused_and_nothing_is_stored(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        var id = await OpenConsultationAsync(app);
        var citizen = app.Browser("en");
        var form = (IHtmlFormElement)(await citizen.PageAsync($"/consultations/{id}/suggest")).QuerySelector("#suggestion-form")!;

        // Closed by another node: this node still remembers the discussion as open, the writer's batch reads it again.
        await app.QueryAsync(db => db.Set<Consultation>().Where(c => c.Id == id)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.Phase, ConsultationPhase.Summarising)));
        var response = await citizen.SubmitAsync(form, new() { ["Text"] = "Light the path along the Esentai river." });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("This consultation does not accept suggestions now.");
        (await app.QueryAsync(db => db.Set<Suggestion>().CountAsync(s => s.ConsultationId == id))).ShouldBe(0);

        // Opened again: the form takes suggestions at once, however recently this node read it closed.
        await app.QueryAsync(db => db.Set<Consultation>().Where(c => c.Id == id)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.Phase, ConsultationPhase.Open)));
        (await citizen.SubmitAsync(form, new() { ["Text"] = "Light the path along the Esentai river." })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.QueryAsync(db => db.Set<Suggestion>().CountAsync(s => s.ConsultationId == id))).ShouldBe(1);
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task A_flood_from_one_client_gets_429_and_every_acknowledged_suggestion_is_stored(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind, new Dictionary<string, string?> { ["Qala:PublicForms:PostsPerMinute"] = "3" });
        var id = await OpenConsultationAsync(app);
        var citizen = app.Browser("en");
        var form = (IHtmlFormElement)(await citizen.PageAsync($"/consultations/{id}/suggest")).QuerySelector("#suggestion-form")!;
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            var response = await citizen.SubmitAsync(form, new() { ["Text"] = $"Suggestion number {i} about the city's parks.", ["SubmissionKey"] = Guid.NewGuid().ToString() });
            statuses.Add(response.StatusCode);
        }

        statuses.ShouldBe([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests]);
        (await app.QueryAsync(db => db.Set<Suggestion>().CountAsync())).ShouldBe(3);
        (await citizen.GetAsync($"/consultations/{id}/suggest")).StatusCode.ShouldBe(HttpStatusCode.OK, "reading the form is never limited");
    }

    private static string Message(IDocument form, string field) => form.QuerySelector($"[data-valmsg-for='{field}']")!.TextContent.Trim();

    private static Task<string> TopicIdAsync(QalaApp app, string code) =>
        app.QueryAsync(async db => (await db.Set<Topic>().SingleAsync(t => t.Code == code)).Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>An open discussion of Almaty, made directly in the database.</summary>
    internal static async Task<int> OpenConsultationAsync(QalaApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QalaDbContext>();
        var almaty = await db.Set<Territory>().SingleAsync(t => t.Code == Almaty);
        var consultation = Consultation.Create(
            LocalizedText.Of("Талқылау", "Обсуждение", "Discussion"), LocalizedText.Of("", "", ""), almaty.Id, new DateOnly(2026, 11, 1), new DateOnly(2026, 12, 31), "test", DateTimeOffset.UtcNow);
        consultation.MoveTo(ConsultationPhase.Open, "test", DateTimeOffset.UtcNow).ShouldBeTrue();
        db.Add(consultation);
        await db.SaveChangesAsync();
        return consultation.Id;
    }

    /// <summary>A citizen's suggestion through the public form; its receipt code.</summary>
    private static async Task<string> SuggestAsync(QalaApp app, int consultation, string text, bool confidential = false)
    {
        var fields = new Dictionary<string, string> { ["Text"] = text };
        if (confidential)
        {
            fields["Confidential"] = "true";
        }

        var response = await app.Browser("en").SubmitAsync($"/consultations/{consultation}/suggest", "#suggestion-form", fields);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return response.Headers.Location!.OriginalString.Split('/').Last().Split('?')[0];
    }
}
