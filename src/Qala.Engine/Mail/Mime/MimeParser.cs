namespace Qala.Engine.Mail.Mime;

/// <summary>
/// Reads a raw RFC 5322 message into a <see cref="MailMessage"/>. Never throws on content: what is malformed is worked
/// around and recorded in <see cref="MailMessage.Issues"/>, and <see cref="MimeLimits"/> bound what one message may
/// cost. Line ends may be CRLF or bare LF.
/// </summary>
public static class MimeParser
{
    private static readonly HashSet<string> Signatures = new(StringComparer.Ordinal)
    {
        "application/pkcs7-signature", "application/x-pkcs7-signature", "application/pgp-signature",
    };

    public static MailMessage Parse(byte[] message, MimeLimits? limits = null) => Parse(message.AsMemory(), limits);

    public static MailMessage Parse(ReadOnlyMemory<byte> message, MimeLimits? limits = null) =>
        new Parsing(limits ?? MimeLimits.Default).Message(message, depth: 0);

    private sealed class Parsing(MimeLimits limits)
    {
        private int parts;
        private bool reportedTooManyParts;
        private bool reportedTooDeep;

        public MailMessage Message(ReadOnlyMemory<byte> data, int depth)
        {
            var issues = new List<MimeIssue>();
            var tooLarge = data.Length > limits.MaxMessageBytes;
            if (tooLarge)
            {
                issues.Add(new MimeIssue(MimeIssueKind.MessageTooLarge, $"{data.Length} bytes"));
            }

            var (headers, body) = Entity(data, issues);
            var collected = new Body();
            if (!tooLarge)
            {
                Walk(headers, body, depth, collected, textWanted: true, defaultType: "text/plain", issues);
            }

            var text = string.Join("\n\n", collected.Texts.Select(t => t.Text.Trim('\n', '\r', ' '))).Trim('\n', ' ');
            var source = collected.Texts.Count == 0 ? MailTextSource.None
                : collected.Texts.Any(t => !t.Html) ? MailTextSource.Plain : MailTextSource.Html;
            var references = MessageIds(headers["References"]);
            return new MailMessage
            {
                From = AddressList.Parse(headers["From"], issues) is [var from, ..] ? from : null,
                To = AddressList.Parse(headers["To"], issues),
                Cc = AddressList.Parse(headers["Cc"], issues),
                ReplyTo = AddressList.Parse(headers["Reply-To"], issues),
                Subject = EncodedWords.Decode(headers["Subject"] ?? string.Empty, issues).Trim(),
                Date = MailDate.Parse(headers["Date"]),
                MessageId = MessageIds(headers["Message-ID"]).FirstOrDefault() ?? NullIfEmpty(headers["Message-ID"]),
                InReplyTo = MessageIds(headers["In-Reply-To"]).FirstOrDefault(),
                References = references,
                Text = text,
                TextSource = source,
                Reply = ReplySplitter.Split(text),
                Attachments = collected.Attachments,
                Forwarded = collected.Forwarded,
                IsDeliveryReport = collected.IsDeliveryReport,
                Headers = [.. headers.Fields.Select(f => f with { Value = EncodedWords.Decode(f.Value, issues) })],
                Issues = issues,
            };
        }

        private (HeaderBlock Headers, ReadOnlyMemory<byte> Body) Entity(ReadOnlyMemory<byte> data, List<MimeIssue> issues)
        {
            var span = data.Span;
            var headerEnd = span.Length;
            var bodyStart = span.Length;
            var position = 0;
            while (position < span.Length)
            {
                var newline = span[position..].IndexOf((byte)'\n');
                var lineEnd = newline < 0 ? span.Length : position + newline;
                var line = span[position..lineEnd];
                if (line.IsEmpty || (line.Length == 1 && line[0] == '\r'))
                {
                    headerEnd = position;
                    bodyStart = Math.Min(lineEnd + 1, span.Length);
                    break;
                }

                position = lineEnd + 1;
            }

            var headerBytes = span[..headerEnd];
            if (headerBytes.Length > limits.MaxHeaderBytes)
            {
                issues.Add(new MimeIssue(MimeIssueKind.HeaderTooLarge, $"{headerBytes.Length} bytes"));
                var cut = headerBytes[..limits.MaxHeaderBytes].LastIndexOf((byte)'\n');
                headerBytes = headerBytes[..Math.Max(cut, 0)];
            }

            return (HeaderBlock.Parse(headerBytes, issues), data[bodyStart..]);
        }

