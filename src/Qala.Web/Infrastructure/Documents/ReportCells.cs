using System.Globalization;
using System.Text;
using System.Xml;

namespace Qala.Web.Infrastructure.Documents;

/// <summary>How one cell value of a <see cref="ReportTable"/> reads as text, and what may go into a file's XML.</summary>
internal static class ReportCells
{
    /// <summary>The value as a reader of <paramref name="culture"/> sees it: grouped numbers, local dates.</summary>
    public static string Format(object? value, ReportColumn column, CultureInfo culture) => value switch
    {
        null => "",
        string text => text,
        int or long or decimal => FormatNumber((IFormattable)value, column, culture),
        double number => double.IsFinite(number) ? FormatNumber(number, column, culture) : "",
        DateOnly date => date.ToString("d", culture),
        DateTimeOffset moment => column.Kind == ColumnKind.Date
            ? DateOnly.FromDateTime(moment.DateTime).ToString("d", culture)
            : moment.DateTime.ToString("g", culture),
        _ => throw Unsupported(value),
    };

    public static bool IsNumber(object? value) => value is int or long or decimal or double;

    public static Exception Unsupported(object value) => new NotSupportedException(
        $"A report cell holds a string, int, long, decimal, double, DateOnly, DateTimeOffset or null, not {value.GetType().Name}.");

    /// <summary>The text without the characters XML 1.0 cannot carry (control characters, lone surrogates).</summary>
    public static string XmlSafe(string text)
    {
        var firstBad = FirstInvalid(text, 0);
        if (firstBad < 0)
        {
            return text;
        }

        var safe = new StringBuilder(text.Length);
        var start = 0;
        while (firstBad >= 0)
        {
            safe.Append(text, start, firstBad - start);
            start = firstBad + 1;
            firstBad = FirstInvalid(text, start);
        }

        return safe.Append(text, start, text.Length - start).ToString();
    }

    private static int FirstInvalid(string text, int from)
    {
        for (var i = from; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                continue;
            }

            if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                i++;
                continue;
            }

            return i;
        }

        return -1;
    }

    private static string FormatNumber(IFormattable number, ReportColumn column, CultureInfo culture)
    {
        var text = number.ToString(NumberFormat(column), culture);

        // .NET's "n %" pattern (ru) has a plain space, which lets a line break part the number from its sign.
        return column.Kind == ColumnKind.Percent ? text.Replace(' ', '\u00A0') : text;
    }

    private static string NumberFormat(ReportColumn column) => column.Kind switch
    {
        ColumnKind.WholeNumber => "N0",
        ColumnKind.Number => "N" + column.Decimals.ToString(CultureInfo.InvariantCulture),
        ColumnKind.Percent => "P" + column.Decimals.ToString(CultureInfo.InvariantCulture),
        ColumnKind.Text or ColumnKind.Date or ColumnKind.DateTime => "G",
    };
}
