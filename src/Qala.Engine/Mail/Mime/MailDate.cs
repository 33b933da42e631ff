using System.Globalization;

namespace Qala.Engine.Mail.Mime;

/// <summary>
/// The RFC 5322 date-time (<c>Tue, 3 Nov 2026 10:15:00 +0500</c>), with the obsolete forms still met: two-digit
/// years, zone names (<c>GMT</c>, <c>EST</c>), a trailing comment (<c>(UTC)</c>), no seconds, no weekday.
/// </summary>
public static class MailDate
{
    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    public static DateTimeOffset? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var comment = value.IndexOf('(', StringComparison.Ordinal);
        var text = comment >= 0 ? value[..comment] : value;
        var comma = text.IndexOf(',', StringComparison.Ordinal);
        if (comma >= 0)
        {
            text = text[(comma + 1)..];
        }

        var tokens = text.Split([' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length < 4
            || !int.TryParse(tokens[0], NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            || tokens[1].Length < 3
            || Array.IndexOf(Months, tokens[1][..3].ToLowerInvariant()) is var monthIndex && monthIndex < 0
            || !int.TryParse(tokens[2], NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            return null;
        }

        year = year switch
        {
            < 50 when tokens[2].Length <= 2 => 2000 + year,
            < 1000 => 1900 + year,
            _ => year,
        };
        var time = tokens[3].Split(':');
        if (time.Length < 2
            || !int.TryParse(time[0], NumberStyles.None, CultureInfo.InvariantCulture, out var hour)
            || !int.TryParse(time[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minute))
        {
            return null;
        }

        var second = 0;
        if (time.Length > 2 && !int.TryParse(time[2], NumberStyles.None, CultureInfo.InvariantCulture, out second))
        {
            return null;
        }

        var offset = tokens.Length > 4 ? Zone(tokens[4]) : TimeSpan.Zero;
        try
        {
            return new DateTimeOffset(year, monthIndex + 1, day, hour, minute, Math.Min(second, 59), offset ?? TimeSpan.Zero);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private static TimeSpan? Zone(string zone)
    {
        if (zone.Length == 5 && zone[0] is '+' or '-' && int.TryParse(zone.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var hhmm))
        {
            var span = new TimeSpan(hhmm / 100, hhmm % 100, 0);
            return span > TimeSpan.FromHours(14) ? null : zone[0] == '-' ? -span : span;
        }

        return zone.ToUpperInvariant() switch
        {
            "EDT" => TimeSpan.FromHours(-4),
            "EST" or "CDT" => TimeSpan.FromHours(-5),
            "CST" or "MDT" => TimeSpan.FromHours(-6),
            "MST" or "PDT" => TimeSpan.FromHours(-7),
            "PST" => TimeSpan.FromHours(-8),
            // UT, GMT, Z, military zones and anything unknown: RFC 5322 §4.3 says to read them as +0000.
            _ => TimeSpan.Zero,
        };
    }
}
