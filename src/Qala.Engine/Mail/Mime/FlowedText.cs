using System.Text;

namespace Qala.Engine.Mail.Mime;

/// <summary>
/// <c>format=flowed</c> text (RFC 3676), as Thunderbird and Apple Mail send it: a line ending in a space continues
/// on the next line of the same quote depth; with <c>delsp=yes</c> that space was added and is removed. The
/// signature separator "-- " never flows.
/// </summary>
public static class FlowedText
{
    public static string Unwrap(string text, bool deleteSpace)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new StringBuilder(text.Length);
        var paragraph = new StringBuilder();
        var paragraphDepth = -1;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            var depth = 0;
            while (depth < line.Length && line[depth] == '>')
            {
                depth++;
            }

            var content = line[depth..];
            // Space-stuffing (§4.4): one leading space was added in transport.
            if (content.StartsWith(' '))
            {
                content = content[1..];
            }

            if (paragraphDepth >= 0 && depth != paragraphDepth)
            {
                Flush();
            }

            paragraphDepth = depth;
            var flowed = content.EndsWith(' ') && content != "-- ";
            paragraph.Append(flowed && deleteSpace ? content[..^1] : content);
            if (!flowed)
            {
                Flush();
            }
        }

        if (paragraph.Length > 0)
        {
            Flush();
        }

        return result.ToString().TrimEnd('\n');

        void Flush()
        {
            if (paragraphDepth > 0)
            {
                result.Append('>', paragraphDepth).Append(' ');
            }

            result.Append(paragraph).Append('\n');
            paragraph.Clear();
            paragraphDepth = -1;
        }
    }
}
