using System.Text.RegularExpressions;

namespace Qala.Engine.Mail.Mime;

/// <summary>
/// Finds where a reply's quoted history starts: a line quoted with "&gt;", an attribution line ("On … wrote:",
/// "… пишет:", "… написал(а):", Kazakh "… жазды:"), a separator ("-----Original Message-----", "Исходное
/// сообщение"), or a header block that Outlook puts above the history ("From: … Sent: …", "От: … Отправлено: …",
/// "Кімнен: … Жіберілді: …"). A forwarded message ("Forwarded message", "Пересылаемое сообщение") is content, not
/// history, and stays in the new text. Answers written between quotes (inline replies) end up in the quoted part.
/// </summary>
public static partial class ReplySplitter
{
    private static readonly string[] AttributionEndings =
        ["wrote:", "writes:", "пишет:", "написал:", "написала:", "написал(а):", "жазды:", "жазған:", "жазады:", "schrieb:"];

    private static readonly string[] FromLabels = ["From:", "От:", "От кого:", "Кімнен:", "Жіберуші:"];

    // "Date:" is left out: a forwarded message's header block (Gmail, Thunderbird) has it, and that block is content.
    private static readonly string[] SentLabels = ["Sent:", "Отправлено:", "Жіберілді:", "Жіберілген:"];

    public static MailReply Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (QuoteStartsAt(lines, i) is { } start)
            {
                return new MailReply(Join(lines[..start]), Join(lines[start..]));
            }
        }

        return new MailReply(text.Trim('\n'), string.Empty);
    }

    private static int? QuoteStartsAt(string[] lines, int i)
    {
        var line = lines[i].Trim();
        if (line.StartsWith('>'))
        {
            return i;
        }

        if (Separator().IsMatch(line))
        {
            return i;
        }

        if (IsAttribution(line, lines, i + 1))
        {
            return i;
        }

        // Gmail and Apple Mail wrap a long attribution over two or three lines. Its first line carries the date; a
        // signature above an attribution ("--", "Sent from…") does not, and must not be taken into the quote.
        for (var extra = 1; extra <= 2 && i + extra < lines.Length && line.Any(char.IsAsciiDigit); extra++)
        {
            if (lines[i + extra].Trim().Length == 0)
            {
                break;
            }

            var joined = string.Join(' ', lines[i..(i + extra + 1)].Select(l => l.Trim()));
            if (IsAttribution(joined, lines, i + extra + 1))
            {
                return i;
            }
        }

        if (IsOutlookHeader(lines, i))
        {
            var previous = i - 1;
            while (previous >= 0 && lines[previous].Trim().Length == 0)
            {
                previous--;
            }

            return previous >= 0 && Underscores().IsMatch(lines[previous].Trim()) ? previous : i;
        }

        return null;
    }

    private static bool IsAttribution(string line, string[] lines, int next)
    {
        var endsLikeAttribution = AttributionEndings.Any(e => line.EndsWith(e, StringComparison.OrdinalIgnoreCase))
            // Mail.ru and Yandex: "Понедельник, 3 ноября 2026, 10:15 +05:00 от Иван <ivan@mail.ru>:"
            || (line.EndsWith(">:", StringComparison.Ordinal) && line.Contains('@', StringComparison.Ordinal));
        if (!endsLikeAttribution || line.Length > 300)
        {
            return false;
        }

        // "He wrote:" in the middle of a letter is not an attribution: one carries a date, an address, or a quote.
        while (next < lines.Length && lines[next].Trim().Length == 0)
        {
            next++;
        }

        return line.Contains('@', StringComparison.Ordinal) || line.Any(char.IsAsciiDigit) || (next < lines.Length && lines[next].TrimStart().StartsWith('>'));
    }

    private static bool IsOutlookHeader(string[] lines, int i)
    {
        if (!FromLabels.Any(label => lines[i].TrimStart().StartsWith(label, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        for (var j = i + 1; j < Math.Min(lines.Length, i + 5); j++)
        {
            if (SentLabels.Any(label => lines[j].TrimStart().StartsWith(label, StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }

    private static string Join(IEnumerable<string> lines) => string.Join('\n', lines).Trim('\n', ' ');

    [GeneratedRegex(@"^-{2,}\s*(Original Message|Исходное сообщение|Исходное письмо|Бастапқы хат|Бастапқы хабарлама)\s*-{2,}$", RegexOptions.IgnoreCase)]
    private static partial Regex Separator();

    [GeneratedRegex("^_{10,}$")]
    private static partial Regex Underscores();
}
