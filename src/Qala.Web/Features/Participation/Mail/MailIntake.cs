using System.Globalization;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qala.Engine.Instructions.Extraction;
using Qala.Engine.Languages;
using Qala.Engine.Mail.Mime;
using Qala.Web.Data;
using Qala.Web.Infrastructure.Files;
using Qala.Web.Infrastructure.Jobs;
using Qala.Web.Infrastructure.Mail.Imap;

namespace Qala.Web.Features.Participation.Mail;

/// <summary>Settings of the e-mail intake (<c>Qala:MailIntake</c>).</summary>
public sealed class MailIntakeOptions
{
    /// <summary>How often the mailboxes are read.</summary>
    public int PollSeconds { get; set; } = 60;

    /// <summary>Larger messages are recorded as skipped and left in the mailbox, flagged, for a person to handle.</summary>
    public long MaxMessageBytes { get; set; } = 25L * 1024 * 1024;

    /// <summary>The most messages one run reads from one mailbox; the rest wait for the next run.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>How long one IMAP command may take.</summary>
    public int TimeoutSeconds { get; set; } = 60;
}

/// <summary>Encrypts mailbox passwords with the application's Data Protection keys, which every node shares.</summary>
public sealed class MailboxSecrets(IDataProtectionProvider provider)
{
    private readonly IDataProtector protector = provider.CreateProtector("Qala.Participation.Mailbox.Secret");

    public string Protect(string secret) => protector.Protect(secret);

    public string Unprotect(string protectedSecret) => protector.Unprotect(protectedSecret);
}

/// <summary>Opens an IMAP session with a mailbox's settings: connected, secured, signed in and the folder selected.</summary>
public sealed class MailboxConnector(MailboxSecrets secrets, IOptions<MailIntakeOptions> options)
{
    public async Task<(ImapClient Client, ImapMailbox Folder)> OpenAsync(Mailbox mailbox, CancellationToken cancellationToken)
    {
        var password = mailbox.Secret is null ? string.Empty : secrets.Unprotect(mailbox.Secret);
        var client = await ImapClient.ConnectAsync(
            new ImapConnectionOptions
            {
                Host = mailbox.Host,
                Port = mailbox.Port,
                Security = mailbox.Security,
                Timeout = TimeSpan.FromSeconds(options.Value.TimeoutSeconds),
                MaxLiteralBytes = options.Value.MaxMessageBytes + 1024 * 1024,
                PinnedCertificateSha256 = string.IsNullOrWhiteSpace(mailbox.CertificateSha256) ? null : mailbox.CertificateSha256,
            },
            cancellationToken);
        try
        {
            await client.LoginAsync(mailbox.UserName, password, cancellationToken);
            return (client, await client.SelectAsync(mailbox.Folder, cancellationToken));
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
    }

    /// <summary>What went wrong, in words an administrator can act on; never the password.</summary>
    public static string Describe(Exception e) => e switch
    {
        ImapAuthenticationException => $"The server refused the user name or password. {e.Message}",
        ImapException => e.Message,
        AuthenticationException => $"The TLS connection failed (certificate?): {e.Message}",
        SocketException or IOException => $"The server cannot be reached: {e.Message}",
        FormatException or CryptographicException => "The stored password or certificate fingerprint cannot be read; enter them again.",
        _ => e.Message,
    };

    /// <summary>The failures of the network, the server or the settings; anything else is a bug and propagates.</summary>
    public static bool IsMailboxFailure(Exception e) =>
        e is ImapException or AuthenticationException or SocketException or IOException or FormatException or CryptographicException or TimeoutException;
}

/// <summary>Reads every enabled mailbox on schedule; one run at a time through the job claim.</summary>
public sealed class MailIntakeJob(QalaDbContext db, MailboxIntake intake) : IJobHandler
{
    public const string JobKind = "participation-mail-intake";

    public string Kind => JobKind;

    /// <summary>
    /// Every <see cref="MailIntakeOptions.PollSeconds"/>, the first run ten minutes after the schedule is first
    /// registered (a new installation has no mailbox yet; "read now" on the mailbox page does not wait).
    /// </summary>
    public static JobSchedule Schedule(MailIntakeOptions options) =>
        new(JobKind, TimeSpan.FromSeconds(options.PollSeconds), TimeSpan.FromMinutes(10));

