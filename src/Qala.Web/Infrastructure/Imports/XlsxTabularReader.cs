using System.Globalization;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Qala.Web.Infrastructure.Imports;

/// <summary>
/// Reads one worksheet of an .xlsx workbook with the Open XML SDK's SAX reader, one &lt;row&gt; element at a time,
/// so a large sheet streams. Cells are placed by their reference ("D7"), so empty cells in the middle of a row keep
/// the columns right, and rows keep the number the sheet gives them, also where rows are left out.
/// </summary>
internal sealed class XlsxTabularReader : ITabularReader
{
    private readonly SpreadsheetDocument document;
    private readonly OpenXmlReader sheet;
    private readonly IEnumerator<Row> rows;
    private readonly IReadOnlyList<string> sharedStrings;
    private readonly XlsxDateFormats dateFormats;
    private readonly IDisposable? ownedStream;
    private int lastRowNumber;
    private bool rowsRead;

    private XlsxTabularReader(
        string fileName, string sheetName, SpreadsheetDocument document, OpenXmlReader sheet,
        IReadOnlyList<string> sharedStrings, XlsxDateFormats dateFormats, IDisposable? ownedStream)
    {
        FileName = fileName;
        SheetName = sheetName;
        this.document = document;
        this.sheet = sheet;
        rows = ElementsOf<Row>(sheet).GetEnumerator();
        this.sharedStrings = sharedStrings;
        this.dateFormats = dateFormats;
        this.ownedStream = ownedStream;
        Header = null!;
    }

    public string FileName { get; }

    public TabularFormat Format => TabularFormat.Xlsx;

    public string? SheetName { get; }

    public char? Separator => null;

    public TabularHeader Header { get; private set; }

    /// <summary>Opens the named worksheet (or the first) of a workbook on a seekable stream; the stream is not disposed.</summary>
    public static TabularOpenResult Open(Stream content, string fileName, string? sheetName, IDisposable? ownedStream, CancellationToken cancellationToken)
    {
        SpreadsheetDocument? document = null;
        XlsxTabularReader? reader = null;
        var opened = false;
        try
        {
            document = SpreadsheetDocument.Open(content, isEditable: false);
            var workbookPart = document.WorkbookPart;
            if (workbookPart?.Workbook is not { } workbook)
            {
                return Fail(TabularIssueCode.CorruptWorkbook);
            }

            var worksheets = (workbook.Sheets?.Elements<Sheet>() ?? [])
                .Select(s => (Name: s.Name?.Value ?? "", Part: s.Id?.Value is { } id && workbookPart.TryGetPartById(id, out var part) ? part as WorksheetPart : null))
                .Where(s => s.Part is not null)
                .ToList();
            if (worksheets.Count == 0)
            {
                return Fail(TabularIssueCode.WorkbookHasNoWorksheet);
            }

            var chosen = sheetName is null
                ? worksheets[0]
                : worksheets.FirstOrDefault(s => string.Equals(s.Name.Trim(), sheetName.Trim(), StringComparison.OrdinalIgnoreCase));
            if (chosen.Part is null)
            {
                return Fail(TabularIssueCode.SheetNotFound, sheetName);
            }

            var date1904 = workbook.WorkbookProperties?.Date1904?.Value ?? false;
            var dateFormats = XlsxDateFormats.From(workbookPart.WorkbookStylesPart?.Stylesheet, date1904);
            var sharedStrings = ReadSharedStrings(workbookPart.SharedStringTablePart, cancellationToken);
            reader = new XlsxTabularReader(fileName, chosen.Name, document, OpenXmlReader.Create(chosen.Part), sharedStrings, dateFormats, ownedStream);
            if (reader.ReadHeader(cancellationToken) is not { } header)
            {
                return Fail(TabularIssueCode.NoHeaderRow);
            }

            reader.Header = header;
            opened = true;
            return new TabularOpenResult(reader, null);
        }
        catch (Exception exception) when (IsDamage(exception))
        {
            return Fail(TabularIssueCode.CorruptWorkbook);
        }
        finally
        {
            if (!opened)
            {
                if (reader is not null)
                {
                    reader.Dispose(disposeOwned: false);
                }
                else
                {
                    document?.Dispose();
                }
            }
        }

        static TabularOpenResult Fail(TabularIssueCode code, string? value = null) => new(null, new TabularIssue(code, Value: value));
    }

