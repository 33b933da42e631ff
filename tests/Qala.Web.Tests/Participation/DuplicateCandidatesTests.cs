using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Qala.Web.Features.Participation;
using Qala.Web.Infrastructure.Auth;
using Qala.Web.Tests.Infrastructure;

namespace Qala.Web.Tests.Participation;

/// <summary>The handling page's "possible repeats" come from the cached near-duplicate group of its suggestion.</summary>
public sealed class DuplicateCandidatesTests
{
    private const string Password = "participation-password-1";

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task The_handling_page_offers_the_repeats_of_its_cached_group(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        var id = await ParticipationTests.OpenConsultationAsync(app);
        await app.CreateUserAsync("moderator", Password, [QalaRoles.Moderator], "750000000");
        await app.CreateUserAsync("planner", Password, [QalaRoles.Planner], "750000000");
        var (moderator, planner) = (await app.SignedInAsync("moderator", Password), await app.SignedInAsync("planner", Password));
        var first = await SuggestAsync(app, id, "Repair the pavement on Tole bi street near the school number 12.");
        var repeat = await SuggestAsync(app, id, "Please repair the pavement on Tole bi street near school number 12!");
        var confidential = await SuggestAsync(app, id, "Repair the pavement on Tole bi street near the school number 12, please.", confidential: true);
        await SuggestAsync(app, id, "Open a new kindergarten in the Alatau district.");
        var page = $"/participation/suggestions/{first}";

        (await CandidatesAsync(moderator, page)).ShouldBe([confidential, repeat], ignoreOrder: true);
        (await CandidatesAsync(planner, page)).ShouldBe([repeat], "the strategy office is not offered confidential reports");

        // A new repeat changes the discussion's stamp: the next view regroups and offers it too.
        var later = await SuggestAsync(app, id, "Repair the pavement on Tole bi street near the school number 12!!");
        (await CandidatesAsync(moderator, page)).ShouldBe([confidential, repeat, later], ignoreOrder: true);
        (await moderator.PageAsync(page)).QuerySelector($"#duplicates [data-duplicate='{later}']")!.TextContent.ShouldContain("%");
    }

    private static async Task<string[]> CandidatesAsync(HttpClient client, string page) =>
        [.. (await client.PageAsync(page)).QuerySelectorAll("#duplicates [data-duplicate]").Select(d => d.GetAttribute("data-duplicate")!)];

    /// <summary>A citizen's suggestion through the public form; its id.</summary>
    private static async Task<string> SuggestAsync(QalaApp app, int consultation, string text, bool confidential = false)
    {
        var fields = new Dictionary<string, string> { ["Text"] = text };
        if (confidential)
        {
            fields["Confidential"] = "true";
        }

        var response = await app.Browser("en").SubmitAsync($"/consultations/{consultation}/suggest", "#suggestion-form", fields);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var code = response.Headers.Location!.OriginalString.Split('/').Last().Split('?')[0];
        return (await app.QueryAsync(db => db.Set<Suggestion>().SingleAsync(s => s.PublicCode == code))).Id.ToString(CultureInfo.InvariantCulture);
    }
}
