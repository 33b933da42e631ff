using System.Text;

namespace Qala.Engine.Mail.Mime;

/// <summary>
/// Address lists (RFC 5322 §3.4) as mail programs write them: <c>"Name" &lt;a@b&gt;</c>, <c>a@b (Name)</c>, bare
/// addresses, groups (<c>Council: a@b, c@d;</c>), encoded words in display names, also inside quotes.
/// </summary>
public static class AddressList
{
    public static IReadOnlyList<MailboxAddress> Parse(string? value, ICollection<MimeIssue> issues)
    {
        var addresses = new List<MailboxAddress>();
        foreach (var item in SplitTopLevel(value ?? string.Empty))
        {
            if (ParseMailbox(item, issues) is { } address)
            {
                addresses.Add(address);
            }
        }

        return addresses;
    }

    private static MailboxAddress? ParseMailbox(string item, ICollection<MimeIssue> issues)
    {
        var open = LastIndexOutsideQuotes(item, '<');
        if (open >= 0)
        {
            var close = item.IndexOf('>', open + 1);
            var address = (close > open ? item[(open + 1)..close] : item[(open + 1)..]).Trim();
            if (address.Length == 0)
            {
                return null;
            }

            var display = DisplayName(item[..open], issues);
            return new MailboxAddress(address, display);
        }

        var comment = new StringBuilder();
        var bare = new StringBuilder();
        var depth = 0;
        foreach (var c in item)
        {
            if (c == '(')
            {
                depth++;
                if (depth == 1)
                {
                    continue;
                }
            }
            else if (c == ')' && depth > 0)
            {
                depth--;
                if (depth == 0)
                {
                    continue;
                }
            }

            (depth > 0 ? comment : bare).Append(c);
        }

        var plain = bare.ToString().Trim().Trim('"').Trim();
        return plain.Length == 0 ? null : new MailboxAddress(plain, DisplayName(comment.ToString(), issues));
    }

    private static string? DisplayName(string raw, ICollection<MimeIssue> issues)
    {
        var text = raw.Trim();
        var unquoted = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length)
            {
                unquoted.Append(text[++i]);
            }
            else if (c != '"')
            {
                unquoted.Append(c);
            }
        }

        var name = EncodedWords.Decode(unquoted.ToString(), issues).Trim();
        return name.Length == 0 ? null : name;
    }

    // Splits at commas and at group delimiters (':' before the first '<' or '@', ';') outside quotes, comments and
    // angle brackets.
    private static IEnumerable<string> SplitTopLevel(string value)
    {
        var current = new StringBuilder();
        var quoted = false;
        var comment = 0;
        var angle = false;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (quoted)
            {
                if (c == '\\' && i + 1 < value.Length)
                {
                    current.Append(c).Append(value[++i]);
                    continue;
                }

                quoted = c != '"';
                current.Append(c);
                continue;
            }

            switch (c)
            {
                case '"' when comment == 0:
                    quoted = true;
                    break;
                case '(':
                    comment++;
                    break;
                case ')' when comment > 0:
                    comment--;
                    break;
                case '<' when comment == 0:
                    angle = true;
                    break;
                case '>' when comment == 0:
                    angle = false;
                    break;
                case ',' or ';' when comment == 0 && !angle:
                    yield return current.ToString();
                    current.Clear();
                    continue;
                case ':' when comment == 0 && !angle && !current.ToString().Contains('@', StringComparison.Ordinal):
                    // The name of a group; its members follow.
                    current.Clear();
                    continue;
            }

            current.Append(c);
        }

        yield return current.ToString();
    }

    private static int LastIndexOutsideQuotes(string text, char wanted)
    {
        var quoted = false;
        var found = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && quoted)
            {
                i++;
            }
            else if (text[i] == '"')
            {
                quoted = !quoted;
            }
            else if (text[i] == wanted && !quoted)
            {
                found = i;
            }
        }

        return found;
    }
}
