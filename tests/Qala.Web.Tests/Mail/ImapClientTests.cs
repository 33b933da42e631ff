using System.Text;
using Qala.Web.Infrastructure.Mail.Imap;

namespace Qala.Web.Tests.Mail;

/// <summary>The client against recorded dialogues, including servers that misbehave.</summary>
public sealed class ImapClientTests
{
    private const string Greeting = "* OK [CAPABILITY IMAP4rev1 SASL-IR LITERAL+ AUTH=PLAIN AUTH=LOGIN] Dovecot (Debian) ready.";

    [Fact]
    public async Task Authenticate_plain_sends_the_credentials_after_the_continuation_and_learns_the_new_capabilities()
    {
        await using var server = new FakeImapServer(async s =>
        {
            await s.SendAsync(Greeting);
            await s.ExpectAsync("Q0001 AUTHENTICATE PLAIN");
            await s.SendAsync("+ ");
            await s.ExpectAsync(Convert.ToBase64String(Encoding.UTF8.GetBytes("\0otinish@almaty.gov.kz\0pässwörd")));
            await s.SendAsync("Q0001 OK [CAPABILITY IMAP4rev1 MOVE UIDPLUS] Logged in");
        });
        await using var client = await server.ConnectClientAsync();

        await client.LoginAsync("otinish@almaty.gov.kz", "pässwörd", CancellationToken.None);

        client.Greeting.ShouldBe("Dovecot (Debian) ready.");
        client.Has("MOVE").ShouldBeTrue();
        client.Has("AUTH=PLAIN").ShouldBeFalse();
        await server.Finished;
    }

    [Fact]
    public async Task Login_quotes_what_it_can_and_sends_non_ASCII_as_a_literal()
    {
        await using var server = new FakeImapServer(async s =>
        {
            await s.SendAsync("* OK [CAPABILITY IMAP4rev1] ready");
            await s.ExpectAsync("Q0001 LOGIN \"a\\\"b\\\\c\" {8}");
            await s.SendAsync("+ go ahead");
            (await s.ReadBytesAsync(8)).ShouldBe(Encoding.UTF8.GetBytes("құпия"[..4]));
            await s.ExpectAsync(string.Empty);
            await s.SendAsync("* CAPABILITY IMAP4rev1 UIDPLUS");
            await s.SendAsync("Q0001 OK Logged in");
            await s.ExpectAsync("Q0002 CAPABILITY");
            await s.SendAsync("* CAPABILITY IMAP4rev1 UIDPLUS IDLE");
            await s.SendAsync("Q0002 OK done");
        });
        await using var client = await server.ConnectClientAsync();

        await client.LoginAsync("a\"b\\c", "құпия"[..4], CancellationToken.None);

        client.Capabilities.ShouldBe(["IMAP4REV1", "UIDPLUS", "IDLE"], ignoreOrder: true);
        await server.Finished;
    }

    [Fact]
    public async Task A_refused_password_is_an_authentication_error_without_the_password_in_it()
    {
        await using var server = new FakeImapServer(async s =>
        {
            await s.SendAsync(Greeting);
            await s.ExpectAsync("Q0001 AUTHENTICATE PLAIN");
            await s.SendAsync("+ ");
            await s.ReadLineAsync();
            await s.SendAsync("Q0001 NO [AUTHENTICATIONFAILED] Authentication failed.");
        });
        await using var client = await server.ConnectClientAsync();

        var error = await Should.ThrowAsync<ImapAuthenticationException>(() => client.LoginAsync("user", "secret-password", CancellationToken.None));

        error.ResponseCode.ShouldBe("AUTHENTICATIONFAILED");
        error.Message.ShouldBe("IMAP AUTHENTICATE failed: NO [AUTHENTICATIONFAILED] Authentication failed.");
        error.Message.ShouldNotContain("secret");
    }

