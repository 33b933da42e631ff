using System.Globalization;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;

namespace Qala.Web.Infrastructure.Mail.Imap;

/// <summary>The state of a selected mailbox.</summary>
public sealed record ImapMailbox(string Name, uint UidValidity, uint? UidNext, uint Exists, bool ReadOnly);

/// <summary>
/// A message as fetched: its UID, flags, size, and — when the content was asked for — its raw bytes. Fetching with
/// <c>BODY.PEEK[]</c> leaves the <c>\Seen</c> flag alone.
/// </summary>
public sealed record ImapMessage(uint Uid, IReadOnlyList<string> Flags, long? Size, byte[]? Content);

/// <summary>
/// The smallest IMAP4rev1 client Qala needs to read a mailbox (RFC 3501, with MOVE and UIDPLUS when offered):
/// implicit TLS or STARTTLS, LOGIN or AUTHENTICATE PLAIN, SELECT, UID SEARCH, UID FETCH, UID STORE, UID MOVE (or
/// COPY, flag and expunge), APPEND, CREATE, LOGOUT. One command at a time; every command has a time limit; a
/// NO or BAD becomes an <see cref="ImapCommandException"/>, a dropped or stalled connection an
/// <see cref="ImapConnectionException"/> after which the client is unusable. Credentials never appear in exceptions.
/// </summary>
public sealed class ImapClient : IAsyncDisposable
{
    private readonly TcpClient? tcp;
    private readonly TimeSpan timeout;
    private readonly long maxLiteralBytes;
    private Stream stream;
    private ImapResponseReader reader;
    private int tags;
    private string? failure;
    private string? goodbye;

    private ImapClient(Stream stream, TcpClient? tcp, TimeSpan timeout, long maxLiteralBytes)
    {
        this.stream = stream;
        this.tcp = tcp;
        this.timeout = timeout;
        this.maxLiteralBytes = maxLiteralBytes;
        reader = new ImapResponseReader(stream, maxLiteralBytes);
    }

    /// <summary>What the server said it can do, upper-cased (<c>IMAP4REV1</c>, <c>MOVE</c>, <c>AUTH=PLAIN</c>…).</summary>
    public IReadOnlySet<string> Capabilities { get; private set; } = new HashSet<string>();

    /// <summary>The greeting's text.</summary>
    public string Greeting { get; private set; } = string.Empty;

    /// <summary>Whether the server offers <paramref name="capability"/>.</summary>
    public bool Has(string capability) => Capabilities.Contains(capability.ToUpperInvariant());

