using System.Text;

namespace Qala.Engine.Mail.Mime;

/// <summary>
/// A <c>Content-Type</c> or <c>Content-Disposition</c> value: the lower-cased token before the first <c>;</c> and
/// the parameters, with RFC 2231 continuations (<c>filename*0*=utf-8''%D0%90…; filename*1*=…</c>) joined and
/// decoded, and encoded words in plain parameters decoded (what Outlook and Gmail send).
/// </summary>
internal sealed class ContentHeader
{
    private readonly Dictionary<string, string> parameters;

    private ContentHeader(string value, Dictionary<string, string> parameters)
    {
        Value = value;
        this.parameters = parameters;
    }

    /// <summary>The type (<c>text/plain</c>) or disposition (<c>attachment</c>), lower-cased; empty when missing.</summary>
    public string Value { get; }

    public string? this[string name] => parameters.TryGetValue(name, out var value) ? value : null;

    public static ContentHeader Parse(string? header, ICollection<MimeIssue> issues)
    {
        var pieces = SplitOutsideQuotes(header ?? string.Empty);
        var value = StripComments(pieces[0]).Trim().ToLowerInvariant();
        var plain = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var sections = new Dictionary<string, SortedDictionary<int, (string Text, bool Encoded)>>(StringComparer.OrdinalIgnoreCase);
        foreach (var piece in pieces.Skip(1))
        {
            var equals = piece.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                continue;
            }

            var name = piece[..equals].Trim().ToLowerInvariant();
            var text = Unquote(piece[(equals + 1)..].Trim());
            var star = name.IndexOf('*', StringComparison.Ordinal);
            if (star < 0)
            {
                plain.TryAdd(name, text);
                continue;
            }

            // name*=  name*0=  name*0*=  name*1*=
            var baseName = name[..star];
            var rest = name[(star + 1)..];
            var encoded = rest.EndsWith('*') || rest.Length == 0;
            var number = rest.TrimEnd('*');
            var index = number.Length == 0 ? 0 : int.TryParse(number, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : -1;
            if (index < 0)
            {
                continue;
            }

            if (!sections.TryGetValue(baseName, out var parts))
            {
                parts = [];
                sections[baseName] = parts;
            }

            parts.TryAdd(index, (text, encoded));
        }

        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, text) in plain)
        {
            parameters[name] = EncodedWords.Decode(text, issues);
        }

        foreach (var (name, parts) in sections)
        {
            parameters[name] = JoinSections(parts.Values, issues);
        }

        return new ContentHeader(value, parameters);
    }

    private static string JoinSections(IEnumerable<(string Text, bool Encoded)> parts, ICollection<MimeIssue> issues)
    {
        string? charset = null;
        var bytes = new List<byte>();
        var first = true;
        foreach (var (text, encoded) in parts)
        {
            var piece = text;
            if (first && encoded)
            {
                // charset'language'value
                var quote = piece.IndexOf('\'', StringComparison.Ordinal);
                var second = quote < 0 ? -1 : piece.IndexOf('\'', quote + 1);
                if (second > 0)
                {
                    charset = piece[..quote];
                    piece = piece[(second + 1)..];
                }
            }

            first = false;
            if (encoded)
            {
                PercentDecode(piece, bytes);
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(piece));
            }
        }

        return Charsets.Decode([.. bytes], charset, issues);
    }

    private static void PercentDecode(string text, List<byte> bytes)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '%' && i + 2 < text.Length && Uri.IsHexDigit(text[i + 1]) && Uri.IsHexDigit(text[i + 2]))
            {
                bytes.Add((byte)Convert.ToInt32(text.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(text[i].ToString()));
            }
        }
    }

    private static List<string> SplitOutsideQuotes(string text)
    {
        var pieces = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted && c == '\\' && i + 1 < text.Length)
            {
                current.Append(c).Append(text[++i]);
                continue;
            }

            if (c == '"')
            {
                quoted = !quoted;
            }

            if (c == ';' && !quoted)
            {
                pieces.Add(current.ToString());
                current.Clear();
                continue;
            }

            current.Append(c);
        }

        pieces.Add(current.ToString());
        return pieces;
    }

    private static string Unquote(string text)
    {
        if (text.Length < 2 || text[0] != '"')
        {
            return StripComments(text).Trim();
        }

        var result = new StringBuilder(text.Length);
        for (var i = 1; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length)
            {
                result.Append(text[++i]);
            }
            else if (c == '"')
            {
                break;
            }
            else
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }

    private static string StripComments(string text)
    {
        if (!text.Contains('(', StringComparison.Ordinal))
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        var depth = 0;
        foreach (var c in text)
        {
            if (c == '(')
            {
                depth++;
            }
            else if (c == ')' && depth > 0)
            {
                depth--;
            }
            else if (depth == 0)
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }
}