    public async Task RunAsync(string? payload, CancellationToken cancellationToken)
    {
        var mailboxes = await db.Set<Mailbox>().Where(m => m.Enabled).Select(m => m.Id).ToListAsync(cancellationToken);
        foreach (var id in mailboxes)
        {
            await intake.ReadAsync(id, cancellationToken);
        }
    }
}

/// <summary>
/// Reads one mailbox into suggestions, exactly once per message: summaries first (a message over the size limit is
/// recorded and skipped), then each message whole, parsed and imported in one transaction with its log row and the
/// reader's new position; only after the commit is the message flagged or moved, and a log row not yet settled is
/// settled by the next run. A failure of the server or the network is recorded on the reader, never thrown.
/// </summary>
public sealed partial class MailboxIntake(
    QalaDbContext db, MailboxConnector connector, SuggestionIntake suggestions, AttachmentStore attachments, TimeProvider time,
    IOptions<MailIntakeOptions> options, ILogger<MailboxIntake> logger)
{
    public async Task ReadAsync(int mailboxId, CancellationToken cancellationToken)
    {
        var mailbox = await db.Set<Mailbox>().AsNoTracking().SingleAsync(m => m.Id == mailboxId, cancellationToken);
        var reader = await db.Set<MailboxReader>().SingleOrDefaultAsync(r => r.MailboxId == mailboxId, cancellationToken);
        if (reader is null)
        {
            reader = new MailboxReader { MailboxId = mailboxId };
            db.Add(reader);
        }

        reader.LastRunAt = time.GetUtcNow();
        reader.LastRunMessages = 0;
        reader.LastError = null;
        try
        {
            await ReadMessagesAsync(mailbox, reader, cancellationToken);
        }
        catch (Exception e) when (MailboxConnector.IsMailboxFailure(e) && !cancellationToken.IsCancellationRequested)
        {
            LogFailed(logger, mailboxId, e.GetType().Name);
            db.ChangeTracker.Clear();
            reader = await db.Set<MailboxReader>().SingleOrDefaultAsync(r => r.MailboxId == mailboxId, cancellationToken) ?? db.Add(new MailboxReader { MailboxId = mailboxId }).Entity;
            reader.LastRunAt = time.GetUtcNow();
            var error = MailboxConnector.Describe(e);
            reader.LastError = error.Length > 2000 ? error[..2000] : error;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task ReadMessagesAsync(Mailbox mailbox, MailboxReader reader, CancellationToken cancellationToken)
    {
        var (client, folder) = await connector.OpenAsync(mailbox, cancellationToken);
        await using var _ = client;
        if (reader.UidValidity != folder.UidValidity)
        {
            // Remembered UIDs mean nothing under a new UIDVALIDITY: read from the start; Message-IDs stop repeats.
            (reader.UidValidity, reader.LastUid) = (folder.UidValidity, 0);
        }

        await db.SaveChangesAsync(cancellationToken);
        var unsettled = await db.Set<MailIntakeLog>()
            .Where(l => l.MailboxId == mailbox.Id && l.UidValidity == reader.UidValidity && !l.Settled).ToListAsync(cancellationToken);
        foreach (var row in unsettled)
        {
            await SettleAsync(client, mailbox, row, cancellationToken);
        }

        // "UID n:*" always matches the last message, even when its UID is below n.
        var uids = (await client.UidSearchAsync(string.Create(CultureInfo.InvariantCulture, $"UID {reader.LastUid + 1}:*"), cancellationToken))
            .Where(u => u > reader.LastUid).Order().Take(options.Value.BatchSize).ToList();
        if (uids.Count == 0)
        {
            await client.LogoutAsync(cancellationToken);
            return;
        }

        var summaries = (await client.UidFetchSummariesAsync(uids, cancellationToken)).ToDictionary(m => m.Uid);
        foreach (var uid in uids)
        {
            if (!summaries.TryGetValue(uid, out var summary))
            {
                continue;
            }

            var row = await db.Set<MailIntakeLog>().SingleOrDefaultAsync(
                l => l.MailboxId == mailbox.Id && l.UidValidity == reader.UidValidity && l.Uid == uid, cancellationToken);
            if (row is null)
            {
                row = summary.Size > options.Value.MaxMessageBytes
                    ? await RecordAsync(mailbox, reader, uid, null, MailIntakeOutcome.Skipped, string.Create(CultureInfo.InvariantCulture, $"skipped: too large ({summary.Size} bytes)"), null, cancellationToken)
                    : await ImportAsync(mailbox, reader, await FetchAsync(client, uid, cancellationToken), uid, cancellationToken);
            }
            else if (reader.LastUid < uid)
            {
                reader.LastUid = uid;
                await db.SaveChangesAsync(cancellationToken);
            }

            await SettleAsync(client, mailbox, row, cancellationToken);
        }

        await client.LogoutAsync(cancellationToken);
    }

    private static async Task<byte[]> FetchAsync(ImapClient client, uint uid, CancellationToken cancellationToken) =>
        (await client.UidFetchMessagesAsync([uid], cancellationToken)).SingleOrDefault(m => m.Uid == uid)?.Content
            ?? throw new ImapConnectionException(string.Create(CultureInfo.InvariantCulture, $"The server sent no content for UID {uid}."));

    /// <summary>Flags or moves a recorded message; skipped and refused ones also get <c>\Flagged</c> for a person to see.</summary>
    private async Task SettleAsync(ImapClient client, Mailbox mailbox, MailIntakeLog row, CancellationToken cancellationToken)
    {
        var uid = (uint)row.Uid;
        string[] flags = row.Outcome is MailIntakeOutcome.Skipped or MailIntakeOutcome.Rejected ? ["\\Seen", "\\Flagged"] : ["\\Seen"];
        await client.UidAddFlagsAsync([uid], flags, cancellationToken);
        if (mailbox.AfterRead == MailAfterRead.Move && !string.IsNullOrWhiteSpace(mailbox.MoveTo))
        {
            await client.CreateMailboxAsync(mailbox.MoveTo, cancellationToken);
            await client.UidMoveAsync([uid], mailbox.MoveTo, cancellationToken);
        }

        row.Settled = true;
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<MailIntakeLog> ImportAsync(Mailbox mailbox, MailboxReader reader, byte[] content, uint uid, CancellationToken cancellationToken)
    {
        var message = MimeParser.Parse(content, new MimeLimits { MaxMessageBytes = options.Value.MaxMessageBytes, MaxAttachmentBytes = options.Value.MaxMessageBytes });
        var messageId = Truncate(Identifier(message.MessageId), MailboxConfiguration.MaxMessageIdLength)
            ?? $"sha256-{Convert.ToHexStringLower(SHA256.HashData(content))}@qala.invalid";
        if (message.IsDeliveryReport)
        {
            return await RecordAsync(mailbox, reader, uid, messageId, MailIntakeOutcome.Skipped, "skipped: a delivery report (bounce)", null, cancellationToken);
        }

        if (message.Header("Auto-Submitted") is { } auto && !auto.Trim().StartsWith("no", StringComparison.OrdinalIgnoreCase))
        {
            return await RecordAsync(mailbox, reader, uid, messageId, MailIntakeOutcome.Skipped, "skipped: an automatic reply (Auto-Submitted)", null, cancellationToken);
        }

        if (await db.Set<SuggestionEmail>().Where(e => e.MailboxId == mailbox.Id && e.MessageId == messageId).Select(e => (int?)e.SuggestionId).FirstOrDefaultAsync(cancellationToken) is { } earlier)
        {
            return await RecordAsync(mailbox, reader, uid, messageId, MailIntakeOutcome.Duplicate, "duplicate: this Message-ID was imported before", earlier, cancellationToken);
        }

        var notes = message.Issues.Select(i => $"{i.Kind}: {i.Detail}").ToList();
        var text = Text(message);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await suggestions.SubmitAsync(
            new SuggestionSubmission
            {
                ConsultationId = mailbox.ConsultationId ?? 0,
                Channel = SuggestionChannel.Email,
                Text = text.Length > Suggestion.MaxTextLength ? text[..Suggestion.MaxTextLength] : text,
                Language = LanguageDetector.Detect(text).Code(),
                ContactName = Truncate(message.From?.DisplayName, SuggestionIntake.MaxNameLength),
                Email = message.From?.Address is { } address && SuggestionIntake.IsEmail(address) ? address : null,

                // Writing to the akimat's address is asking to be answered at the address written from.
                Consent = true,
                SubmissionKey = KeyOf(mailbox.Id, messageId),
            },
            cancellationToken);
        if (!result.Accepted)
        {
            var refused = await RecordAsync(mailbox, reader, uid, messageId, MailIntakeOutcome.Rejected, $"rejected: {string.Join("; ", result.Errors.Select(e => e.Message))}", null, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return refused;
        }

        if (text.Length > Suggestion.MaxTextLength)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"text cut to {Suggestion.MaxTextLength} characters"));
        }

        var suggestion = await db.Set<Suggestion>().SingleAsync(s => s.PublicCode == result.PublicCode, cancellationToken);
        db.Add(new SuggestionEmail
        {
            SuggestionId = suggestion.Id,
            MailboxId = mailbox.Id,
            MessageId = messageId,
            Subject = Truncate(message.Subject, 400) ?? string.Empty,
            Quoted = message.Reply.Quoted.Length > 0 && message.Reply.NewText.Length > 0 ? message.Reply.Quoted : null,
        });
        foreach (var file in message.Attachments)
        {
            using var stream = new MemoryStream(file.Content, writable: false);
            var saved = await attachments.SaveAsync(file.FileName, stream, cancellationToken);
            if (saved.Succeeded)
            {
                db.Add(new SuggestionAttachment { SuggestionId = suggestion.Id, AttachmentId = saved.Attachment.Id });
            }
            else
            {
                notes.Add($"attachment {file.FileName} left out: {saved.Error.Code}");
            }
        }

        var row = await RecordAsync(mailbox, reader, uid, messageId, MailIntakeOutcome.Imported, notes.Count == 0 ? null : string.Join("; ", notes), suggestion.Id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return row;
    }

    /// <summary>The letter's new text; the subject leads when the body alone is too short to be a suggestion.</summary>
    private static string Text(MailMessage message)
    {
        var body = (message.Reply.NewText.Length > 0 ? message.Reply.NewText : message.Text).Trim();
        return body.Length >= Suggestion.MinTextLength ? body : $"{message.Subject.Trim()}\n\n{body}".Trim();
    }

    private async Task<MailIntakeLog> RecordAsync(
        Mailbox mailbox, MailboxReader reader, uint uid, string? messageId, MailIntakeOutcome outcome, string? reason, int? suggestionId, CancellationToken cancellationToken)
    {
        var row = new MailIntakeLog
        {
            MailboxId = mailbox.Id,
            UidValidity = reader.UidValidity,
            Uid = uid,
            MessageId = messageId,
            ReadAt = time.GetUtcNow(),
            Outcome = outcome,
            Reason = Truncate(reason, 2000),
            SuggestionId = suggestionId,
        };
        db.Add(row);
        reader.LastUid = uid;
        reader.LastRunMessages++;
        reader.MessagesRead++;
        await db.SaveChangesAsync(cancellationToken);
        LogRecorded(logger, mailbox.Id, uid, outcome);
        return row;
    }

    /// <summary>One submission key per letter, so that the intake's own de-duplication also holds.</summary>
    private static Guid KeyOf(int mailboxId, string messageId) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"mail:{mailboxId}:{messageId}")))[..16]);

    /// <summary>A Message-ID as it may travel back in a header: printable ASCII without spaces or angle brackets.</summary>
    private static string? Identifier(string? messageId) =>
        messageId is null ? null : new string([.. messageId.Where(c => c is > ' ' and < '\x7f' and not ('<' or '>'))]);

    private static string? Truncate(string? value, int length) =>
        string.IsNullOrWhiteSpace(value) ? null : value.Length <= length ? value : value[..length];

    [LoggerMessage(LogLevel.Warning, "Mailbox {MailboxId} could not be read ({Error}); the next run tries again")]
    private static partial void LogFailed(ILogger logger, int mailboxId, string error);

    [LoggerMessage(LogLevel.Information, "Mailbox {MailboxId}: message UID {Uid} {Outcome}")]
    private static partial void LogRecorded(ILogger logger, int mailboxId, uint uid, MailIntakeOutcome outcome);
}