    [Fact]
    public async Task Select_search_fetch_store_and_move_speak_the_protocol()
    {
        var message = Encoding.UTF8.GetBytes("From: a@b.kz\r\nSubject: =?UTF-8?B?0KHTmdC70LXQvA==?=\r\n\r\nМәтін\r\n");
        await using var server = new FakeImapServer(async s =>
        {
            await s.SendAsync("* OK [CAPABILITY IMAP4rev1 MOVE] ready");
            await s.ExpectAsync("Q0001 SELECT \"INBOX\"");
            await s.SendAsync("""
                * FLAGS (\Answered \Flagged \Deleted \Seen \Draft)
                * OK [PERMANENTFLAGS (\Answered \Flagged \Deleted \Seen \Draft \*)] Flags permitted.
                * 3 EXISTS
                * 0 RECENT
                * OK [UIDVALIDITY 1795522619] UIDs valid
                * OK [UIDNEXT 8] Predicted next UID
                Q0001 OK [READ-WRITE] Select completed (0.003 + 0.000 + 0.002 secs).
                """);
            await s.ExpectAsync("Q0002 UID SEARCH UID 5:*");
            await s.SendAsync("* SEARCH 7 5 6\nQ0002 OK Search completed");
            await s.ExpectAsync("Q0003 UID FETCH 5:7 (UID FLAGS RFC822.SIZE)");
            await s.SendAsync("* 1 FETCH (UID 5 FLAGS (\\Seen) RFC822.SIZE 120)\n* 2 FETCH (UID 6 FLAGS () RFC822.SIZE 31000000)\n* 3 FETCH (UID 7 FLAGS () RFC822.SIZE 64)\nQ0003 OK Fetch completed");
            await s.ExpectAsync("Q0004 UID FETCH 7 (UID FLAGS RFC822.SIZE BODY.PEEK[])");
            await s.SendAsync($"* 2 FETCH (FLAGS (\\Seen))\n* 3 FETCH (UID 7 RFC822.SIZE {message.Length} FLAGS () BODY[] {{{message.Length}}}");
            await s.SendBytesAsync(message);
            await s.SendAsync(")\nQ0004 OK Fetch completed");
            await s.ExpectAsync("Q0005 UID STORE 5,7 +FLAGS.SILENT (\\Seen $Imported)");
            await s.SendAsync("Q0005 OK Store completed");
            await s.ExpectAsync("Q0006 UID MOVE 7 \"&BB4EMQRABDAEMQQ+BEIEMAQ9BD4-\"");
            await s.SendAsync("* OK [COPYUID 1795522619 7 1] Moved UIDs.\n* 3 EXPUNGE\nQ0006 OK Move completed");
            await s.ExpectAsync("Q0007 LOGOUT");
            await s.SendAsync("* BYE Logging out\nQ0007 OK Logout completed");
        });
        await using var client = await server.ConnectClientAsync();

        var inbox = await client.SelectAsync("INBOX", CancellationToken.None);
        var uids = await client.UidSearchAsync("UID 5:*", CancellationToken.None);
        var summaries = await client.UidFetchSummariesAsync(uids, CancellationToken.None);
        var fetched = await client.UidFetchMessagesAsync([7], CancellationToken.None);
        await client.UidAddFlagsAsync([5, 7], ["\\Seen", "$Imported"], CancellationToken.None);
        await client.UidMoveAsync([7], "Обработано", CancellationToken.None);
        await client.LogoutAsync(CancellationToken.None);

        inbox.ShouldBe(new ImapMailbox("INBOX", 1795522619, 8, 3, ReadOnly: false));
        uids.ShouldBe([5u, 6u, 7u]);
        summaries.Select(m => (m.Uid, m.Size, m.Flags.Count)).ShouldBe([(5u, (long?)120, 1), (6u, 31000000, 0), (7u, 64, 0)]);
        var one = fetched.ShouldHaveSingleItem();
        one.Uid.ShouldBe(7u);
        one.Content.ShouldBe(message);
        await server.Finished;
    }

    [Fact]
    public async Task Without_MOVE_a_move_is_copy_deleted_flag_and_uid_expunge()
    {
        await using var server = new FakeImapServer(async s =>
        {
            await s.SendAsync("* OK [CAPABILITY IMAP4rev1 UIDPLUS] ready");
            await s.ExpectAsync("Q0001 UID COPY 3:4 \"Done\"");
            await s.SendAsync("Q0001 OK [COPYUID 9 3:4 1:2] Copy completed");
            await s.ExpectAsync("Q0002 UID STORE 3:4 +FLAGS.SILENT (\\Deleted)");
            await s.SendAsync("Q0002 OK Store completed");
            await s.ExpectAsync("Q0003 UID EXPUNGE 3:4");
            await s.SendAsync("* 1 EXPUNGE\n* 1 EXPUNGE\nQ0003 OK Expunge completed");
        });
        await using var client = await server.ConnectClientAsync();

        await client.UidMoveAsync([4, 3], "Done", CancellationToken.None);

        await server.Finished;
    }

    [Fact]
    public async Task Without_UIDPLUS_the_move_falls_back_to_a_plain_expunge()
    {
        await using var server = new FakeImapServer(async s =>
        {
            await s.SendAsync("* OK [CAPABILITY IMAP4rev1] ready");
            await s.ExpectAsync("Q0001 UID COPY 3 \"Done\"");
            await s.SendAsync("Q0001 OK Copy completed");
            await s.ExpectAsync("Q0002 UID STORE 3 +FLAGS.SILENT (\\Deleted)");
            await s.SendAsync("Q0002 OK Store completed");
            await s.ExpectAsync("Q0003 EXPUNGE");
            await s.SendAsync("Q0003 OK Expunge completed");
        });
        await using var client = await server.ConnectClientAsync();

        await client.UidMoveAsync([3], "Done", CancellationToken.None);

        await server.Finished;
    }

