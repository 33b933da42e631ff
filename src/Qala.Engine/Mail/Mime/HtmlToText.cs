using System.Net;
using System.Text;

namespace Qala.Engine.Mail.Mime;

/// <summary>
/// The readable text of an HTML mail body, without a DOM: one pass over the markup, so deep nesting or unclosed tags
/// cost nothing extra. Scripts, styles and the head are dropped, block elements become line breaks, list items
/// start with "- ", links keep their address, entities are decoded, and <c>&lt;blockquote&gt;</c> becomes "&gt; "
/// quoting so the reply split finds the history. Nothing in the HTML is fetched or run.
/// </summary>
public static class HtmlToText
{
    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase) { "script", "style", "head", "title", "template", "noscript", "svg", "object" };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "br", "tr", "table", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "pre", "section",
        "article", "header", "footer", "address", "dl", "dt", "dd", "center", "form", "fieldset", "body", "html",
    };

    public static string Convert(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var lines = new List<(int Depth, string Text)>();
        var line = new StringBuilder();
        var depth = 0;
        var lineDepth = 0;
        var preformatted = 0;
        string? linkAddress = null;
        var linkTextStart = 0;
        var i = 0;
        while (i < html.Length)
        {
            var c = html[i];
            if (c != '<' || i + 1 >= html.Length || !(char.IsAsciiLetter(html[i + 1]) || html[i + 1] is '/' or '!' or '?'))
            {
                var next = html.IndexOf('<', i + 1);
                var end = next < 0 ? html.Length : next;
                AppendText(html[i..end]);
                i = end;
                continue;
            }

            if (string.CompareOrdinal(html, i, "<!--", 0, 4) == 0)
            {
                var close = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                i = close < 0 ? html.Length : close + 3;
                continue;
            }

            var tagEnd = TagEnd(html, i);
            var tag = html[(i + 1)..tagEnd];
            i = Math.Min(tagEnd + 1, html.Length);
            var closing = tag.StartsWith('/');
            var name = TagName(closing ? tag[1..] : tag);
            if (name.Length == 0)
            {
                continue;
            }

            if (!closing && Skipped.Contains(name) && !tag.EndsWith('/'))
            {
                var close = html.IndexOf("</" + name, i, StringComparison.OrdinalIgnoreCase);
                i = close < 0 ? html.Length : Math.Min(TagEnd(html, close) + 1, html.Length);
                continue;
            }

            if (name.Equals("blockquote", StringComparison.OrdinalIgnoreCase))
            {
                Break();
                depth = Math.Max(0, depth + (closing ? -1 : 1));
                lineDepth = depth;
            }
            else if (name.Equals("pre", StringComparison.OrdinalIgnoreCase))
            {
                Break();
                preformatted = Math.Max(0, preformatted + (closing ? -1 : 1));
            }
            else if (name.Equals("a", StringComparison.OrdinalIgnoreCase))
            {
                if (!closing)
                {
                    linkAddress = Attribute(tag, "href");
                    linkTextStart = line.Length;
                }
                else if (linkAddress is not null)
                {
                    var linkText = line.ToString(linkTextStart, line.Length - linkTextStart).Trim();
                    var shown = linkAddress.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) ? linkAddress[7..] : linkAddress;
                    if (linkAddress.StartsWith("http", StringComparison.OrdinalIgnoreCase) && !string.Equals(linkText, shown, StringComparison.OrdinalIgnoreCase))
                    {
                        line.Append(" <").Append(shown).Append('>');
                    }

                    linkAddress = null;
                }
            }
            else if (name.Equals("td", StringComparison.OrdinalIgnoreCase) || name.Equals("th", StringComparison.OrdinalIgnoreCase))
            {
                if (!closing && line.Length > 0 && line[^1] != ' ')
                {
                    line.Append(' ');
                }
            }
            else if (name.Equals("img", StringComparison.OrdinalIgnoreCase))
            {
                if (Attribute(tag, "alt") is { Length: > 0 } alt)
                {
                    AppendText($"[{alt}]");
                }
            }
            else if (Blocks.Contains(name))
            {
                Break();
                if (name.Equals("p", StringComparison.OrdinalIgnoreCase) && !closing)
                {
                    BlankLine();
                }

                if (name.Equals("li", StringComparison.OrdinalIgnoreCase) && !closing)
                {
                    line.Append("- ");
                }
            }
        }

        Break();
        return Render(lines);

        void AppendText(string raw)
        {
            var text = WebUtility.HtmlDecode(raw).Replace('\u00A0', ' ');
            if (preformatted > 0)
            {
                var pieces = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
                for (var p = 0; p < pieces.Length; p++)
                {
                    if (p > 0)
                    {
                        Break();
                    }

                    line.Append(pieces[p]);
                }

                return;
            }

            foreach (var ch in text)
            {
                if (char.IsWhiteSpace(ch))
                {
                    if (line.Length > 0 && line[^1] != ' ')
                    {
                        line.Append(' ');
                    }
                }
                else
                {
                    if (line.Length == 0)
                    {
                        lineDepth = depth;
                    }

                    line.Append(ch);
                }
            }
        }

        void Break()
        {
            var text = line.ToString().TrimEnd();
            if (text.Length > 0)
            {
                lines.Add((lineDepth, text));
            }

            line.Clear();
            lineDepth = depth;
            linkTextStart = 0;
        }

        void BlankLine()
        {
            if (lines.Count > 0 && lines[^1].Text.Length > 0)
            {
                lines.Add((depth, string.Empty));
            }
        }
    }

    private static string Render(List<(int Depth, string Text)> lines)
    {
        var result = new StringBuilder();
        var blank = false;
        foreach (var (depth, text) in lines)
        {
            if (text.Length == 0)
            {
                blank = result.Length > 0;
                continue;
            }

            if (blank)
            {
                result.Append(depth > 0 ? string.Concat(Enumerable.Repeat(">", depth)) : string.Empty).Append('\n');
                blank = false;
            }

            for (var d = 0; d < depth; d++)
            {
                result.Append('>');
            }

            result.Append(depth > 0 ? " " : string.Empty).Append(text).Append('\n');
        }

        return result.ToString().TrimEnd('\n');
    }

    private static int TagEnd(string html, int start)
    {
        var quote = '\0';
        for (var i = start + 1; i < html.Length; i++)
        {
            var c = html[i];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '>')
            {
                return i;
            }
        }

        return html.Length;
    }

    private static string TagName(string tag)
    {
        var end = 0;
        while (end < tag.Length && (char.IsAsciiLetterOrDigit(tag[end]) || tag[end] is '-' or ':'))
        {
            end++;
        }

        return tag[..end];
    }

    private static string? Attribute(string tag, string name)
    {
        var at = 0;
        while ((at = tag.IndexOf(name, at, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            var after = at + name.Length;
            var before = at == 0 ? ' ' : tag[at - 1];
            while (after < tag.Length && tag[after] == ' ')
            {
                after++;
            }

            if (char.IsWhiteSpace(before) && after < tag.Length && tag[after] == '=')
            {
                after++;
                while (after < tag.Length && tag[after] == ' ')
                {
                    after++;
                }

                if (after >= tag.Length)
                {
                    return null;
                }

                var quote = tag[after];
                if (quote is '"' or '\'')
                {
                    var close = tag.IndexOf(quote, after + 1);
                    return WebUtility.HtmlDecode(close < 0 ? tag[(after + 1)..] : tag[(after + 1)..close]);
                }

                var stop = after;
                while (stop < tag.Length && !char.IsWhiteSpace(tag[stop]))
                {
                    stop++;
                }

                return WebUtility.HtmlDecode(tag[after..stop]);
            }

            at = after;
        }

        return null;
    }
}
