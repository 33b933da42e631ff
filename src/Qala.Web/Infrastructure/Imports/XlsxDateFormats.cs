using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Qala.Web.Infrastructure.Imports;

/// <summary>How a workbook number is shown: as a number, or (by its number format) as a date, a time or both.</summary>
internal enum XlsxValueStyle
{
    Number,
    Date,
    DateTime,
    Time,
}

/// <summary>
/// Workbooks store dates as numbers (days since 1900 or 1904) and tell them apart only by the cell's number format.
/// This reads the formats of a workbook's cell styles once and turns such numbers into ISO 8601 text.
/// </summary>
internal sealed class XlsxDateFormats
{
    private readonly XlsxValueStyle[] styles;
    private readonly bool date1904;

    private XlsxDateFormats(XlsxValueStyle[] styles, bool date1904)
    {
        this.styles = styles;
        this.date1904 = date1904;
    }

    public static XlsxDateFormats From(Stylesheet? stylesheet, bool date1904)
    {
        var custom = stylesheet?.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null)
            .GroupBy(f => f.NumberFormatId!.Value)
            .ToDictionary(g => g.Key, g => g.First().FormatCode?.Value) ?? [];
        var formats = stylesheet?.CellFormats?.Elements<CellFormat>() ?? [];
        var styles = formats
            .Select(f => f.NumberFormatId?.Value ?? 0u)
            .Select(id => StyleOf(id, custom.GetValueOrDefault(id)))
            .ToArray();
        return new XlsxDateFormats(styles, date1904);
    }

    public XlsxValueStyle StyleOf(uint? styleIndex) =>
        styleIndex is { } index && index < styles.Length ? styles[index] : XlsxValueStyle.Number;

    /// <summary>The ISO 8601 text of a date serial number shown in this style; null if it is no valid date.</summary>
    public string? Format(double serial, XlsxValueStyle style)
    {
        if (style == XlsxValueStyle.Number || double.IsNaN(serial) || serial < 0 || serial >= 2958466)
        {
            return null;
        }

        // In the 1900 system Excel counts a 29 February 1900 that never was: serials before it start a day later.
        var epoch = date1904 ? new DateTime(1904, 1, 1) : serial < 61 ? new DateTime(1899, 12, 31) : new DateTime(1899, 12, 30);
        var value = epoch.AddMilliseconds(Math.Round(serial * 86_400_000d));
        return style switch
        {
            XlsxValueStyle.Date => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            XlsxValueStyle.DateTime => value.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
            XlsxValueStyle.Time => value.ToString("HH:mm:ss", CultureInfo.InvariantCulture),
            XlsxValueStyle.Number => null,
        };
    }

    /// <summary>The style of a built-in format id, or of a custom format code by the date and time letters it holds.</summary>
    internal static XlsxValueStyle StyleOf(uint formatId, string? formatCode)
    {
        switch (formatId)
        {
            case >= 14 and <= 17 or >= 27 and <= 31 or >= 34 and <= 36 or >= 50 and <= 58:
                return XlsxValueStyle.Date;
            case 22:
                return XlsxValueStyle.DateTime;
            case >= 18 and <= 21 or 32 or 33 or >= 45 and <= 47:
                return XlsxValueStyle.Time;
        }

        if (string.IsNullOrEmpty(formatCode))
        {
            return XlsxValueStyle.Number;
        }

        // Only the first section (positive numbers) counts; quoted text, escaped characters and colours do not.
        var letters = new StringBuilder();
        var elapsed = false;
        for (var i = 0; i < formatCode.Length; i++)
        {
            var c = formatCode[i];
            switch (c)
            {
                case ';':
                    i = formatCode.Length;
                    break;
                case '"':
                    i = formatCode.IndexOf('"', i + 1) is var close and >= 0 ? close : formatCode.Length;
                    break;
                case '\\' or '_' or '*':
                    i++;
                    break;
                case '[':
                    var end = formatCode.IndexOf(']', i + 1);
                    var inside = end < 0 ? "" : formatCode[(i + 1)..end].ToLowerInvariant();
                    elapsed |= inside.Length > 0 && inside.All(ch => ch is 'h' or 'm' or 's');
                    i = end < 0 ? formatCode.Length : end;
                    break;
                default:
                    letters.Append(char.ToLowerInvariant(c));
                    break;
            }
        }

        var text = letters.ToString();
        if (text.Contains("general", StringComparison.Ordinal))
        {
            return XlsxValueStyle.Number;
        }

        var hasDate = text.IndexOfAny(['y', 'd']) >= 0 || (text.Contains('m', StringComparison.Ordinal) && text.IndexOfAny(['h', 's']) < 0);
        var hasTime = elapsed || text.IndexOfAny(['h', 's']) >= 0;
        return (hasDate, hasTime) switch
        {
            (true, true) => XlsxValueStyle.DateTime,
            (true, false) => XlsxValueStyle.Date,
            (false, true) => XlsxValueStyle.Time,
            (false, false) => XlsxValueStyle.Number,
        };
    }
}