    public IAsyncEnumerable<TabularRow> ReadRowsAsync(CancellationToken cancellationToken = default)
    {
        if (rowsRead)
        {
            throw new InvalidOperationException("The rows of an import file can be read once.");
        }

        rowsRead = true;
        return ReadRows(cancellationToken).ToAsyncEnumerable();
    }

    public ValueTask DisposeAsync()
    {
        Dispose(disposeOwned: true);
        return ValueTask.CompletedTask;
    }

    private void Dispose(bool disposeOwned)
    {
        rows.Dispose();
        sheet.Dispose();
        document.Dispose();
        if (disposeOwned)
        {
            ownedStream?.Dispose();
        }
    }

    private IEnumerable<TabularRow> ReadRows(CancellationToken cancellationToken)
    {
        var builder = new TabularRowBuilder(Header);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            bool more;
            try
            {
                more = NextRowWithValue(builder);
            }
            catch (Exception exception) when (IsDamage(exception))
            {
                throw new TabularFileException(new TabularIssue(TabularIssueCode.CorruptWorkbook, lastRowNumber), exception);
            }

            if (!more)
            {
                yield break;
            }

            yield return builder.Build(lastRowNumber);
        }
    }

    /// <summary>Fills the builder with the next row that has a value; false at the end of the sheet.</summary>
    private bool NextRowWithValue(TabularRowBuilder builder)
    {
        while (NextRow() is { } row)
        {
            builder.Clear();
            foreach (var (index, value, kind, number) in CellsOf(row))
            {
                builder.Set(lastRowNumber, index, value, kind, number);
            }

            if (builder.HasValue)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The first row with a value becomes the header; null if the sheet has none.</summary>
    private TabularHeader? ReadHeader(CancellationToken cancellationToken)
    {
        while (NextRow() is { } row)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var cells = new List<string?>();
            foreach (var (index, value, _, _) in CellsOf(row))
            {
                while (cells.Count <= index)
                {
                    cells.Add(null);
                }

                cells[index] = value;
            }

            if (cells.Exists(c => !string.IsNullOrWhiteSpace(c)))
            {
                return TabularHeader.From(lastRowNumber, cells);
            }
        }

        return null;
    }

    /// <summary>Moves the SAX reader to the next &lt;row&gt; and loads that one element; null at the end of the sheet.</summary>
    private Row? NextRow()
    {
        if (!rows.MoveNext())
        {
            return null;
        }

        var row = rows.Current;
        lastRowNumber = row.RowIndex?.Value is { } index ? checked((int)index) : lastRowNumber + 1;
        return row;
    }

    /// <summary>The elements of one type in a part, each loaded alone while the SAX reader streams past the rest.</summary>
    private static IEnumerable<T> ElementsOf<T>(OpenXmlReader reader)
        where T : OpenXmlElement
    {
        if (!reader.Read())
        {
            yield break;
        }

        while (!reader.EOF)
        {
            if (reader.IsStartElement && reader.ElementType == typeof(T))
            {
                // Loading moves the reader past the element, onto the next one: no Read() after it.
                yield return (T)reader.LoadCurrentElement()!;
            }
            else if (!reader.Read())
            {
                yield break;
            }
        }
    }

    private IEnumerable<(int Index, string Value, TabularCellKind Kind, double? Number)> CellsOf(Row row)
    {
        var index = -1;
        foreach (var cell in row.Elements<Cell>())
        {
            var fromReference = cell.CellReference?.Value is { } reference ? TabularColumn.IndexOfReference(reference) : -1;
            index = fromReference >= 0 ? fromReference : index + 1;
            var (value, kind, number) = ValueOf(cell);
            yield return (index, value, kind, number);
        }
    }

    private (string Value, TabularCellKind Kind, double? Number) ValueOf(Cell cell)
    {
        var raw = cell.CellValue?.Text;
        var type = cell.DataType?.Value ?? CellValues.Number;
        switch (type)
        {
            case CellValues.SharedString:
                if (raw is null)
                {
                    return Empty();
                }

                if (int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var position) && position < sharedStrings.Count)
                {
                    return Text(sharedStrings[position]);
                }

                throw new InvalidDataException("A cell refers to a shared string that the workbook does not have.");
            case CellValues.InlineString:
                return Text(cell.InlineString is { } inline ? TextOf(inline) : "");
            case CellValues.String:
                return Text(raw ?? "");
            case CellValues.Boolean:
                return raw is null ? Empty() : (raw.Trim() is "1" or "true" ? "TRUE" : "FALSE", TabularCellKind.Boolean, null);
            case CellValues.Error:
                return (raw ?? "", TabularCellKind.Error, null);
            case CellValues.Date:
                if (DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var date))
                {
                    var style = dateFormats.StyleOf(cell.StyleIndex?.Value);
                    var format = style == XlsxValueStyle.Time ? "HH:mm:ss" : date.TimeOfDay == TimeSpan.Zero || style == XlsxValueStyle.Date ? "yyyy-MM-dd" : "yyyy-MM-dd'T'HH:mm:ss";
                    return (date.ToString(format, CultureInfo.InvariantCulture), TabularCellKind.Date, null);
                }

                return Text(raw ?? "");
            default:
                if (string.IsNullOrWhiteSpace(raw))
                {
                    return Empty();
                }

                if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                {
                    return Text(raw);
                }

                var dateText = dateFormats.Format(number, dateFormats.StyleOf(cell.StyleIndex?.Value));
                return dateText is null
                    ? (number.ToString(CultureInfo.InvariantCulture), TabularCellKind.Number, number)
                    : (dateText, TabularCellKind.Date, number);
        }

        static (string, TabularCellKind, double?) Text(string value) =>
            (value, value.Length == 0 ? TabularCellKind.Empty : TabularCellKind.Text, null);

        static (string, TabularCellKind, double?) Empty() => ("", TabularCellKind.Empty, null);
    }

    /// <summary>Reads the shared string table with the SAX reader: one &lt;si&gt; at a time.</summary>
    private static List<string> ReadSharedStrings(SharedStringTablePart? part, CancellationToken cancellationToken)
    {
        var strings = new List<string>();
        if (part is null)
        {
            return strings;
        }

        using var reader = OpenXmlReader.Create(part);
        foreach (var item in ElementsOf<SharedStringItem>(reader))
        {
            cancellationToken.ThrowIfCancellationRequested();
            strings.Add(TextOf(item));
        }

        return strings;
    }

    /// <summary>The text of a shared or inline string: its &lt;t&gt;, or its rich-text runs, without phonetic guides.</summary>
    private static string TextOf(OpenXmlElement item)
    {
        var text = item.GetFirstChild<Text>();
        if (text is not null && !item.Elements<Run>().Any())
        {
            return text.Text;
        }

        return string.Concat(item.ChildElements.Select(e => e switch
        {
            Text t => t.Text,
            Run run => run.Text?.Text ?? "",
            _ => "",
        }));
    }

    /// <summary>The exceptions by which the packaging, ZIP and XML layers say that a workbook is damaged.</summary>
    private static bool IsDamage(Exception exception) => exception is
        OpenXmlPackageException or InvalidDataException or FileFormatException or XmlException or FormatException;
}