        private void Walk(HeaderBlock headers, ReadOnlyMemory<byte> body, int depth, Body into, bool textWanted, string defaultType, List<MimeIssue> issues)
        {
            if (++parts > limits.MaxParts)
            {
                if (!reportedTooManyParts)
                {
                    issues.Add(new MimeIssue(MimeIssueKind.TooManyParts, $"more than {limits.MaxParts}"));
                    reportedTooManyParts = true;
                }

                return;
            }

            if (depth > limits.MaxDepth)
            {
                TooDeep(issues);
                return;
            }

            var contentType = ContentHeader.Parse(headers["Content-Type"], issues);
            var type = contentType.Value.Contains('/', StringComparison.Ordinal) ? contentType.Value : defaultType;
            if (type.StartsWith("multipart/", StringComparison.Ordinal))
            {
                Multipart(type, contentType, body, depth, into, textWanted, issues);
                return;
            }

            var encoding = headers["Content-Transfer-Encoding"]?.Trim().ToLowerInvariant();
            if (type is "message/rfc822" or "message/global")
            {
                if (depth + 1 > limits.MaxDepth)
                {
                    TooDeep(issues);
                    return;
                }

                // The issues of a forwarded message are the whole message's issues too.
                var forwarded = Message(Decode(body, encoding), depth + 1);
                into.Forwarded.Add(forwarded);
                issues.AddRange(forwarded.Issues);
                return;
            }

            if (Signatures.Contains(type))
            {
                return;
            }

            var disposition = ContentHeader.Parse(headers["Content-Disposition"], issues);
            var fileName = disposition["filename"] ?? contentType["name"];
            var isText = type is "text/plain" or "text/html";
            if (isText && disposition.Value != "attachment" && fileName is null)
            {
                if (textWanted)
                {
                    into.Texts.Add((Text(type, contentType, Decode(body, encoding), issues), type == "text/html"));
                }

                return;
            }

            Attachment(type, fileName, headers["Content-ID"], body, encoding, into, issues);
        }

        private void TooDeep(List<MimeIssue> issues)
        {
            if (!reportedTooDeep)
            {
                issues.Add(new MimeIssue(MimeIssueKind.TooDeep, $"deeper than {limits.MaxDepth}"));
                reportedTooDeep = true;
            }
        }

        private void Multipart(string type, ContentHeader contentType, ReadOnlyMemory<byte> body, int depth, Body into, bool textWanted, List<MimeIssue> issues)
        {
            var boundary = contentType["boundary"];
            var split = string.IsNullOrEmpty(boundary) ? null : MultipartBody.Split(body.Span, boundary);
            if (split is null || split.Parts.Count == 0)
            {
                issues.Add(new MimeIssue(MimeIssueKind.MissingBoundary, type));
                if (textWanted)
                {
                    into.Texts.Add((Text("text/plain", contentType, body.ToArray(), issues), false));
                }

                return;
            }

            if (!split.Closed)
            {
                issues.Add(new MimeIssue(MimeIssueKind.UnterminatedMultipart, type));
            }

            if (type == "multipart/report" && string.Equals(contentType["report-type"], "delivery-status", StringComparison.OrdinalIgnoreCase))
            {
                into.IsDeliveryReport = true;
            }

            var children = split.Parts.Select(range => Entity(body[range], issues)).ToList();
            var chosen = type == "multipart/alternative" ? BestAlternative(children, issues) : -1;
            var childDefault = type == "multipart/digest" ? "message/rfc822" : "text/plain";
            for (var i = 0; i < children.Count; i++)
            {
                // Of the alternatives only one gives the text; the others may still carry files (inline images).
                var wanted = textWanted && (chosen < 0 || chosen == i);
                Walk(children[i].Headers, children[i].Body, depth + 1, into, wanted, childDefault, issues);
            }
        }

