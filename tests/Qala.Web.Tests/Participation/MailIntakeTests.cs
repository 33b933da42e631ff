using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qala.Web.Data;
using Qala.Web.Features.Participation;
using Qala.Web.Features.Participation.Mail;
using Qala.Web.Features.Territories;
using Qala.Web.Infrastructure.Auth;
using Qala.Web.Infrastructure.Files;
using Qala.Web.Infrastructure.Jobs;
using Qala.Web.Infrastructure.Mail.Imap;
using Qala.Web.Tests.Files;
using Qala.Web.Tests.Infrastructure;

namespace Qala.Web.Tests.Participation;

/// <summary>
/// The e-mail channel end to end: letters appended to a real Dovecot mailbox become suggestions when the intake job
/// runs — exactly once, with text and attachments intact — and hostile letters, a refused password, an unreachable
/// server and a connection dropped in the middle of a FETCH are recorded without losing or duplicating a letter.
/// </summary>
public sealed class MailIntakeTests(DovecotServer dovecot) : IClassFixture<DovecotServer>
{
    private static readonly string Bounce = Path.Combine(AppContext.BaseDirectory, "Mail", "Corpus", "postfix-bounce.eml");

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task Letters_in_three_languages_become_suggestions_exactly_once(DatabaseKind kind)
    {
        dovecot.Require();
        var ct = TestContext.Current.CancellationToken;
        var user = DovecotServer.User(kind == DatabaseKind.Sqlite ? 1 : 2);
        await using var app = await QalaApp.StartAsync(kind);
        var mailbox = await AddMailboxAsync(app, user, DovecotServer.Password);
        var pdf = SampleFiles.Pdf;
        await AppendAsync(user, [
            Letter("ru-1", "=?UTF-8?B?" + Convert.ToBase64String(Encoding.UTF8.GetBytes("Иван Петров")) + "?= <ivan@example.kz>", "=?UTF-8?Q?=D0=A1=D0=B2=D0=B5=D1=82=D0=BE=D1=84=D0=BE=D1=80?=",
                "text/plain; charset=UTF-8", "Прошу поставить светофор на перекрёстке Абая и Жарокова, дети ходят в школу."),
            Attachment("kk-1", "Айгүл <aigul@example.kz>", "Саябақ", "Саябақта орындықтар мен жарық қажет, балалар алаңын жөндеу керек.", "сурет.pdf", pdf),
            Letter("en-1", "John Smith <john@example.com>", "Bus stop", "text/html; charset=UTF-8",
                "<html><body><p>Please build a <b>shelter</b> at the bus stop on Dostyk avenue.</p><script>alert(1)</script></body></html>"),
            Letter("ru-2", "Иван Петров <ivan@example.kz>", "Re: Светофор", "text/plain; charset=UTF-8",
                "И ещё нужна зебра возле школы номер 12.\n\n24.11.2026, 10:00, Акимат пишет:\n> Спасибо за ваше обращение.\n> Оно зарегистрировано."),
            await File.ReadAllBytesAsync(Bounce, ct),
            Letter("auto-1", "Robot <noreply@example.kz>", "Out of office", "text/plain; charset=UTF-8", "I am away until Monday and will answer then.", "Auto-Submitted: auto-replied\n"),
        ]);

        await RunIntakeAsync(app);

        var stored = await app.QueryAsync(db => db.Set<Suggestion>().Include(s => s.Contact).Where(s => s.Channel == SuggestionChannel.Email && s.ConsultationId == mailbox.ConsultationId)
            .OrderBy(s => s.Id).ToListAsync());
        stored.Select(s => s.Language).ShouldBe(["ru", "kk", "en", "ru"]);
        stored[0].Text.ShouldBe("Прошу поставить светофор на перекрёстке Абая и Жарокова, дети ходят в школу.");
        stored[0].Contact!.Email.ShouldBe("ivan@example.kz");
        stored[0].Contact!.Name.ShouldBe("Иван Петров");
        stored[2].Text.ShouldContain("Please build a shelter at the bus stop on Dostyk avenue.");
        stored[2].Text.ShouldNotContain("alert", Case.Sensitive, "HTML made text keeps no script");
        stored[3].Text.ShouldBe("И ещё нужна зебра возле школы номер 12.", "the new text of a reply, the quote apart");
        var letters = await app.QueryAsync(db => db.Set<SuggestionEmail>().OrderBy(e => e.SuggestionId).ToListAsync());
        letters.Select(l => l.MessageId).ShouldBe(["ru-1@example.kz", "kk-1@example.kz", "en-1@example.kz", "ru-2@example.kz"]);
        letters[0].Subject.ShouldBe("Светофор");
        letters[3].Quoted.ShouldNotBeNull().ShouldContain("> Спасибо за ваше обращение.");
        var handling = await (await app.SignedInAsync()).PageAsync($"/participation/suggestions/{stored[3].Id}");
        handling.QuerySelector("#letter-quote pre")!.TextContent.ShouldContain("> Оно зарегистрировано.", Case.Sensitive, "the quote is kept folded apart from the text");
        (await (await app.SignedInAsync()).PageAsync($"/participation/suggestions/{stored[1].Id}")).QuerySelector("#letter-files a")!.TextContent.ShouldBe("сурет.pdf");
        var files = await app.QueryAsync(db => db.Set<SuggestionAttachment>().Include(a => a.Attachment).ToListAsync());
        files.ShouldHaveSingleItem().SuggestionId.ShouldBe(stored[1].Id);
        files[0].Attachment!.FileName.ShouldBe("сурет.pdf");
        (await (await app.SignedInAsync()).GetAsync($"/files/{files[0].AttachmentId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await app.CreateUserAsync("karaganda-planner", "mail-planner-password-1", [QalaRoles.Planner], "350000000");
        (await (await app.SignedInAsync("karaganda-planner", "mail-planner-password-1")).GetAsync($"/files/{files[0].AttachmentId}"))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden, "a letter's file is for those who may read the suggestion");
        (await app.QueryAsync(db => db.Set<AttachmentContent>().SingleAsync(c => c.AttachmentId == files[0].AttachmentId))).Content.ShouldBe(pdf);

        var log = await LogAsync(app);
        log.Select(l => l.Outcome).ShouldBe([MailIntakeOutcome.Imported, MailIntakeOutcome.Imported, MailIntakeOutcome.Imported, MailIntakeOutcome.Imported, MailIntakeOutcome.Skipped, MailIntakeOutcome.Skipped]);
        log[4].Reason.ShouldBe("skipped: a delivery report (bounce)");
        log[5].Reason.ShouldBe("skipped: an automatic reply (Auto-Submitted)");
        log.ShouldAllBe(l => l.Settled);
        (await UnseenAsync(user)).ShouldBeEmpty("every letter read is flagged \\Seen");
        var reader = await app.QueryAsync(db => db.Set<MailboxReader>().SingleAsync());
        (reader.LastRunMessages, reader.MessagesRead, reader.LastError).ShouldBe((6, 6L, (string?)null));

        // Running again imports nothing.
        await RunIntakeAsync(app);
        (await app.QueryAsync(db => db.Set<Suggestion>().CountAsync(s => s.Channel == SuggestionChannel.Email && s.ConsultationId == mailbox.ConsultationId))).ShouldBe(4);
        (await LogAsync(app)).Count.ShouldBe(6);

        // A new UIDVALIDITY (the mailbox was rebuilt) reads every letter again: Message-IDs keep them from repeating.
        await app.QueryAsync(db => db.Set<MailboxReader>().ExecuteUpdateAsync(r => r.SetProperty(x => x.UidValidity, 1)));
        await app.QueryAsync(db => db.Set<MailIntakeLog>().ExecuteUpdateAsync(r => r.SetProperty(x => x.UidValidity, 1)));
        await RunIntakeAsync(app);
        (await app.QueryAsync(db => db.Set<Suggestion>().CountAsync(s => s.Channel == SuggestionChannel.Email && s.ConsultationId == mailbox.ConsultationId))).ShouldBe(4);
        (await LogAsync(app)).Count(l => l.Outcome == MailIntakeOutcome.Duplicate).ShouldBe(4);

        // A crash after the commit but before the flag: the next run settles the letter and imports nothing again.
        await app.QueryAsync(db => db.Set<MailIntakeLog>().Where(l => l.UidValidity != 1).ExecuteUpdateAsync(l => l.SetProperty(x => x.Settled, false)));
        await app.QueryAsync(db => db.Set<MailboxReader>().ExecuteUpdateAsync(r => r.SetProperty(x => x.LastUid, 0)));
        await RunIntakeAsync(app);
        (await LogAsync(app)).ShouldAllBe(l => l.Settled);
        (await LogAsync(app)).Count.ShouldBe(12);
        (await app.QueryAsync(db => db.Set<Suggestion>().CountAsync(s => s.Channel == SuggestionChannel.Email && s.ConsultationId == mailbox.ConsultationId))).ShouldBe(4);
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task Hostile_and_broken_letters_are_recorded_and_never_stop_the_reader(DatabaseKind kind)
    {
        dovecot.Require();
        var user = DovecotServer.User(kind == DatabaseKind.Sqlite ? 3 : 4);
        await using var app = await QalaApp.StartAsync(kind, new Dictionary<string, string?> { ["Qala:MailIntake:MaxMessageBytes"] = "200000" });
        await AddMailboxAsync(app, user, DovecotServer.Password, afterRead: MailAfterRead.Move);
        var zip = new byte[4096];
        "PK\u0003\u0004"u8.CopyTo(zip);
        await AppendAsync(user, [
            Letter("big", "a@example.kz", "Big", "text/plain; charset=UTF-8", "Большое письмо. " + new string('x', 300_000)),
            Raw("broken", "Content-Type: multipart/mixed; boundary=\"never\"\n\n--other\nContent-Type: text/plain\n\nРазорванные границы, но текст должен дойти до акимата.\n"),
            Letter("charset", "b@example.kz", "Charset", "text/plain; charset=x-no-such-charset", "Кодировка неизвестна, но письмо прочитано."),
            Raw("headers", string.Concat(Enumerable.Range(0, 1000).Select(i => string.Create(CultureInfo.InvariantCulture, $"X-Filler-{i}: {new string('h', 100)}\n"))) + "Content-Type: text/plain; charset=UTF-8\n\nПисьмо со ста килобайтами заголовков.\n"),
            Raw("nobody-subject", "Subject: =?UTF-8?B?" + Convert.ToBase64String(Encoding.UTF8.GetBytes("Нет освещения во дворе дома 5")) + "?=\n\n"),
            Raw("nobody", "Subject: \n\n"),
            Attachment("zip", "c@example.kz", "Архив", "Во вложении архив с фотографиями двора.", "photos.zip", zip),
        ]);

        await RunIntakeAsync(app);

        var log = await LogAsync(app);
        log.Select(l => (l.MessageId, l.Outcome)).ShouldBe([
            (null, MailIntakeOutcome.Skipped),
            ("broken@example.kz", MailIntakeOutcome.Imported),
            ("charset@example.kz", MailIntakeOutcome.Imported),
            ("headers@example.kz", MailIntakeOutcome.Imported),
            ("nobody-subject@example.kz", MailIntakeOutcome.Imported),
            ("nobody@example.kz", MailIntakeOutcome.Rejected),
            ("zip@example.kz", MailIntakeOutcome.Imported),
        ]);
        log[0].Reason.ShouldNotBeNull().ShouldStartWith("skipped: too large");
        log[1].Reason.ShouldNotBeNull().ShouldContain("MissingBoundary");
        log[2].Reason.ShouldNotBeNull().ShouldContain("UnknownCharset");
        log[5].Reason.ShouldBe("rejected: Write your suggestion in at least 10 characters.");
        log[6].Reason.ShouldNotBeNull().ShouldContain("attachment photos.zip left out");
        var texts = await app.QueryAsync(db => db.Set<Suggestion>().Where(s => s.Channel == SuggestionChannel.Email && db.Set<SuggestionEmail>().Any(e => e.SuggestionId == s.Id))
            .OrderBy(s => s.Id).Select(s => s.Text).ToListAsync());
        texts[0].ShouldEndWith("Разорванные границы, но текст должен дойти до акимата.", Case.Sensitive, "a multipart whose boundary never occurs is read as text");
        texts.Skip(1).ShouldBe([
            "Кодировка неизвестна, но письмо прочитано.",
            "Письмо со ста килобайтами заголовков.",
            "Нет освещения во дворе дома 5",
            "Во вложении архив с фотографиями двора.",
        ]);

        // Every letter left the inbox for the folder the settings name; the ones a person must see are flagged.
        var ct = TestContext.Current.CancellationToken;
        await using var client = await ImapClient.ConnectAsync(dovecot.Options(ImapSecurity.Tls), ct);
        await client.LoginAsync(user, DovecotServer.Password, ct);
        (await client.SelectAsync("INBOX", ct)).Exists.ShouldBe(0u);
        (await client.SelectAsync("Processed", ct)).Exists.ShouldBe(7u);
        (await client.UidSearchAsync("FLAGGED", ct)).Count.ShouldBe(2);
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task A_refused_password_or_an_unreachable_server_is_shown_and_no_letter_is_lost(DatabaseKind kind)
    {
        dovecot.Require();
        var user = DovecotServer.User(kind == DatabaseKind.Sqlite ? 5 : 6);
        await using var app = await QalaApp.StartAsync(kind);
        var mailbox = await AddMailboxAsync(app, user, "not-the-password");
        await AppendAsync(user, [Letter("waiting", "d@example.kz", "Двор", "text/plain; charset=UTF-8", "Во дворе нужна детская площадка.")]);

        await RunIntakeAsync(app);
        var refused = await app.QueryAsync(db => db.Set<MailboxReader>().SingleAsync());
        refused.LastError.ShouldNotBeNull().ShouldStartWith("The server refused the user name or password.");
        refused.LastError.ShouldNotContain("not-the-password");
        (await LogAsync(app)).ShouldBeEmpty();

        await app.QueryAsync(db => db.Set<Mailbox>().ExecuteUpdateAsync(m => m.SetProperty(x => x.Port, ClosedPort())));
        await RunIntakeAsync(app);
        (await app.QueryAsync(db => db.Set<MailboxReader>().SingleAsync())).LastError.ShouldNotBeNull().ShouldContain("unreachable");
        (await app.QueryAsync(db => db.Set<BackgroundJob>().Where(j => j.Kind == MailIntakeJob.JobKind).Select(j => j.State).ToListAsync()))
            .ShouldAllBe(s => s == JobState.Succeeded, "a mailbox failure is the reader's status, not a crashed job");

        var secret = app.Services.GetRequiredService<MailboxSecrets>().Protect(DovecotServer.Password);
        await app.QueryAsync(db => db.Set<Mailbox>().ExecuteUpdateAsync(m => m.SetProperty(x => x.Port, dovecot.ImapsPort).SetProperty(x => x.Secret, secret)));
        await RunIntakeAsync(app);
        (await app.QueryAsync(db => db.Set<MailboxReader>().SingleAsync())).LastError.ShouldBeNull();
        (await LogAsync(app)).ShouldHaveSingleItem().Outcome.ShouldBe(MailIntakeOutcome.Imported);
        (await app.QueryAsync(db => db.Set<Suggestion>().CountAsync(s => s.Channel == SuggestionChannel.Email && s.ConsultationId == mailbox.ConsultationId))).ShouldBe(1);
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task A_connection_dropped_in_the_middle_of_a_FETCH_resumes_and_imports_each_letter_once(DatabaseKind kind)
    {
        dovecot.Require();
        var user = DovecotServer.User(kind == DatabaseKind.Sqlite ? 7 : 8);
        await using var proxy = new DroppingProxy(dovecot.ImapsPort);
        await using var app = await QalaApp.StartAsync(kind);
        await AddMailboxAsync(app, user, DovecotServer.Password, port: proxy.Port);
        var letters = Enumerable.Range(1, 3).Select(i => Letter(
            string.Create(CultureInfo.InvariantCulture, $"long-{i}"), "e@example.kz", "Long", "text/plain; charset=UTF-8",
            string.Create(CultureInfo.InvariantCulture, $"Письмо номер {i}. ") + string.Concat(Enumerable.Repeat("Нужно отремонтировать дорогу. ", 1500)))).ToList();
        await AppendAsync(user, letters);

        // The first connection is cut once 1.4 letters' worth of bytes went through: in the middle of the second FETCH.
        proxy.DropAfter = letters[0].Length * 7 / 5;
        await RunIntakeAsync(app);
        (await app.QueryAsync(db => db.Set<MailboxReader>().SingleAsync())).LastError.ShouldNotBeNull();
        (await LogAsync(app)).Select(l => l.MessageId).ShouldBe(["long-1@example.kz"]);

        proxy.DropAfter = null;
        await RunIntakeAsync(app);
        (await LogAsync(app)).Select(l => (l.MessageId, l.Outcome)).ShouldBe([
            ("long-1@example.kz", MailIntakeOutcome.Imported), ("long-2@example.kz", MailIntakeOutcome.Imported), ("long-3@example.kz", MailIntakeOutcome.Imported)]);
        (await app.QueryAsync(db => db.Set<MailboxReader>().SingleAsync())).LastError.ShouldBeNull();
        (await app.QueryAsync(db => db.Set<Suggestion>().Where(s => s.Channel == SuggestionChannel.Email).Join(db.Set<SuggestionEmail>(), s => s.Id, e => e.SuggestionId, (s, e) => s.Text).ToListAsync()))
            .Select(t => t[..15]).Order(StringComparer.Ordinal).ShouldBe(["Письмо номер 1.", "Письмо номер 2.", "Письмо номер 3."]);
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task The_answer_goes_back_to_the_sender_in_their_language_in_the_same_conversation(DatabaseKind kind)
    {
        dovecot.Require();
        var user = DovecotServer.User(kind == DatabaseKind.Sqlite ? 9 : 10);
        await using var smtp = new SmtpSink();
        await using var app = await QalaApp.StartAsync(kind, smtp.Settings);
        await AddMailboxAsync(app, user, DovecotServer.Password);
        await AppendAsync(user, [Letter("kk-answer", "Айгүл <aigul@example.kz>", "Саябақ", "text/plain; charset=UTF-8", "Саябақта орындықтар мен жарық қажет, балалар алаңын жөндеу керек.")]);
        await RunIntakeAsync(app);
        var suggestion = await app.QueryAsync(db => db.Set<Suggestion>().SingleAsync(s => s.Channel == SuggestionChannel.Email));

        var admin = await app.SignedInAsync();
        var handle = $"/participation/suggestions/{suggestion.Id}";
        (await admin.PageAsync(handle)).QuerySelector("#letter-subject")!.TextContent.ShouldBe("Саябақ");
        (await admin.SubmitAsync(handle, "#answer-form", new() { ["decision"] = "PartlyTaken", ["answer"] = "Орындықтар 2027 жылы қойылады." }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var queued = await app.QueryAsync(db => db.Set<Qala.Web.Infrastructure.Email.OutboxMessage>().SingleAsync());
        (queued.To, queued.Language, queued.InReplyTo).ShouldBe(("aigul@example.kz", "kk", "kk-answer@example.kz"));

        await app.Services.GetRequiredService<JobRunner>().RunDueAsync(CancellationToken.None);
        var sent = smtp.Received.ShouldHaveSingleItem();
        sent.To.ShouldBe(["aigul@example.kz"]);
        sent.Header("In-Reply-To").ShouldBe("<kk-answer@example.kz>");
        sent.Header("References").ShouldBe("<kk-answer@example.kz>");
        sent.Body.ShouldContain("Орындықтар 2027 жылы қойылады.");
        sent.Body.ShouldContain($"/suggestions/{suggestion.PublicCode}", Case.Sensitive, "the answer refers to the suggestion's receipt");
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task Administrators_set_the_mailbox_up_test_it_and_read_its_log_and_the_password_never_shows(DatabaseKind kind)
    {
        dovecot.Require();
        var user = DovecotServer.User(kind == DatabaseKind.Sqlite ? 11 : 12);
        await using var app = await QalaApp.StartAsync(kind);
        var consultation = await OpenDiscussionAsync(app);
        await app.CreateUserAsync("strategy", "mailbox-password-1", [QalaRoles.Planner], "750000000");
        (await app.Browser().GetAsync("/participation/mailbox")).StatusCode.ShouldBe(HttpStatusCode.Redirect, "sign in first");
        var planner = await app.SignedInAsync("strategy", "mailbox-password-1");
        (await planner.GetAsync("/participation/mailbox")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await planner.PostAsync("/participation/mailbox?handler=Read", null)).StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.BadRequest);

        var admin = await app.SignedInAsync();
        var fields = new Dictionary<string, string>
        {
            ["Host"] = "127.0.0.1",
            ["Port"] = dovecot.ImapsPort.ToString(CultureInfo.InvariantCulture),
            ["Security"] = "Tls",
            ["UserName"] = user,
            ["Secret"] = "",
            ["CertificateSha256"] = ImapConnectionOptions.Fingerprint(dovecot.Require()),
            ["Folder"] = "INBOX",
            ["AfterRead"] = "Flag",
            ["ConsultationId"] = consultation.ToString(CultureInfo.InvariantCulture),
            ["Enabled"] = "true",
        };
        var missing = await (await admin.SubmitAsync("/participation/mailbox?lang=en", "#mailbox-form", fields)).HtmlAsync();
        missing.QuerySelector("#mailbox-form")!.TextContent.ShouldContain("Enter the mailbox's password.");
        (await app.QueryAsync(db => db.Set<Mailbox>().CountAsync())).ShouldBe(0);

        fields["Secret"] = "wrong-password";
        (await admin.SubmitAsync("/participation/mailbox", "#mailbox-form", fields)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await admin.SubmitAsync("/participation/mailbox", "#test-form", [])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await admin.PageAsync("/participation/mailbox?lang=en")).QuerySelector("#mailbox-error")!.TextContent.ShouldContain("The server refused the user name or password.");

        // A new password replaces the stored one; a blank one keeps it.
        fields["Secret"] = DovecotServer.Password;
        (await admin.SubmitAsync("/participation/mailbox", "#mailbox-form", fields)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        fields["Secret"] = "";
        (await admin.SubmitAsync("/participation/mailbox", "#mailbox-form", fields)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await admin.SubmitAsync("/participation/mailbox", "#test-form", [])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var tested = await admin.PageAsync("/participation/mailbox?lang=en");
        tested.QuerySelector("#mailbox-error").ShouldBeNull();
        tested.QuerySelector(".alert-success, .alert-info, [role=status]")!.TextContent.ShouldContain("Connected.");

        await AppendAsync(user, [Letter("admin-1", "Айгүл <aigul@example.kz>", "Жарық", "text/plain; charset=UTF-8", "Аулада жарық жоқ, шам орнату керек.")]);
        (await admin.SubmitAsync("/participation/mailbox", "#read-form", [])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await app.Services.GetRequiredService<JobRunner>().RunDueAsync(CancellationToken.None);
        var html = await admin.GetStringAsync("/participation/mailbox?lang=en");
        var page = await admin.PageAsync("/participation/mailbox?lang=en");
        page.QuerySelector("[data-messages-read]")!.TextContent.ShouldBe("1");
        page.QuerySelector("#last-error")!.TextContent.ShouldBe("—");
        page.QuerySelector("#mail-log tr[data-outcome='Imported']")!.TextContent.ShouldContain("admin-1@example.kz");

        var stored = await app.QueryAsync(db => db.Set<Mailbox>().SingleAsync());
        html.ShouldNotContain(DovecotServer.Password);
        html.ShouldNotContain(stored.Secret!);
        html.ShouldNotContain("wrong-password");
        app.Services.GetRequiredService<MailboxSecrets>().Unprotect(stored.Secret!).ShouldBe(DovecotServer.Password);
        var audit = await app.QueryAsync(db => db.Set<Qala.Web.Data.Audit.AuditEntry>().Where(a => a.EntityType.Contains("Mailbox")).Select(a => a.Changes).ToListAsync());
        audit.Count.ShouldBe(2, "the two saves that changed something are audited; the one that kept the password changed nothing");
        audit.ShouldAllBe(c => !c.Contains(DovecotServer.Password) && !c.Contains(stored.Secret!) && !c.Contains("wrong-password"));
    }

    /// <summary>A mailbox on <paramref name="server"/> that feeds the demo's open discussion.</summary>
    internal static async Task<Mailbox> AddMailboxAsync(QalaApp app, DovecotServer server, string user, string password, MailAfterRead afterRead, int port)
    {
        var consultation = await OpenDiscussionAsync(app);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QalaDbContext>();
        var mailbox = new Mailbox
        {
            Host = "127.0.0.1",
            Port = port,
            Security = ImapSecurity.Tls,
            UserName = user,
            Secret = scope.ServiceProvider.GetRequiredService<MailboxSecrets>().Protect(password),
            CertificateSha256 = ImapConnectionOptions.Fingerprint(server.Require()),
            AfterRead = afterRead,
            MoveTo = afterRead == MailAfterRead.Move ? "Processed" : null,
            ConsultationId = consultation,
            Enabled = true,
        };
        db.Add(mailbox);
        await db.SaveChangesAsync();
        return mailbox;
    }

    /// <summary>An open discussion in Almaty that takes suggestions.</summary>
    private static async Task<int> OpenDiscussionAsync(QalaApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QalaDbContext>();
        var almaty = await db.Set<Territory>().Where(t => t.Code == "750000000").Select(t => t.Id).SingleAsync();
        var consultation = Consultation.Create(
            LocalizedText.Of("Ұсыныстар поштасы", "Почта предложений", "Suggestions by mail"), LocalizedText.Of("—", "—", "—"),
            almaty, new DateOnly(2026, 11, 1), new DateOnly(2027, 1, 31), "strategy", DateTimeOffset.UtcNow);
        consultation.MoveTo(ConsultationPhase.Open, "strategy", DateTimeOffset.UtcNow);
        db.Add(consultation);
        await db.SaveChangesAsync();
        return consultation.Id;
    }

    private Task<Mailbox> AddMailboxAsync(QalaApp app, string user, string password, MailAfterRead afterRead = MailAfterRead.Flag, int? port = null) =>
        AddMailboxAsync(app, dovecot, user, password, afterRead, port ?? dovecot.ImapsPort);

    /// <summary>Runs the intake the way a node does: a queued job claimed and run by the job runner.</summary>
    internal static async Task RunIntakeAsync(QalaApp app)
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<JobScheduler>().Enqueue(MailIntakeJob.JobKind);
            await scope.ServiceProvider.GetRequiredService<QalaDbContext>().SaveChangesAsync();
        }

        await app.Services.GetRequiredService<JobRunner>().RunDueAsync(CancellationToken.None);
    }

    private static Task<List<MailIntakeLog>> LogAsync(QalaApp app) => app.QueryAsync(db => db.Set<MailIntakeLog>().OrderBy(l => l.Id).ToListAsync());

    private async Task AppendAsync(string user, IEnumerable<byte[]> letters)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var client = await ImapClient.ConnectAsync(dovecot.Options(ImapSecurity.Tls), ct);
        await client.LoginAsync(user, DovecotServer.Password, ct);
        foreach (var letter in letters)
        {
            await client.AppendAsync("INBOX", letter, [], ct);
        }

        await client.LogoutAsync(ct);
    }

    private async Task<IReadOnlyList<uint>> UnseenAsync(string user)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var client = await ImapClient.ConnectAsync(dovecot.Options(ImapSecurity.Tls), ct);
        await client.LoginAsync(user, DovecotServer.Password, ct);
        await client.SelectAsync("INBOX", ct);
        return await client.UidSearchAsync("UNSEEN", ct);
    }

    internal static byte[] Letter(string id, string from, string subject, string contentType, string body, string extraHeaders = "") => Raw(id,
        $"From: {from}\nTo: ideas@akimat.test\nSubject: {subject}\nDate: Tue, 24 Nov 2026 10:00:00 +0500\n{extraHeaders}MIME-Version: 1.0\nContent-Type: {contentType}\nContent-Transfer-Encoding: base64\n\n"
        + Convert.ToBase64String(Encoding.UTF8.GetBytes(body), Base64FormattingOptions.InsertLineBreaks) + "\n");

    private static byte[] Attachment(string id, string from, string subject, string text, string fileName, byte[] file) => Raw(id,
        $"From: {from}\nTo: ideas@akimat.test\nSubject: =?UTF-8?B?{Convert.ToBase64String(Encoding.UTF8.GetBytes(subject))}?=\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"b1\"\n\n"
        + $"--b1\nContent-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: base64\n\n{Convert.ToBase64String(Encoding.UTF8.GetBytes(text))}\n"
        + $"--b1\nContent-Type: application/octet-stream\nContent-Disposition: attachment; filename*=UTF-8''{Uri.EscapeDataString(fileName)}\nContent-Transfer-Encoding: base64\n\n"
        + Convert.ToBase64String(file, Base64FormattingOptions.InsertLineBreaks) + "\n--b1--\n");

    /// <summary>A message with its Message-ID first; lines end in CRLF as on the wire.</summary>
    private static byte[] Raw(string id, string rest) =>
        Encoding.UTF8.GetBytes($"Message-ID: <{id}@example.kz>\n{(rest.Contains("From:", StringComparison.Ordinal) ? "" : "From: f@example.kz\n")}{rest}".ReplaceLineEndings("\r\n"));

    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>
    /// A TCP relay in front of Dovecot that, while <see cref="DropAfter"/> is set, cuts a connection once that many bytes
    /// came from the server: what a server or a network that drops a connection in the middle of a FETCH does.
    /// </summary>
    private sealed class DroppingProxy : IAsyncDisposable
    {
        private readonly TcpListener listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource stop = new();
        private readonly int target;
        private readonly Task loop;

        public DroppingProxy(int target)
        {
            this.target = target;
            listener.Start();
            loop = Task.Run(AcceptAsync);
        }

        public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

        public int? DropAfter { get; set; }

        public async ValueTask DisposeAsync()
        {
            await stop.CancelAsync();
            listener.Stop();
            await loop;
            stop.Dispose();
        }

        private async Task AcceptAsync()
        {
            while (!stop.IsCancellationRequested)
            {
                TcpClient client;
                try
                {
                    client = await listener.AcceptTcpClientAsync(stop.Token);
                }
                catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
                {
                    return;
                }

                _ = Task.Run(() => RelayAsync(client, DropAfter));
            }
        }

        private async Task RelayAsync(TcpClient client, int? dropAfter)
        {
            using var _ = client;
            using var server = new TcpClient();
            await server.ConnectAsync(IPAddress.Loopback, target);
            using var cut = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
            var up = CopyAsync(client.GetStream(), server.GetStream(), null, cut.Token);
            var down = CopyAsync(server.GetStream(), client.GetStream(), dropAfter, cut.Token);
            await Task.WhenAny(up, down);
            await cut.CancelAsync();
            client.Client.Close();
            server.Client.Close();
        }

        private static async Task CopyAsync(NetworkStream from, NetworkStream to, int? limit, CancellationToken cancellationToken)
        {
            var buffer = new byte[8192];
            long relayed = 0;
            try
            {
                while (true)
                {
                    var read = await from.ReadAsync(buffer, cancellationToken);
                    if (read == 0)
                    {
                        return;
                    }

                    var allowed = limit is { } max ? (int)Math.Min(read, max - relayed) : read;
                    await to.WriteAsync(buffer.AsMemory(0, allowed), cancellationToken);
                    relayed += allowed;
                    if (allowed < read)
                    {
                        return;
                    }
                }
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
        }
    }
}