    /// <summary>Connects, secures the connection as configured, and reads the greeting.</summary>
    public static async Task<ImapClient> ConnectAsync(ImapConnectionOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var tcp = new TcpClient { NoDelay = true };
        ImapClient? client = null;
        try
        {
            using var limit = Limit(options.Timeout, cancellationToken);
            try
            {
                await tcp.ConnectAsync(options.Host, options.Port, limit.Token);
                Stream stream = tcp.GetStream();
                if (options.Security == ImapSecurity.Tls)
                {
                    stream = await SecureAsync(stream, options, limit.Token);
                }

                client = new ImapClient(stream, tcp, options.Timeout, options.MaxLiteralBytes);
                await client.ReadGreetingAsync(limit.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new ImapConnectionException($"IMAP server {options.Host}:{options.Port} did not answer within {Seconds(options.Timeout)}.");
            }
            catch (SocketException exception)
            {
                throw new ImapConnectionException($"IMAP server {options.Host}:{options.Port} is unreachable: {exception.Message}", exception);
            }
            catch (IOException exception)
            {
                throw new ImapConnectionException($"IMAP connection to {options.Host}:{options.Port} broke: {exception.Message}", exception);
            }

            if (options.Security == ImapSecurity.StartTls)
            {
                await client.StartTlsAsync(options, cancellationToken);
            }

            if (client.Capabilities.Count == 0)
            {
                await client.CapabilityAsync(cancellationToken);
            }

            return client;
        }
        catch
        {
            if (client is not null)
            {
                await client.DisposeAsync();
            }
            else
            {
                tcp.Dispose();
            }

            throw;
        }
    }

    /// <summary>Speaks IMAP over a stream the caller connected (and secured); reads the greeting.</summary>
    internal static async Task<ImapClient> OpenAsync(Stream stream, TimeSpan timeout, long maxLiteralBytes, CancellationToken cancellationToken)
    {
        var client = new ImapClient(stream, null, timeout, maxLiteralBytes);
        await client.RunAsync("greeting", client.ReadGreetingAsync, cancellationToken);
        return client;
    }

    /// <summary>Asks for the capabilities again (they change after STARTTLS and login).</summary>
    public async Task<IReadOnlySet<string>> CapabilityAsync(CancellationToken cancellationToken)
    {
        await ExecuteAsync("CAPABILITY", ["CAPABILITY"], cancellationToken);
        return Capabilities;
    }

    /// <summary>
    /// Signs in with AUTHENTICATE PLAIN where the server offers it, else with LOGIN. A refusal is an
    /// <see cref="ImapAuthenticationException"/>.
    /// </summary>
    public Task LoginAsync(string userName, string password, CancellationToken cancellationToken) =>
        Has("AUTH=PLAIN") ? AuthenticatePlainAsync(userName, password, cancellationToken) : LoginCommandAsync(userName, password, cancellationToken);

    /// <summary>Signs in with the LOGIN command.</summary>
    public async Task LoginCommandAsync(string userName, string password, CancellationToken cancellationToken)
    {
        var result = await ExecuteAsync("LOGIN", ["LOGIN ", AString(userName), " ", AString(password)], cancellationToken, authentication: true);
        await RefreshCapabilitiesAsync(result, cancellationToken);
    }

    /// <summary>Signs in with SASL PLAIN (RFC 4616), the credentials sent after the server's continuation.</summary>
    public async Task AuthenticatePlainAsync(string userName, string password, CancellationToken cancellationToken)
    {
        var response = Encoding.ASCII.GetBytes(Convert.ToBase64String(Encoding.UTF8.GetBytes($"\0{userName}\0{password}")));
        var result = await ExecuteAsync("AUTHENTICATE", ["AUTHENTICATE PLAIN", new Continuation(response)], cancellationToken, authentication: true);
        await RefreshCapabilitiesAsync(result, cancellationToken);
    }

    /// <summary>Selects a mailbox for reading and changing; its UIDVALIDITY says whether remembered UIDs still hold.</summary>
    public async Task<ImapMailbox> SelectAsync(string mailbox, CancellationToken cancellationToken)
    {
        var result = await ExecuteAsync("SELECT", ["SELECT ", MailboxArgument(mailbox)], cancellationToken);
        uint? uidValidity = null;
        uint? uidNext = null;
        uint exists = 0;
        foreach (var response in result.Untagged)
        {
            if (response.Code is { } code)
            {
                uidValidity ??= CodeNumber(code, "UIDVALIDITY");
                uidNext ??= CodeNumber(code, "UIDNEXT");
            }

            if (response.Values is [ImapAtom { Number: { } count }, ImapAtom word] && word.Is("EXISTS"))
            {
                exists = count;
            }
        }

        if (uidValidity is null)
        {
            throw new ImapConnectionException($"IMAP server selected {mailbox} without a UIDVALIDITY.");
        }

        var readOnly = result.Completion.Code?.StartsWith("READ-ONLY", StringComparison.OrdinalIgnoreCase) == true;
        return new ImapMailbox(mailbox, uidValidity.Value, uidNext, exists, readOnly);
    }

    /// <summary>
    /// UID SEARCH with <paramref name="criteria"/> written as IMAP search keys (<c>UID 12:*</c>, <c>UNSEEN</c>,
    /// <c>ALL</c>): the matching UIDs in ascending order.
    /// </summary>
    public async Task<IReadOnlyList<uint>> UidSearchAsync(string criteria, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(criteria);
        if (criteria.Any(c => c is '\r' or '\n' or '\0'))
        {
            throw new ArgumentException("Search criteria cannot contain line breaks.", nameof(criteria));
        }

        var result = await ExecuteAsync("UID SEARCH", ["UID SEARCH ", criteria], cancellationToken);
        var uids = new SortedSet<uint>();
        foreach (var response in result.Untagged)
        {
            if (response.Values is [ImapAtom word, ..] && word.Is("SEARCH"))
            {
                foreach (var number in response.Values.Skip(1))
                {
                    if (number is ImapAtom { Number: { } uid })
                    {
                        uids.Add(uid);
                    }
                }
            }
        }

        return [.. uids];
    }

    /// <summary>UIDs, flags and sizes, without content: what to fetch, and what is too large to.</summary>
    public Task<IReadOnlyList<ImapMessage>> UidFetchSummariesAsync(IEnumerable<uint> uids, CancellationToken cancellationToken) =>
        FetchAsync(uids, "(UID FLAGS RFC822.SIZE)", withContent: false, cancellationToken);

    /// <summary>The raw messages (<c>BODY.PEEK[]</c>, which does not set <c>\Seen</c>) with their flags and sizes.</summary>
    public Task<IReadOnlyList<ImapMessage>> UidFetchMessagesAsync(IEnumerable<uint> uids, CancellationToken cancellationToken) =>
        FetchAsync(uids, "(UID FLAGS RFC822.SIZE BODY.PEEK[])", withContent: true, cancellationToken);

    /// <summary>Adds flags (<c>\Seen</c>, <c>\Flagged</c>, or a keyword) to the messages.</summary>
    public async Task UidAddFlagsAsync(IEnumerable<uint> uids, IEnumerable<string> flags, CancellationToken cancellationToken)
    {
        var set = UidSet(uids);
        if (set.Length == 0)
        {
            return;
        }

        await ExecuteAsync("UID STORE", ["UID STORE ", set, " +FLAGS.SILENT (", FlagList(flags), ")"], cancellationToken);
    }

    /// <summary>
    /// Moves the messages to <paramref name="destination"/>: UID MOVE (RFC 6851) where offered, else UID COPY, the
    /// <c>\Deleted</c> flag and UID EXPUNGE (UIDPLUS) — or, on a server without UIDPLUS, a plain EXPUNGE, which also
    /// removes any other message already flagged <c>\Deleted</c> in the mailbox.
    /// </summary>
    public async Task UidMoveAsync(IEnumerable<uint> uids, string destination, CancellationToken cancellationToken)
    {
        var list = uids.ToList();
        var set = UidSet(list);
        if (set.Length == 0)
        {
            return;
        }

        if (Has("MOVE"))
        {
            await ExecuteAsync("UID MOVE", ["UID MOVE ", set, " ", MailboxArgument(destination)], cancellationToken);
            return;
        }

        await ExecuteAsync("UID COPY", ["UID COPY ", set, " ", MailboxArgument(destination)], cancellationToken);
        await UidAddFlagsAsync(list, ["\\Deleted"], cancellationToken);
        await ExecuteAsync(Has("UIDPLUS") ? "UID EXPUNGE" : "EXPUNGE", [Has("UIDPLUS") ? "UID EXPUNGE " + set : "EXPUNGE"], cancellationToken);
    }

    /// <summary>Creates a mailbox; one that already exists is fine.</summary>
    public async Task CreateMailboxAsync(string mailbox, CancellationToken cancellationToken)
    {
        try
        {
            await ExecuteAsync("CREATE", ["CREATE ", MailboxArgument(mailbox)], cancellationToken);
        }
        catch (ImapCommandException exception) when (exception.Status == "NO" && exception.ResponseCode?.StartsWith("ALREADYEXISTS", StringComparison.OrdinalIgnoreCase) == true)
        {
            // The mailbox is there: what was wanted.
        }
    }

    /// <summary>Appends a raw message to a mailbox; returns its UID when the server tells it (UIDPLUS).</summary>
    public async Task<uint?> AppendAsync(string mailbox, ReadOnlyMemory<byte> message, IEnumerable<string> flags, CancellationToken cancellationToken)
    {
        var result = await ExecuteAsync(
            "APPEND",
            ["APPEND ", MailboxArgument(mailbox), " (", FlagList(flags), ") ", new Literal(message)],
            cancellationToken);
        return result.Completion.Code is { } code && code.StartsWith("APPENDUID ", StringComparison.OrdinalIgnoreCase)
            && uint.TryParse(code.Split(' ')[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var uid) ? uid : null;
    }

    /// <summary>Ends the session politely; the connection closes.</summary>
    public async Task LogoutAsync(CancellationToken cancellationToken)
    {
        await ExecuteAsync("LOGOUT", ["LOGOUT"], cancellationToken);
        failure = "the session was logged out";
    }

    public async ValueTask DisposeAsync()
    {
        failure ??= "the client was disposed";
        await stream.DisposeAsync();
        tcp?.Dispose();
    }

    private async Task<IReadOnlyList<ImapMessage>> FetchAsync(IEnumerable<uint> uids, string items, bool withContent, CancellationToken cancellationToken)
    {
        var set = UidSet(uids);
        if (set.Length == 0)
        {
            return [];
        }

        var result = await ExecuteAsync("UID FETCH", ["UID FETCH ", set, " ", items], cancellationToken);
        var messages = new List<ImapMessage>();
        foreach (var response in result.Untagged)
        {
            if (response.Values is not [ImapAtom, ImapAtom word, ImapList { Items: var attributes }] || !word.Is("FETCH"))
            {
                continue;
            }

            uint? uid = null;
            long? size = null;
            byte[]? content = null;
            List<string> flags = [];
            for (var i = 0; i + 1 < attributes.Count; i += 2)
            {
                if (attributes[i] is not ImapAtom name)
                {
                    continue;
                }

                var value = attributes[i + 1];
                if (name.Is("UID") && value is ImapAtom { Number: { } number })
                {
                    uid = number;
                }
                else if (name.Is("RFC822.SIZE") && value is ImapAtom { LongNumber: { } length })
                {
                    size = length;
                }
                else if (name.Is("FLAGS") && value is ImapList list)
                {
                    flags = [.. list.Items.OfType<ImapAtom>().Select(flag => flag.Text)];
                }
                else if (name.Is("BODY[]") && value is ImapString body)
                {
                    content = body.Bytes;
                }
            }

            // A server may send unsolicited FETCH responses (flag changes by another client): keep only answers.
            if (uid is { } found && (!withContent || content is not null))
            {
                messages.Add(new ImapMessage(found, flags, size, content));
            }
        }

        return messages;
    }

    private async Task StartTlsAsync(ImapConnectionOptions options, CancellationToken cancellationToken)
    {
        if (Capabilities.Count == 0)
        {
            await CapabilityAsync(cancellationToken);
        }

        if (!Has("STARTTLS"))
        {
            throw new ImapConnectionException($"IMAP server {options.Host}:{options.Port} does not offer STARTTLS.");
        }

        await ExecuteAsync("STARTTLS", ["STARTTLS"], cancellationToken);
        // Anything the server sent after its OK and before the handshake could be injected by a man in the middle.
        if (reader.HasBufferedData)
        {
            throw new ImapConnectionException("IMAP server sent data after STARTTLS before the TLS handshake.");
        }

        await RunAsync(
            "TLS handshake",
            async token =>
            {
                stream = await SecureAsync(stream, options, token);
                reader = new ImapResponseReader(stream, maxLiteralBytes);
            },
            cancellationToken);
        // Capabilities said before TLS are not to be trusted after it (RFC 3501 §6.2.1).
        Capabilities = new HashSet<string>();
        await CapabilityAsync(cancellationToken);
    }

    private static async Task<Stream> SecureAsync(Stream stream, ImapConnectionOptions options, CancellationToken cancellationToken)
    {
        var tls = new SslStream(stream, leaveInnerStreamOpen: false);
        try
        {
            await tls.AuthenticateAsClientAsync(
                new SslClientAuthenticationOptions { TargetHost = options.Host, RemoteCertificateValidationCallback = options.CertificateValidation() },
                cancellationToken);
            return tls;
        }
        catch (AuthenticationException exception)
        {
            await tls.DisposeAsync();
            throw new ImapConnectionException($"TLS with {options.Host}:{options.Port} failed: {exception.Message}", exception);
        }
    }

    private async Task ReadGreetingAsync(CancellationToken cancellationToken)
    {
        var greeting = await reader.ReadAsync(cancellationToken);
        if (greeting.IsStatus("BYE") || greeting.Kind != ImapResponseKind.Untagged || greeting.Status is null)
        {
            throw new ImapConnectionException($"IMAP server refused the connection: {greeting.Text}");
        }

        Greeting = greeting.Text;
        NoteCapabilities(greeting);
    }

    private async Task RefreshCapabilitiesAsync(CommandResult result, CancellationToken cancellationToken)
    {
        if (result.Completion.Code?.StartsWith("CAPABILITY ", StringComparison.OrdinalIgnoreCase) != true)
        {
            await CapabilityAsync(cancellationToken);
        }
    }

    private async Task<CommandResult> ExecuteAsync(string name, IReadOnlyList<CommandPart> parts, CancellationToken cancellationToken, bool authentication = false)
    {
        CommandResult? result = null;
        await RunAsync(name, async token => result = await SendAndReadAsync(parts, token), cancellationToken);
        var completion = result!.Completion;
        if (completion.IsStatus("OK"))
        {
            return result;
        }

        if (authentication && completion.IsStatus("NO"))
        {
            throw new ImapAuthenticationException(name, completion.Status!, completion.Code, completion.Text);
        }

        throw new ImapCommandException(name, completion.Status!, completion.Code, completion.Text);
    }

    private async Task<CommandResult> SendAndReadAsync(IReadOnlyList<CommandPart> parts, CancellationToken cancellationToken)
    {
        var tag = $"Q{++tags:D4}";
        var untagged = new List<ImapResponse>();
        var line = new MemoryStream();
        line.Write(Encoding.ASCII.GetBytes(tag + " "));
        foreach (var part in parts)
        {
            switch (part)
            {
                case Text text:
                    line.Write(Encoding.UTF8.GetBytes(text.Value));
                    break;
                case Literal literal:
                    line.Write(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{{{literal.Bytes.Length}}}\r\n")));
                    if (await SendAndAwaitContinuationAsync(line, untagged, cancellationToken) is { } refused)
                    {
                        return new CommandResult(untagged, refused);
                    }

                    line.Write(literal.Bytes.Span);
                    break;
                case Continuation continuation:
                    line.Write("\r\n"u8);
                    if (await SendAndAwaitContinuationAsync(line, untagged, cancellationToken) is { } rejected)
                    {
                        return new CommandResult(untagged, rejected);
                    }

                    line.Write(continuation.Response);
                    break;
            }
        }

        line.Write("\r\n"u8);
        await FlushAsync(line, cancellationToken);
        while (true)
        {
            var response = await ReadResponseAsync(cancellationToken);
            if (response.Kind == ImapResponseKind.Tagged && response.Tag == tag)
            {
                return new CommandResult(untagged, response);
            }

            if (response.Kind == ImapResponseKind.Continuation)
            {
                // Only AUTHENTICATE asks twice; answering an unexpected challenge with an empty line cancels it.
                line.Write("\r\n"u8);
                await FlushAsync(line, cancellationToken);
                continue;
            }

            untagged.Add(response);
        }
    }

    // Sends what is written so far and waits for "+"; a tagged answer instead means the server refused the command.
    private async Task<ImapResponse?> SendAndAwaitContinuationAsync(MemoryStream line, List<ImapResponse> untagged, CancellationToken cancellationToken)
    {
        await FlushAsync(line, cancellationToken);
        while (true)
        {
            var response = await ReadResponseAsync(cancellationToken);
            switch (response.Kind)
            {
                case ImapResponseKind.Continuation:
                    return null;
                case ImapResponseKind.Tagged:
                    return response;
                case ImapResponseKind.Untagged:
                    untagged.Add(response);
                    break;
            }
        }
    }

    private async Task<ImapResponse> ReadResponseAsync(CancellationToken cancellationToken)
    {
        var response = await reader.ReadAsync(cancellationToken);
        if (response.Kind == ImapResponseKind.Untagged && response.IsStatus("BYE"))
        {
            goodbye = response.Text;
        }

        NoteCapabilities(response);
        return response;
    }

    private async Task FlushAsync(MemoryStream line, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(line.GetBuffer().AsMemory(0, (int)line.Length), cancellationToken);
        await stream.FlushAsync(cancellationToken);
        line.SetLength(0);
    }

    // Runs one exchange under the command time limit; any failure of the connection leaves the client unusable.
    private async Task RunAsync(string name, Func<CancellationToken, Task> exchange, CancellationToken cancellationToken)
    {
        if (failure is not null)
        {
            throw new ImapConnectionException($"IMAP connection is no longer usable: {failure}.");
        }

        using var limit = Limit(timeout, cancellationToken);
        try
        {
            await exchange(limit.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            failure = $"{name} got no answer within {Seconds(timeout)}";
            throw new ImapConnectionException($"IMAP {failure}.");
        }
        catch (OperationCanceledException)
        {
            failure = $"{name} was cancelled";
            throw;
        }
        catch (ImapConnectionException exception)
        {
            failure = exception.Message;
            if (goodbye is not null && !name.Equals("LOGOUT", StringComparison.Ordinal))
            {
                throw new ImapConnectionException($"IMAP server ended the session during {name} (BYE {goodbye}).", exception);
            }

            throw;
        }
        catch (IOException exception)
        {
            failure = $"the connection broke during {name}";
            throw new ImapConnectionException($"IMAP connection broke during {name}: {exception.Message}", exception);
        }
    }

    private void NoteCapabilities(ImapResponse response)
    {
        string? list = null;
        if (response.Code?.StartsWith("CAPABILITY ", StringComparison.OrdinalIgnoreCase) == true)
        {
            list = response.Code["CAPABILITY ".Length..];
        }
        else if (response.Values is [ImapAtom word, ..] && word.Is("CAPABILITY"))
        {
            list = string.Join(' ', response.Values.Skip(1).OfType<ImapAtom>().Select(a => a.Text));
        }

        if (list is not null)
        {
            Capabilities = list.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(c => c.ToUpperInvariant()).ToHashSet();
        }
    }

    private static string Seconds(TimeSpan timeout) => string.Create(CultureInfo.InvariantCulture, $"{timeout.TotalSeconds:0.#} s");

    private static CancellationTokenSource Limit(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        return limit;
    }

    private static uint? CodeNumber(string code, string name) =>
        code.StartsWith(name + " ", StringComparison.OrdinalIgnoreCase)
        && uint.TryParse(code[(name.Length + 1)..].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;

    /// <summary>UIDs as an IMAP sequence set with ranges: 1,2,3,7 → <c>1:3,7</c>.</summary>
    internal static string UidSet(IEnumerable<uint> uids)
    {
        var sorted = uids.Where(uid => uid > 0).Distinct().Order().ToList();
        var ranges = new List<string>();
        for (var i = 0; i < sorted.Count; i++)
        {
            var first = sorted[i];
            while (i + 1 < sorted.Count && sorted[i + 1] == sorted[i] + 1)
            {
                i++;
            }

            ranges.Add(first == sorted[i]
                ? first.ToString(CultureInfo.InvariantCulture)
                : string.Create(CultureInfo.InvariantCulture, $"{first}:{sorted[i]}"));
        }

        return string.Join(',', ranges);
    }

    private static string FlagList(IEnumerable<string> flags)
    {
        var list = flags.ToList();
        if (list.Any(flag => flag.Length == 0 || flag.Any(c => c is ' ' or '(' or ')' or '"' or '{' or '\r' or '\n' || char.IsControl(c) || c > '\x7e')))
        {
            throw new ArgumentException("A flag is an atom: no spaces, brackets, quotes or non-ASCII characters.", nameof(flags));
        }

        return string.Join(' ', list);
    }

    private static CommandPart MailboxArgument(string mailbox) => AString(ImapMailboxName.Encode(mailbox));

    // A quoted string where one will do, a literal for line breaks and non-ASCII text (user names, passwords).
    private static CommandPart AString(string value)
    {
        if (value.Any(c => c is '\r' or '\n' or '\0' || c > '\x7e'))
        {
            return new Literal(Encoding.UTF8.GetBytes(value));
        }

        return new Text("\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"");
    }

    // A command is written as text, literals ({n}, then the bytes after the server's "+") and SASL responses.
    private abstract record CommandPart
    {
        public static implicit operator CommandPart(string text) => new Text(text);
    }

    private sealed record Text(string Value) : CommandPart;

    private sealed record Literal(ReadOnlyMemory<byte> Bytes) : CommandPart;

    private sealed record Continuation(byte[] Response) : CommandPart;

    private sealed record CommandResult(IReadOnlyList<ImapResponse> Untagged, ImapResponse Completion);
}
