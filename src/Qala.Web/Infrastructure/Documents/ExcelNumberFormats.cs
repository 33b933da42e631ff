using System.Globalization;
using System.Text;

namespace Qala.Web.Infrastructure.Documents;

/// <summary>
/// Excel number format codes. Excel shows <c>,</c> and <c>.</c> in a code as the reader's own group and decimal
/// separators, so only the date order and separators come from the report's culture.
/// </summary>
internal static class ExcelNumberFormats
{
    public static string Integer => "#,##0";

    public static string Decimal(int decimals) => decimals == 0 ? Integer : "#,##0." + new string('0', decimals);

    public static string Percent(int decimals) => (decimals == 0 ? "0" : "0." + new string('0', decimals)) + "%";

    public static string Date(CultureInfo culture) =>
        FromDatePattern(culture.DateTimeFormat.ShortDatePattern, culture.DateTimeFormat);

    public static string DateTime(CultureInfo culture) => FromDatePattern(
        culture.DateTimeFormat.ShortDatePattern + " " + culture.DateTimeFormat.ShortTimePattern, culture.DateTimeFormat);

    /// <summary>
    /// Translates a .NET date pattern into an Excel code: both use d, y, h, m and s, but .NET's month is M and its
    /// 24-hour clock H, while Excel tells months from minutes by position and uses a 24-hour clock unless AM/PM is given.
    /// </summary>
    internal static string FromDatePattern(string pattern, DateTimeFormatInfo format)
    {
        var code = new StringBuilder();
        for (var i = 0; i < pattern.Length;)
        {
            var c = pattern[i];
            var run = 1;
            while (i + run < pattern.Length && pattern[i + run] == c)
            {
                run++;
            }

            switch (c)
            {
                case 'd':
                    code.Append('d', Math.Min(run, 4));
                    break;
                case 'M':
                    code.Append('m', Math.Min(run, 4));
                    break;
                case 'y':
                    code.Append(run <= 2 ? "yy" : "yyyy");
                    break;
                case 'H' or 'h':
                    code.Append('h', Math.Min(run, 2));
                    break;
                case 'm':
                    code.Append('m', Math.Min(run, 2));
                    break;
                case 's':
                    code.Append('s', Math.Min(run, 2));
                    break;
                case 't':
                    code.Append("AM/PM");
                    break;
                case 'f' or 'F' or 'z' or 'K' or 'g':
                    // Fractions, offsets and eras have no place in a report's short date.
                    break;
                case '/':
                    AppendLiteral(code, format.DateSeparator, run);
                    break;
                case ':':
                    AppendLiteral(code, format.TimeSeparator, run);
                    break;
                case '\'' or '"':
                    var end = pattern.IndexOf(c, i + 1);
                    end = end < 0 ? pattern.Length : end;
                    AppendLiteral(code, pattern[(i + 1)..end], 1);
                    run = end + 1 - i;
                    break;
                case '\\':
                    AppendLiteral(code, i + 1 < pattern.Length ? pattern[i + 1].ToString() : "", 1);
                    run = 2;
                    break;
                default:
                    AppendLiteral(code, c.ToString(), run);
                    break;
            }

            i += run;
        }

        return code.ToString().Trim();
    }

    private static void AppendLiteral(StringBuilder code, string literal, int times)
    {
        for (var time = 0; time < times; time++)
        {
            foreach (var c in literal)
            {
                // These show as themselves in a date code; anything else (such as '.') could be read as a placeholder.
                if (c is not (' ' or '-' or '/' or ':'))
                {
                    code.Append('\\');
                }

                code.Append(c);
            }
        }
    }
}