    [Fact]
    public async Task Append_waits_for_the_continuation_and_returns_the_new_uid()
    {
        var message = "Subject: hi\r\n\r\nbody\r\n"u8.ToArray();
        await using var server = new FakeImapServer(async s =>
        {
            await s.SendAsync("* OK [CAPABILITY IMAP4rev1 UIDPLUS] ready");
            await s.ExpectAsync($"Q0001 APPEND \"INBOX\" (\\Seen) {{{message.Length}}}");
            await s.SendAsync("+ OK");
            (await s.ReadBytesAsync(message.Length)).ShouldBe(message);
            await s.ExpectAsync(string.Empty);
            await s.SendAsync("Q0001 OK [APPENDUID 1795522619 42] Append completed.");
        });
        await using var client = await server.ConnectClientAsync();

        var uid = await client.AppendAsync("INBOX", message, ["\\Seen"], CancellationToken.None);

        uid.ShouldBe(42u);
        await server.Finished;
    }

    [Fact]
    public async Task A_refused_append_does_not_send_the_literal()
    {
        await using var server = new FakeImapServer(async s =>
        {
            await s.SendAsync("* OK [CAPABILITY IMAP4rev1] ready");
            await s.ExpectAsync("Q0001 APPEND \"Nowhere\" () {4}");
            await s.SendAsync("Q0001 NO [TRYCREATE] Mailbox doesn't exist: Nowhere");
            await s.ExpectAsync("Q0002 CAPABILITY");
            await s.SendAsync("* CAPABILITY IMAP4rev1\nQ0002 OK done");
        });
        await using var client = await server.ConnectClientAsync();

        var error = await Should.ThrowAsync<ImapCommandException>(() => client.AppendAsync("Nowhere", "body"u8.ToArray(), [], CancellationToken.None));
        await client.CapabilityAsync(CancellationToken.None);

        error.ResponseCode.ShouldBe("TRYCREATE");
        error.Status.ShouldBe("NO");
        await server.Finished;
    }

    [Fact]
    public async Task A_BAD_answer_is_a_command_error_and_the_connection_stays_usable()
    {
        await using var server = new FakeImapServer(async s =>
        {
            await s.SendAsync("* OK ready");
            await s.ExpectAsync("Q0001 UID SEARCH NONSENSE");
            await s.SendAsync("Q0001 BAD Error in IMAP command UID SEARCH: Unknown argument NONSENSE");
            await s.ExpectAsync("Q0002 UID SEARCH ALL");
            await s.SendAsync("* SEARCH\nQ0002 OK done");
        });
        await using var client = await server.ConnectClientAsync();

        var error = await Should.ThrowAsync<ImapCommandException>(() => client.UidSearchAsync("NONSENSE", CancellationToken.None));
        var none = await client.UidSearchAsync("ALL", CancellationToken.None);

        error.Status.ShouldBe("BAD");
        none.ShouldBeEmpty();
        await server.Finished;
    }

    [Fact]
    public async Task A_connection_dropped_in_the_middle_of_a_literal_is_a_clear_connection_error()
    {
        await using var server = new FakeImapServer(async s =>
        {
            await s.SendAsync("* OK ready");
            await s.ExpectAsync("Q0001 UID FETCH 1 (UID FLAGS RFC822.SIZE BODY.PEEK[])");
            await s.SendAsync("* 1 FETCH (UID 1 BODY[] {1000}");
            await s.SendBytesAsync(new byte[400]);
        });
        await using var client = await server.ConnectClientAsync();

        var error = await Should.ThrowAsync<ImapConnectionException>(() => client.UidFetchMessagesAsync([1], CancellationToken.None));

        error.Message.ShouldBe("IMAP server closed the connection in the middle of a literal (400 of 1000 bytes received).");
        var after = await Should.ThrowAsync<ImapConnectionException>(() => client.UidSearchAsync("ALL", CancellationToken.None));
        after.Message.ShouldStartWith("IMAP connection is no longer usable");
    }

    [Fact]
    public async Task A_server_that_says_BYE_and_hangs_up_is_named_in_the_error()
    {
        await using var server = new FakeImapServer(async s =>
        {
            await s.SendAsync("* OK ready");
            await s.ReadLineAsync();
            await s.SendAsync("* BYE Server shutting down.");
        });
        await using var client = await server.ConnectClientAsync();

        var error = await Should.ThrowAsync<ImapConnectionException>(() => client.SelectAsync("INBOX", CancellationToken.None));

        error.Message.ShouldBe("IMAP server ended the session during SELECT (BYE Server shutting down.).");
    }

