namespace Qala.Engine.Mail.Mime;

/// <summary>
/// One header section (RFC 5322 §2.2): fields in order, folded lines joined. Values keep their encoded words; bytes
/// that are not UTF-8 (old clients write raw Windows-1251 into headers) are read as Windows-1251.
/// </summary>
internal sealed class HeaderBlock
{
    private readonly List<MailHeader> fields;

    private HeaderBlock(List<MailHeader> fields) => this.fields = fields;

    public IReadOnlyList<MailHeader> Fields => fields;

    public static HeaderBlock Parse(ReadOnlySpan<byte> bytes, ICollection<MimeIssue> issues)
    {
        string text;
        if (Charsets.IsUtf8(bytes))
        {
            text = System.Text.Encoding.UTF8.GetString(bytes);
        }
        else
        {
            issues.Add(new MimeIssue(MimeIssueKind.UnencodedHeaderBytes, "header"));
            text = Charsets.Guess(bytes);
        }

        var fields = new List<MailHeader>();
        string? name = null;
        var value = new System.Text.StringBuilder();
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r');
            if (line.Length > 0 && line[0] is ' ' or '\t')
            {
                if (name is not null)
                {
                    value.Append(line);
                }

                continue;
            }

            Add();
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            // A line without a colon (an mbox "From " line, garbage) is not a field.
            if (colon <= 0)
            {
                continue;
            }

            name = line[..colon].Trim();
            value.Append(line.AsSpan(colon + 1));
        }

        Add();
        return new HeaderBlock(fields);

        void Add()
        {
            if (name is not null && name.Length > 0 && !name.Any(char.IsWhiteSpace))
            {
                fields.Add(new MailHeader(name, value.ToString().Trim()));
            }

            name = null;
            value.Clear();
        }
    }

    public string? this[string name] =>
        fields.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase))?.Value;
}