        private static int BestAlternative(List<(HeaderBlock Headers, ReadOnlyMemory<byte> Body)> children, List<MimeIssue> issues)
        {
            var best = 0;
            var bestScore = -1;
            for (var i = 0; i < children.Count; i++)
            {
                var type = ContentHeader.Parse(children[i].Headers["Content-Type"], issues).Value;
                var score = type switch
                {
                    "text/plain" or "" => 3,
                    "text/html" => 2,
                    _ when type.StartsWith("multipart/", StringComparison.Ordinal) => 1,
                    _ => 0,
                };
                if (score > bestScore)
                {
                    best = i;
                    bestScore = score;
                }
            }

            return best;
        }

        private void Attachment(string type, string? fileName, string? contentId, ReadOnlyMemory<byte> body, string? encoding, Body into, List<MimeIssue> issues)
        {
            var name = FileName(fileName, type, into.Attachments.Count + 1);
            var size = encoding == "base64" ? TransferEncodings.DecodedBase64Length(body.Span) : body.Length;
            if (size > limits.MaxAttachmentBytes)
            {
                issues.Add(new MimeIssue(MimeIssueKind.AttachmentTooLarge, $"{name}: {size} bytes"));
                return;
            }

            var id = contentId?.Trim().Trim('<', '>');
            into.Attachments.Add(new MailAttachment(name, type, Decode(body, encoding), string.IsNullOrEmpty(id) ? null : id));
        }

        private static string Text(string type, ContentHeader contentType, byte[] bytes, List<MimeIssue> issues)
        {
            var text = Charsets.Decode(bytes, contentType["charset"], issues).Replace("\r\n", "\n", StringComparison.Ordinal);
            if (type == "text/html")
            {
                return HtmlToText.Convert(text);
            }

            return string.Equals(contentType["format"], "flowed", StringComparison.OrdinalIgnoreCase)
                ? FlowedText.Unwrap(text, string.Equals(contentType["delsp"], "yes", StringComparison.OrdinalIgnoreCase))
                : text;
        }

        private static byte[] Decode(ReadOnlyMemory<byte> body, string? encoding) => encoding switch
        {
            "base64" => TransferEncodings.Base64(body.Span),
            "quoted-printable" => TransferEncodings.QuotedPrintable(body.Span),
            _ => body.ToArray(),
        };
    }

    private static string FileName(string? declared, string type, int number)
    {
        var name = declared ?? string.Empty;
        // A name is a name, not a path: "C:\Users\a\photo.jpg" and "../../x" keep their last segment.
        name = name[(name.LastIndexOfAny(['/', '\\']) + 1)..];
        name = new string([.. name.Where(c => !char.IsControl(c))]).Trim().Trim('.');
        if (name.Length > 0)
        {
            return name.Length > 255 ? name[..255] : name;
        }

        var extension = type switch
        {
            "text/plain" or "message/delivery-status" or "text/rfc822-headers" => ".txt",
            "text/html" => ".html",
            "text/calendar" => ".ics",
            "image/jpeg" => ".jpg",
            "image/png" => ".png",
            "image/gif" => ".gif",
            "application/pdf" => ".pdf",
            _ => ".bin",
        };
        return $"attachment-{number}{extension}";
    }

    private static List<string> MessageIds(string? value)
    {
        var ids = new List<string>();
        if (value is null)
        {
            return ids;
        }

        var position = 0;
        while ((position = value.IndexOf('<', position)) >= 0)
        {
            var end = value.IndexOf('>', position + 1);
            if (end < 0)
            {
                break;
            }

            var id = value[(position + 1)..end].Trim();
            if (id.Length > 0)
            {
                ids.Add(id);
            }

            position = end + 1;
        }

        return ids;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private sealed class Body
    {
        public List<(string Text, bool Html)> Texts { get; } = [];

        public List<MailAttachment> Attachments { get; } = [];

        public List<MailMessage> Forwarded { get; } = [];

        public bool IsDeliveryReport { get; set; }
    }
}