    [Fact]
    public async Task A_server_that_stops_answering_times_out()
    {
        var release = new TaskCompletionSource();
        await using var server = new FakeImapServer(async s =>
        {
            await s.SendAsync("* OK ready");
            await s.ReadLineAsync();
            await release.Task;
        });
        await using var client = await server.ConnectClientAsync(TimeSpan.FromMilliseconds(300));

        var error = await Should.ThrowAsync<ImapConnectionException>(() => client.SelectAsync("INBOX", CancellationToken.None));
        release.SetResult();

        error.Message.ShouldBe("IMAP SELECT got no answer within 0.3 s.");
    }

    [Fact]
    public async Task Cancellation_stops_a_command_and_leaves_the_client_unusable()
    {
        var release = new TaskCompletionSource();
        await using var server = new FakeImapServer(async s =>
        {
            await s.SendAsync("* OK ready");
            await s.ReadLineAsync();
            await release.Task;
        });
        await using var client = await server.ConnectClientAsync();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Should.ThrowAsync<OperationCanceledException>(() => client.SelectAsync("INBOX", cancel.Token));
        release.SetResult();

        await Should.ThrowAsync<ImapConnectionException>(() => client.SelectAsync("INBOX", CancellationToken.None));
    }

    [Fact]
    public async Task A_literal_over_the_limit_ends_the_connection_instead_of_filling_memory()
    {
        await using var server = new FakeImapServer(async s =>
        {
            await s.SendAsync("* OK ready");
            await s.ReadLineAsync();
            await s.SendAsync("* 1 FETCH (UID 1 BODY[] {5000000000}");
        });
        await using var client = await server.ConnectClientAsync(maxLiteralBytes: 1024);

        var error = await Should.ThrowAsync<ImapConnectionException>(() => client.UidFetchMessagesAsync([1], CancellationToken.None));

        error.Message.ShouldBe("IMAP server sent a literal of 5000000000 bytes, over the limit of 1024.");
    }

    [Fact]
    public async Task A_greeting_of_BYE_refuses_the_connection()
    {
        await using var server = new FakeImapServer(s => s.SendAsync("* BYE Too many connections"));

        var error = await Should.ThrowAsync<ImapConnectionException>(() => server.ConnectClientAsync());

        error.Message.ShouldBe("IMAP server refused the connection: Too many connections");
    }

    [Fact]
    public async Task Implicit_TLS_accepts_a_self_signed_certificate_only_when_it_is_pinned()
    {
        using var certificate = FakeImapServer.SelfSignedCertificate();
        var fingerprint = ImapConnectionOptions.Fingerprint(certificate);
        await using var trusted = new FakeImapServer(s => s.SendAsync("* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] TLS ready"), FakeImapServer.SelfSignedCertificate());
        await using var untrusted = new FakeImapServer(s => s.SendAsync("* OK never read"), FakeImapServer.SelfSignedCertificate());
        await using var pinned = new FakeImapServer(s => s.SendAsync("* OK [CAPABILITY IMAP4rev1] pinned"), certificate);

        var refused = await Should.ThrowAsync<ImapConnectionException>(() => ImapClient.ConnectAsync(new ImapConnectionOptions { Host = "localhost", Port = untrusted.Port }, CancellationToken.None));
        await using var accepted = await ImapClient.ConnectAsync(
            new ImapConnectionOptions { Host = "localhost", Port = trusted.Port, ServerCertificateValidation = (_, presented, _, _) => presented?.Subject == "CN=localhost" }, CancellationToken.None);
        await using var byPin = await ImapClient.ConnectAsync(
            new ImapConnectionOptions { Host = "localhost", Port = pinned.Port, PinnedCertificateSha256 = string.Join(':', fingerprint.Chunk(2).Select(c => new string(c))) }, CancellationToken.None);

        refused.Message.ShouldStartWith($"TLS with localhost:{untrusted.Port} failed");
        accepted.Greeting.ShouldBe("TLS ready");
        byPin.Greeting.ShouldBe("pinned");
    }

    [Fact]
    public async Task An_unreachable_server_is_a_connection_error()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var error = await Should.ThrowAsync<ImapConnectionException>(() => ImapClient.ConnectAsync(new ImapConnectionOptions { Host = "127.0.0.1", Port = port }, CancellationToken.None));

        error.Message.ShouldStartWith($"IMAP server 127.0.0.1:{port} is unreachable");
    }
}
