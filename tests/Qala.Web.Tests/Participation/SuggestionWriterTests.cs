using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Qala.Web.Data;
using Qala.Web.Data.Audit;
using Qala.Web.Features.Participation;
using Qala.Web.Tests.Infrastructure;

namespace Qala.Web.Tests.Participation;

/// <summary>
/// The public form's group commit (ADR 0007) through HTTP: concurrent citizens each get the receipt of their own stored
/// suggestion, a double click inside one batch stores one, and a batch whose commit fails acknowledges nothing.
/// </summary>
public sealed class SuggestionWriterTests
{
    private static readonly Dictionary<string, string?> ManyPosts = new() { ["Qala:PublicForms:PostsPerMinute"] = "10000" };

    /// <summary>One writer, so that the batches follow each other as the test holds and releases them.</summary>
    private static readonly Dictionary<string, string?> OneWriter = new(ManyPosts) { ["Qala:Participation:Writers"] = "1" };

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task Concurrent_submissions_are_each_stored_once_with_their_receipt(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind, ManyPosts);
        var id = await ParticipationTests.OpenConsultationAsync(app);
        var forms = await FormsAsync(app, id, 24);

        // Every form is posted at once, and every third one twice (a double click).
        var posts = forms.SelectMany((f, i) => Enumerable.Repeat(f, i % 3 == 0 ? 2 : 1).Select(form => (Index: i, Post: PostAsync(form, $"Suggestion {i}: light the path along the river"))))
            .ToList();
        await Task.WhenAll(posts.Select(p => p.Post));

        posts.ShouldAllBe(p => p.Post.Result.StatusCode == HttpStatusCode.Redirect);
        var receipts = posts.GroupBy(p => p.Index).ToDictionary(g => g.Key, g => g.Select(p => Receipt(p.Post.Result)).Distinct().ToList());
        receipts.Values.ShouldAllBe(r => r.Count == 1, "a double click gets one receipt");
        var stored = await app.QueryAsync(db => db.Set<Suggestion>().Where(s => s.ConsultationId == id).ToDictionaryAsync(s => s.PublicCode, s => s.Text));
        stored.Count.ShouldBe(forms.Count);
        foreach (var (index, codes) in receipts)
        {
            stored[codes[0]].ShouldBe($"Suggestion {index}: light the path along the river", "each receipt is of its own suggestion");
        }

        var entries = await app.QueryAsync(db => db.Set<AuditEntry>().Where(e => e.EntityType == "Suggestions").ToListAsync());
        entries.Count.ShouldBe(forms.Count, "one audit entry per stored suggestion");
        entries.ShouldAllBe(e => e.UserName == "anonymous" && e.Action == AuditAction.Created, "each entry names the citizen's request, not the writer");
        var ids = await app.QueryAsync(db => db.Set<Suggestion>().Where(s => s.ConsultationId == id).ToDictionaryAsync(s => s.Id.ToString(CultureInfo.InvariantCulture), s => s.Text));
        foreach (var entry in entries)
        {
            entry.ChangedValues().ShouldContain(("Text", null, ids[entry.EntityKey]), "each entry records its own suggestion's values");
        }

