using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Qala.Web.Features.Instructions;
using Qala.Web.Infrastructure.Auth;
using Qala.Web.Tests.Infrastructure;

namespace Qala.Web.Tests.Instructions;

/// <summary>The review page of a meeting's text, through HTTP and without JavaScript: merging proposals, interim reports preset from the text.</summary>
public sealed class InstructionReviewTests
{
    private const string Password = "instructions-password-1";
    private const string Almaty = "750000000";

    private const string Meeting = """
        Совещание акима города Алматы, 12 января 2026 года.
        Управлению образования города Алматы построить три новые школы до 1 декабря 2026 года.
        Управлению здравоохранения города Алматы открыть две поликлиники до 1 сентября 2026 года.
        Управлению строительства города Алматы отремонтировать дороги до 1 октября 2026 года.
        """;

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task Chosen_proposals_merge_into_one_and_confirming_registers_one_instruction_with_the_merged_text(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        await app.CreateUserAsync("controller", Password, [QalaRoles.Controller], Almaty);
        var controller = await app.SignedInAsync("controller", Password);
        var review = await ReviewAsync(controller, Meeting);
        review.QuerySelectorAll("fieldset[data-proposal]").Length.ShouldBe(3);
        var (first, second) = (Value(review, "Proposals[0].Text"), Value(review, "Proposals[1].Text"));
        first.ShouldContain("построить три новые школы");
        second.ShouldContain("открыть две поликлиники");

        // One proposal chosen is not a merge.
        var alone = await (await MergeAsync(controller, review, 1)).HtmlAsync();
        alone.QuerySelector(".alert-danger")!.TextContent.ShouldContain("two or more");
        alone.QuerySelectorAll("fieldset[data-proposal]").Length.ShouldBe(3);

        var merged = await (await MergeAsync(controller, review, 0, 1)).HtmlAsync();
        merged.QuerySelectorAll("fieldset[data-proposal]").Length.ShouldBe(2);
        Value(merged, "Proposals[0].Text").ShouldBe($"{first} {second}");
        var mark = merged.QuerySelector("fieldset[data-proposal='0'] mark")!.TextContent;
        mark.ShouldContain("построить три новые школы");
        mark.ShouldContain("открыть две поликлиники", customMessage: "the highlighted span covers both");
        Value(merged, "Proposals[0].Deadline").ShouldBe("2026-09-01", "the earlier deadline is kept");
        merged.QuerySelector("fieldset[data-proposal='0']")!.TextContent.ShouldContain("1 сентября 2026 года");
        Value(merged, "Proposals[1].Text").ShouldContain("отремонтировать дороги");
        merged.QuerySelectorAll("fieldset[data-proposal] input[type=checkbox][name$='.Chosen']").Cast<IHtmlInputElement>().ShouldAllBe(c => !c.IsChecked);

        // The merged deadline stays editable; confirming registers the two instructions.
        var form = (IHtmlFormElement)merged.QuerySelector("#confirm-form")!;
        var fields = Textareas(form);
        fields["Proposals[0].Deadline"] = "2026-10-15";
        for (var n = 0; n < 2; n++)
        {
            if (string.IsNullOrEmpty(Value(merged, $"Proposals[{n}].LeadAgencyId")))
            {
                fields[$"Proposals[{n}].ExternalAddressees"] = "Akimat";
            }
        }

        var confirmed = await controller.SubmitAsync(form, fields);
        confirmed.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await confirmed.HtmlAsync()).QuerySelector(".alert-danger")?.TextContent);
        var instructions = await app.QueryAsync(db => db.Set<Instruction>().Where(i => !i.IsDemo).OrderBy(i => i.Number).ToListAsync());
        instructions.Count.ShouldBe(2);
        (instructions[0].Text.Ru, instructions[0].OriginalDeadline).ShouldBe(($"{first} {second}", new DateOnly(2026, 10, 15)));
        instructions[1].Text.Ru.ShouldContain("отремонтировать дороги");
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task The_period_of_interim_reports_the_text_asks_for_is_proposed_in_the_api_and_preset_on_the_review_page(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        await app.CreateUserAsync("controller", Password, [QalaRoles.Controller], Almaty);
        var controller = await app.SignedInAsync("controller", Password);
        const string text = """
            Совещание акима города Алматы, 12 января 2026 года.
            Управлению образования города Алматы построить три новые школы до 1 декабря 2026 года, ежемесячно информировать аппарат акима о ходе работ.
            Управлению здравоохранения города Алматы открыть две поликлиники до 1 сентября 2026 года и ежеквартально представлять отчёт.
            Управлению строительства города Алматы отремонтировать дороги до 1 октября 2026 года.
            """;

        var api = await controller.PostAsJsonAsync("/api/v1/instructions/extract", new { text });
        api.StatusCode.ShouldBe(HttpStatusCode.OK);
        using (var json = JsonDocument.Parse(await api.Content.ReadAsStringAsync()))
        {
            json.RootElement.GetProperty("instructions").EnumerateArray().Select(i => i.GetProperty("period").ValueKind == JsonValueKind.Null ? null : i.GetProperty("period").GetString())
                .ShouldBe(["monthly", "quarterly", null]);
        }

        var review = await ReviewAsync(controller, text);
        Enumerable.Range(0, 3).Select(n => Value(review, $"Proposals[{n}].InterimReporting")).ShouldBe(["Monthly", "Quarterly", "None"]);
    }

    internal static async Task<IDocument> ReviewAsync(HttpClient controller, string text)
    {
        var page = await controller.PageAsync("/instructions/new");
        var response = await controller.SubmitAsync((IHtmlFormElement)page.QuerySelector("#text-form")!, new() { ["Text"] = text });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var review = await response.HtmlAsync();
        review.QuerySelector("#confirm-form").ShouldNotBeNull(review.QuerySelector(".alert-danger")?.TextContent);
        return review;
    }

    /// <summary>Presses "Merge the chosen proposals" with the given proposals ticked, as a browser without JavaScript does.</summary>
    private static Task<HttpResponseMessage> MergeAsync(HttpClient controller, IDocument review, params int[] chosen)
    {
        var form = (IHtmlFormElement)review.QuerySelector("#confirm-form")!;
        form.SetAttribute("action", review.QuerySelector("#merge")!.GetAttribute("formaction"));
        var fields = Textareas(form);
        foreach (var n in chosen)
        {
            fields[$"Proposals[{n}].Chosen"] = "true";
        }

        return controller.SubmitAsync(form, fields);
    }

    private static Dictionary<string, string> Textareas(IHtmlFormElement form) =>
        form.QuerySelectorAll("textarea").Cast<IHtmlTextAreaElement>().ToDictionary(a => a.Name!, a => a.Value);

    private static string Value(IDocument page, string name) => page.QuerySelector($"[name='{name}']") switch
    {
        IHtmlTextAreaElement area => area.Value,
        IHtmlInputElement input => input.Value,
        IHtmlSelectElement select => select.Value ?? string.Empty,
        _ => throw new InvalidOperationException($"No field {name}"),
    };
}
