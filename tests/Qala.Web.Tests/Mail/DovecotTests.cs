using Qala.Engine.Mail.Mime;
using Qala.Web.Infrastructure.Mail.Imap;
using Qala.Web.Tests.Infrastructure;

namespace Qala.Web.Tests.Mail;

/// <summary>The IMAP client against a real Dovecot, with the corpus of real-world messages in its mailbox.</summary>
public sealed class DovecotTests(DovecotServer dovecot) : IClassFixture<DovecotServer>
{
    private static readonly string[] Corpus = [.. Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Mail", "Corpus"), "*.eml").Order(StringComparer.Ordinal)];

    [Fact]
    public async Task Corpus_messages_appended_over_IMAPS_come_back_intact_and_are_flagged_and_moved()
    {
        var user = DovecotServer.User(1);
        var ct = TestContext.Current.CancellationToken;
        await using var client = await ImapClient.ConnectAsync(dovecot.Options(ImapSecurity.Tls), ct);
        await client.LoginAsync(user, DovecotServer.Password, ct);
        var appended = new Dictionary<uint, byte[]>();
        foreach (var file in Corpus)
        {
            var bytes = await File.ReadAllBytesAsync(file, ct);
            var uid = await client.AppendAsync("INBOX", bytes, [], ct);
            appended[uid.ShouldNotBeNull()] = bytes;
        }

        var inbox = await client.SelectAsync("INBOX", ct);
        var unseen = await client.UidSearchAsync("UNSEEN", ct);
        var summaries = await client.UidFetchSummariesAsync(unseen, ct);
        var fetched = await client.UidFetchMessagesAsync(unseen, ct);

        inbox.Exists.ShouldBe((uint)Corpus.Length);
        inbox.UidNext.ShouldBe(appended.Keys.Max() + 1);
        unseen.ShouldBe(appended.Keys.Order());
        summaries.ShouldAllBe(m => m.Size > 0 && m.Content == null);
        fetched.Count.ShouldBe(Corpus.Length);
        foreach (var message in fetched)
        {
            var original = MimeParser.Parse(appended[message.Uid]);
            var received = MimeParser.Parse(message.Content!);
            received.Subject.ShouldBe(original.Subject);
            received.From.ShouldBe(original.From);
            received.Text.ShouldBe(original.Text);
            // Dovecot serves lines ending in CRLF; the corpus files end theirs in LF, which shows in text attachments.
            received.Attachments.Select(a => (a.FileName, a.Content.Count(b => b != '\r')))
                .ShouldBe(original.Attachments.Select(a => (a.FileName, a.Content.Count(b => b != '\r'))));
            received.Issues.ShouldBeEmpty();
        }

        var subjects = fetched.Select(m => MimeParser.Parse(m.Content!).Subject).ToList();
        subjects.ShouldContain("Re: Абай даңғылындағы аялдама туралы ұсыныс");
        subjects.ShouldContain("RE: Ваше обращение зарегистрировано");
        subjects.ShouldContain("Мусор во дворе");

        // Fetching with BODY.PEEK[] left them unread; reading them is the intake's decision.
        (await client.UidSearchAsync("UNSEEN", ct)).Count.ShouldBe(Corpus.Length);
        var first = unseen.Take(3).ToList();
        await client.UidAddFlagsAsync(first, ["\\Seen"], ct);
        (await client.UidSearchAsync("UNSEEN", ct)).ShouldBe(unseen.Skip(3));

        const string Done = "Өңделген";
        await client.CreateMailboxAsync(Done, ct);
        await client.CreateMailboxAsync(Done, ct);
        await client.UidMoveAsync(first, Done, ct);
        (await client.UidSearchAsync("ALL", ct)).ShouldBe(unseen.Skip(3));
        var moved = await client.SelectAsync(Done, ct);
        moved.Exists.ShouldBe(3u);
        (await client.UidSearchAsync("SEEN", ct)).Count.ShouldBe(3);

        // UIDVALIDITY stays the same for the life of the mailbox: remembered UIDs still name the same messages.
        (await client.SelectAsync("INBOX", ct)).UidValidity.ShouldBe(inbox.UidValidity);
        await client.LogoutAsync(ct);
    }

    [Fact]
    public async Task STARTTLS_secures_the_plain_port_before_LOGIN()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var client = await ImapClient.ConnectAsync(dovecot.Options(ImapSecurity.StartTls), ct);

        client.Has("STARTTLS").ShouldBeFalse();
        client.Has("AUTH=PLAIN").ShouldBeTrue();
        await client.LoginCommandAsync(DovecotServer.User(2), DovecotServer.Password, ct);
        var inbox = await client.SelectAsync("INBOX", ct);

        client.Has("UIDPLUS").ShouldBeTrue();
        inbox.Exists.ShouldBe(0u);
        inbox.UidValidity.ShouldBeGreaterThan(0u);
        await client.LogoutAsync(ct);
    }

    [Fact]
    public async Task A_wrong_password_is_a_clear_authentication_error()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var client = await ImapClient.ConnectAsync(dovecot.Options(ImapSecurity.Tls), ct);

        var error = await Should.ThrowAsync<ImapAuthenticationException>(() => client.LoginAsync(DovecotServer.User(3), "not-the-password", ct));

        error.ResponseCode.ShouldBe("AUTHENTICATIONFAILED");
        error.Message.ShouldNotContain("not-the-password");
    }

    [Fact]
    public async Task A_certificate_that_is_neither_trusted_nor_pinned_is_refused()
    {
        var ct = TestContext.Current.CancellationToken;
        var options = dovecot.Options(ImapSecurity.Tls) with { PinnedCertificateSha256 = null };

        var error = await Should.ThrowAsync<ImapConnectionException>(() => ImapClient.ConnectAsync(options, ct));

        error.Message.ShouldStartWith("TLS with 127.0.0.1");
    }

    [Fact]
    public async Task UIDs_keep_growing_and_a_new_session_sees_what_another_appended()
    {
        var user = DovecotServer.User(4);
        var ct = TestContext.Current.CancellationToken;
        var message = await File.ReadAllBytesAsync(Corpus[0], ct);
        await using var writer = await ImapClient.ConnectAsync(dovecot.Options(ImapSecurity.Tls), ct);
        await writer.LoginAsync(user, DovecotServer.Password, ct);
        var before = await writer.SelectAsync("INBOX", ct);
        var uid = await writer.AppendAsync("INBOX", message, [], ct);
        await using var reader = await ImapClient.ConnectAsync(dovecot.Options(ImapSecurity.StartTls), ct);
        await reader.LoginAsync(user, DovecotServer.Password, ct);

        var after = await reader.SelectAsync("INBOX", ct);
        var newer = await reader.UidSearchAsync($"UID {before.UidNext}:*", ct);

        after.UidValidity.ShouldBe(before.UidValidity);
        newer.ShouldBe([uid!.Value]);
        uid.Value.ShouldBeGreaterThanOrEqualTo(before.UidNext!.Value);
    }
}
