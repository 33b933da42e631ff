namespace Qala.Engine.Mail.Mime;

/// <summary>
/// A received e-mail as Qala needs it: who wrote, about what, the plain text (new text first, quoted history
/// apart), the attachments, and what the parser had to work around. Everything is decoded: no encoded words, no
/// transfer encodings, text in .NET strings with <c>\n</c> line breaks.
/// </summary>
public sealed record MailMessage
{
    public MailboxAddress? From { get; init; }

    public IReadOnlyList<MailboxAddress> To { get; init; } = [];

    public IReadOnlyList<MailboxAddress> Cc { get; init; } = [];

    public IReadOnlyList<MailboxAddress> ReplyTo { get; init; } = [];

    public string Subject { get; init; } = string.Empty;

    /// <summary>The <c>Date</c> header; null when it is missing or unreadable.</summary>
    public DateTimeOffset? Date { get; init; }

    /// <summary>The <c>Message-ID</c> without its angle brackets; null when missing.</summary>
    public string? MessageId { get; init; }

    /// <summary>The first identifier of <c>In-Reply-To</c>, without angle brackets.</summary>
    public string? InReplyTo { get; init; }

    /// <summary>The identifiers of <c>References</c>, oldest first, without angle brackets.</summary>
    public IReadOnlyList<string> References { get; init; } = [];

    /// <summary>The whole plain text of the body (empty when the message has no text part).</summary>
    public string Text { get; init; } = string.Empty;

    /// <summary>Where <see cref="Text"/> came from.</summary>
    public MailTextSource TextSource { get; init; }

    /// <summary><see cref="Text"/> split into what the sender wrote now and the quoted history below it.</summary>
    public MailReply Reply { get; init; } = new(string.Empty, string.Empty);

    public IReadOnlyList<MailAttachment> Attachments { get; init; } = [];

    /// <summary>Messages attached whole (<c>message/rfc822</c>), e.g. a letter forwarded as an attachment.</summary>
    public IReadOnlyList<MailMessage> Forwarded { get; init; } = [];

    /// <summary>A delivery status notification (a bounce): <c>multipart/report; report-type=delivery-status</c>.</summary>
    public bool IsDeliveryReport { get; init; }

    /// <summary>Every header field in order, unfolded and with encoded words decoded.</summary>
    public IReadOnlyList<MailHeader> Headers { get; init; } = [];

    /// <summary>What was malformed or left out, in the order met. Parsing never throws on content.</summary>
    public IReadOnlyList<MimeIssue> Issues { get; init; } = [];

    /// <summary>The first header field named <paramref name="name"/> (case-insensitive), or null.</summary>
    public string? Header(string name) =>
        Headers.FirstOrDefault(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase))?.Value;
}

/// <summary>A mailbox: <c>Айгүл Нұрланова &lt;aigul@mail.kz&gt;</c> is the address and the display name.</summary>
public sealed record MailboxAddress(string Address, string? DisplayName)
{
    public override string ToString() => DisplayName is { Length: > 0 } name ? $"{name} <{Address}>" : Address;
}

/// <summary>An attached file, decoded. <see cref="ContentId"/> is set for inline images referred to by HTML.</summary>
public sealed record MailAttachment(string FileName, string ContentType, byte[] Content, string? ContentId = null);

/// <summary>A header field as it read after unfolding and decoding.</summary>
public sealed record MailHeader(string Name, string Value);

/// <summary>
/// The body text split at the first sign of quoted history: <see cref="NewText"/> is what the sender wrote above it,
/// <see cref="Quoted"/> the attribution line and everything after it. Without quoted history, all is new text.
/// </summary>
public sealed record MailReply(string NewText, string Quoted);

/// <summary>The part the plain text was taken from.</summary>
public enum MailTextSource
{
    None,
    Plain,
    Html,
}

/// <summary>Something the parser met and worked around; <see cref="Detail"/> names the part, charset or size.</summary>
public sealed record MimeIssue(MimeIssueKind Kind, string Detail);

public enum MimeIssueKind
{
    /// <summary>A charset .NET does not know: the text was read as UTF-8 if valid, else as Windows-1251.</summary>
    UnknownCharset,

    /// <summary>Header bytes that are not UTF-8 (no encoded words): read as Windows-1251.</summary>
    UnencodedHeaderBytes,

    /// <summary>A multipart without a boundary parameter, or whose boundary never occurs: read as plain text.</summary>
    MissingBoundary,

    /// <summary>A multipart without its closing delimiter: the last part runs to the end.</summary>
    UnterminatedMultipart,

    /// <summary>A header section longer than <see cref="MimeLimits.MaxHeaderBytes"/>: the rest of it was ignored.</summary>
    HeaderTooLarge,

    /// <summary>More parts than <see cref="MimeLimits.MaxParts"/>: the rest were ignored.</summary>
    TooManyParts,

    /// <summary>Parts nested deeper than <see cref="MimeLimits.MaxDepth"/>: the deeper ones were ignored.</summary>
    TooDeep,

    /// <summary>An attachment larger than <see cref="MimeLimits.MaxAttachmentBytes"/>: left out.</summary>
    AttachmentTooLarge,

    /// <summary>A message larger than <see cref="MimeLimits.MaxMessageBytes"/>: only its header was read.</summary>
    MessageTooLarge,
}

/// <summary>
/// Bounds that keep one hostile message from taking the reader down. Nothing is ever decompressed, so an archive
/// costs its own size only.
/// </summary>
public sealed record MimeLimits
{
    public static MimeLimits Default { get; } = new();

    /// <summary>Larger messages keep their header only.</summary>
    public long MaxMessageBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Larger attachments (decoded size) are left out with an issue.</summary>
    public long MaxAttachmentBytes { get; init; } = 25L * 1024 * 1024;

    /// <summary>Header section of one part, in bytes.</summary>
    public int MaxHeaderBytes { get; init; } = 256 * 1024;

    /// <summary>Parts of the whole message, counting nested ones and forwarded messages.</summary>
    public int MaxParts { get; init; } = 500;

    /// <summary>Nesting of multiparts and forwarded messages.</summary>
    public int MaxDepth { get; init; } = 16;
}