        await using var scope = app.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<AuditLog>().VerifyAsync(CancellationToken.None)).Intact.ShouldBeTrue();
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task A_citizens_contact_is_stored_with_the_suggestion_and_kept_out_of_the_audit_log(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind, ManyPosts);
        var id = await ParticipationTests.OpenConsultationAsync(app);
        var (client, form) = (await FormsAsync(app, id, 1))[0];

        var response = await client.SubmitAsync(form, new()
        {
            ["Text"] = "Light the footpath behind school 54.",
            ["ContactName"] = "Aigerim Nurlanovna",
            ["Email"] = "aigerim@example.kz",
            ["Phone"] = "+7 701 555 12 34",
            ["Consent"] = "true",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stored = await app.QueryAsync(db => db.Set<Suggestion>().Include(s => s.Contact).SingleAsync(s => s.PublicCode == Receipt(response)));
        stored.Contact.ShouldNotBeNull();
        (stored.Contact.Name, stored.Contact.Email, stored.Contact.Phone).ShouldBe(("Aigerim Nurlanovna", "aigerim@example.kz", "+7 701 555 12 34"));
        var entries = await app.QueryAsync(db => db.Set<AuditEntry>().ToListAsync());
        entries.ShouldContain(e => e.EntityType == "Suggestions" && e.EntityKey == stored.Id.ToString(CultureInfo.InvariantCulture));
        entries.ShouldNotContain(e => e.EntityType == "SuggestionContacts", "contact data is personal data, kept out of the audit log");
        entries.ShouldAllBe(e => !e.Changes.Contains("Aigerim") && !e.Changes.Contains("555 12 34"));
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task A_double_click_inside_one_batch_stores_one_suggestion_and_a_failed_commit_acknowledges_nothing(DatabaseKind kind)
    {
        var gate = new BatchGate();
        var commits = new FailingCommits();
        await using var app = await QalaApp.StartAsync(kind, OneWriter, s => s.ConfigureDbContext<QalaDbContext>(o => o.AddInterceptors(commits)));
        var id = await ParticipationTests.OpenConsultationAsync(app);
        var writer = app.Services.GetRequiredService<SuggestionWriter>();
        using var watching = writer.Diagnostics.Subscribe(gate);
        var forms = await FormsAsync(app, id, 10);

        // While the writer is held in a first batch, a double click and another citizen queue: the next batch holds all three.
        var held = await gate.HoldAsync(() => PostAsync(forms[0], "The first suggestion, held in its batch."));
        var twice = new[] { PostAsync(forms[1], "Plant trees in the courtyard of house 12."), PostAsync(forms[1], "Plant trees in the courtyard of house 12.") };
        var other = PostAsync(forms[2], "Repair the stairs of the underpass on Abai avenue.");
        await UntilAsync(() => writer.Waiting == 3);
        gate.Release();
        (await held).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await Task.WhenAll(twice)).Select(Receipt).Distinct().Count().ShouldBe(1, "the double click gets one receipt");
        (await other).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        gate.Sizes.ToArray().ShouldBe([1, 2], "the double click and the other citizen were one transaction of two suggestions");
        (await app.QueryAsync(db => db.Set<Suggestion>().CountAsync(s => s.Text == "Plant trees in the courtyard of house 12."))).ShouldBe(1);

        // Every commit fails: nobody in the batch is acknowledged, nothing is stored, not even by the retry one by one.
        commits.On = true;
        held = await gate.HoldAsync(() => PostAsync(forms[3], "A suggestion whose commit fails."));
        var failing = new[] { PostAsync(forms[4], "Another suggestion whose commit fails."), PostAsync(forms[5], "A third suggestion whose commit fails.") };
        await UntilAsync(() => writer.Waiting == 2);
        gate.Release();
        (await held).StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        (await Task.WhenAll(failing)).ShouldAllBe(r => r.StatusCode == HttpStatusCode.InternalServerError);
        commits.On = false;
        (await app.QueryAsync(db => db.Set<Suggestion>().CountAsync(s => s.Text.Contains("commit fails")))).ShouldBe(0);

        // One suggestion that cannot be stored fails its own request only: the rest of its batch is stored one by one.
        gate.Refused = "This one cannot be stored.";
        held = await gate.HoldAsync(() => PostAsync(forms[6], "Light the stadium's car park at night."));
        var mixed = new[] { PostAsync(forms[7], "Clean the Esentai river banks."), PostAsync(forms[8], gate.Refused), PostAsync(forms[9], "Add a bus stop at the new school.") };
        await UntilAsync(() => writer.Waiting == 3);
        gate.Release();
        (await held).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await Task.WhenAll(mixed)).Select(r => r.StatusCode).ShouldBe([HttpStatusCode.Redirect, HttpStatusCode.InternalServerError, HttpStatusCode.Redirect]);
        var stored = await app.QueryAsync(db => db.Set<Suggestion>().Where(s => s.ConsultationId == id).OrderBy(s => s.Id).Select(s => s.Text).ToListAsync());
        stored.ShouldBe(
        [
            "The first suggestion, held in its batch.", "Plant trees in the courtyard of house 12.", "Repair the stairs of the underpass on Abai avenue.",
            "Light the stadium's car park at night.", "Clean the Esentai river banks.", "Add a bus stop at the new school.",
        ], ignoreOrder: true);
        await using var scope = app.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<AuditLog>().VerifyAsync(CancellationToken.None)).Intact.ShouldBeTrue();
    }

    /// <summary>The public form as <paramref name="count"/> citizens see it, each with their own cookies, token and form key.</summary>
    private static async Task<List<(HttpClient Client, IHtmlFormElement Form)>> FormsAsync(QalaApp app, int consultation, int count)
    {
        var forms = new List<(HttpClient, IHtmlFormElement)>();
        for (var i = 0; i < count; i++)
        {
            var client = app.Browser("en");
            forms.Add((client, (IHtmlFormElement)(await client.PageAsync($"/consultations/{consultation}/suggest")).QuerySelector("#suggestion-form")!));
        }

        return forms;
    }

    private static Task<HttpResponseMessage> PostAsync((HttpClient Client, IHtmlFormElement Form) form, string text) =>
        form.Client.SubmitAsync(form.Form, new() { ["Text"] = text });

    private static string Receipt(HttpResponseMessage response) => response.Headers.Location!.OriginalString.Split('/').Last().Split('?')[0];

    /// <summary>Waits for the writer's queue to reach a state (requests arrive on other threads); gives up after a minute.</summary>
    private static async Task UntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (!condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }

    /// <summary>
    /// Holds the writer inside one batch until released, records how many suggestions each batch stores, and fails every
    /// batch that holds the <see cref="Refused"/> text — watching the writer's announcements of its batches.
    /// </summary>
    private sealed class BatchGate : IObserver<KeyValuePair<string, object?>>
    {
        private bool armed;
        private TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private TaskCompletionSource entered = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ConcurrentQueue<int> Sizes { get; } = new();

        public string? Refused { get; set; }

        /// <summary>Starts a post and returns once the writer holds it in its batch.</summary>
        public async Task<Task<HttpResponseMessage>> HoldAsync(Func<Task<HttpResponseMessage>> post)
        {
            released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            armed = true;
            var posted = post();
            await entered.Task.WaitAsync(TimeSpan.FromMinutes(1));
            return posted;
        }

        public void Release() => released.TrySetResult();

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value is not { Key: SuggestionWriter.StoringEvent, Value: IReadOnlyList<Suggestion> batch })
            {
                return;
            }

            Sizes.Enqueue(batch.Count);
            if (armed)
            {
                armed = false;
                entered.TrySetResult();
                // The writer announces its batch synchronously on its own thread: holding it here holds the batch.
                released.Task.Wait(TimeSpan.FromMinutes(1));
            }

            if (batch.Any(s => s.Text == Refused))
            {
                throw new InvalidOperationException("This batch cannot be stored.");
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }

    /// <summary>A database whose commits fail while <see cref="On"/>.</summary>
    private sealed class FailingCommits : DbTransactionInterceptor
    {
        public bool On { get; set; }

        public override ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
        {
            if (On)
            {
                throw new InvalidOperationException("The database refuses to commit.");
            }

            return ValueTask.FromResult(result);
        }
    }
}
