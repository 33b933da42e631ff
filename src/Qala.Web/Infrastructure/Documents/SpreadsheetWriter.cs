using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Qala.Web.Infrastructure.Documents;

/// <summary>
/// Writes a report as an Excel workbook: each table on its own worksheet, with a bold, frozen header row, and numbers
/// and dates as real values with number formats, so they can be summed and sorted. The title, subtitle and metadata
/// go into the file's properties, so each worksheet stays one table a reader can filter. A report without a table
/// gets one worksheet with its text. Rows stream: memory does not grow with the number of rows.
/// </summary>
public static class SpreadsheetWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string FileExtension = ".xlsx";

    // Excel's limits: 1,048,576 rows a worksheet (the header is one), 32,767 characters a cell.
    private const int MaxRows = 1_048_576;
    private const int MaxCellText = 32_767;

    // Column widths come from the header and the first rows, in characters.
    private const int RowsMeasured = 200;
    private const int MinWidth = 8;
    private const int MaxWidth = 60;

    public static void Write(ReportDocument document, Stream output, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(culture);

        List<ReportTable> tables = [.. document.Blocks.OfType<ReportTable>()];
        if (tables.Count == 0)
        {
            tables.Add(TextOf(document));
        }

        var names = SheetNames.For(tables.Select(t => t.Name));
        var styles = new SheetStyles(tables.SelectMany(t => t.Columns), culture);
        var worksheets = new Dictionary<string, Action<OpenXmlWriter>>();
        using var package = new MemoryStream();
        using (var spreadsheet = SpreadsheetDocument.Create(package, SpreadsheetDocumentType.Workbook))
        {
            DocumentProperties.Set(spreadsheet, document, culture);
            var workbookPart = spreadsheet.AddWorkbookPart();
            var sheets = new Sheets();
            var definedNames = new DefinedNames();
            for (var i = 0; i < tables.Count; i++)
            {
                var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();
                worksheetPart.Worksheet = new Worksheet(new SheetData());
                sheets.Append(new Sheet { Id = workbookPart.GetIdOfPart(worksheetPart), SheetId = (uint)(i + 1), Name = names[i] });

                // Printed pages repeat the header row, like Word's repeated table header.
                definedNames.Append(new DefinedName($"'{names[i].Replace("'", "''", StringComparison.Ordinal)}'!$1:$1")
                {
                    Name = "_xlnm.Print_Titles",
                    LocalSheetId = (uint)i,
                });

                var table = tables[i];
                var selected = i == 0;
                worksheets.Add(StreamedPackage.EntryName(worksheetPart), writer => WriteWorksheet(writer, table, styles, culture, selected));
            }

            workbookPart.Workbook = new Workbook(sheets, definedNames);
            workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = styles.Stylesheet;
        }

        StreamedPackage.Write(package, output, worksheets);
    }

    private static void WriteWorksheet(OpenXmlWriter writer, ReportTable table, SheetStyles styles, CultureInfo culture, bool selected)
    {
        using var rows = new TableRows(table, RowsMeasured);
        var columnNames = Enumerable.Range(0, table.Columns.Count).Select(ColumnName).ToArray();

        writer.WriteStartElement(new Worksheet());
        writer.WriteElement(new SheetProperties(new PageSetupProperties { FitToPage = true }));
        writer.WriteElement(new SheetViews(new SheetView(
            new Pane
            {
                VerticalSplit = 1,
                TopLeftCell = "A2",
                ActivePane = PaneValues.BottomLeft,
                State = PaneStateValues.Frozen,
            },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new() { InnerText = "A2" } })
        {
            TabSelected = selected,
            WorkbookViewId = 0,
        }));
        writer.WriteElement(new Columns(rows.WidestLines(culture, MaxWidth).Select((width, i) => new Column
        {
            Min = (uint)(i + 1),
            Max = (uint)(i + 1),
            Width = Math.Clamp(width * 1.1 + 2, MinWidth, MaxWidth),
            CustomWidth = true,
        })));

        writer.WriteStartElement(new SheetData());
        writer.WriteStartElement(new Row { RowIndex = 1 });
        for (var i = 0; i < table.Columns.Count; i++)
        {
            writer.WriteElement(TextCell(columnNames[i] + "1", table.Columns[i].Header, SheetStyles.Header(table.Columns[i])));
        }

        writer.WriteEndElement();

        var rowIndex = 1;
        foreach (var row in rows.All())
        {
            if (++rowIndex > MaxRows)
            {
                throw new InvalidOperationException(
                    $"The table \"{table.Name}\" has more rows than an Excel worksheet holds ({MaxRows - 1}); split it.");
            }

            var rowNumber = rowIndex.ToString(CultureInfo.InvariantCulture);
            writer.WriteStartElement(new Row { RowIndex = (uint)rowIndex });
            for (var i = 0; i < row.Count; i++)
            {
                if (ValueCell(columnNames[i] + rowNumber, row[i], table.Columns[i], styles, culture) is { } cell)
                {
                    writer.WriteElement(cell);
                }
            }

            writer.WriteEndElement();
        }

        writer.WriteEndElement();
        writer.WriteElement(new PageMargins { Left = 0.7, Right = 0.7, Top = 0.75, Bottom = 0.75, Header = 0.3, Footer = 0.3 });

        // Printed on A4, all columns across the page, as many pages down as it takes.
        writer.WriteElement(new PageSetup
        {
            PaperSize = 9,
            FitToWidth = 1,
            FitToHeight = 0,
            Orientation = PrintLayout.IsLandscape(table) ? OrientationValues.Landscape : OrientationValues.Portrait,
        });
        writer.WriteEndElement();
    }

    private static Cell? ValueCell(string reference, object? value, ReportColumn column, SheetStyles styles, CultureInfo culture) => value switch
    {
        null => null,
        string text => TextCell(reference, text, 0),
        int or long or decimal => NumberCell(reference, ((IFormattable)value).ToString(null, CultureInfo.InvariantCulture), styles.Number(column)),
        double number => double.IsFinite(number)
            ? NumberCell(reference, number.ToString("R", CultureInfo.InvariantCulture), styles.Number(column))
            : null,
        DateOnly date => date >= FirstSerialDate
            ? NumberCell(reference, Serial(date).ToString(CultureInfo.InvariantCulture), styles.Date)
            : TextCell(reference, ReportCells.Format(date, column, culture), 0),
        DateTimeOffset moment => DateOnly.FromDateTime(moment.DateTime) >= FirstSerialDate
            ? NumberCell(reference, Serial(moment.DateTime).ToString("R", CultureInfo.InvariantCulture),
                column.Kind == ColumnKind.Date ? styles.Date : styles.DateTime)
            : TextCell(reference, ReportCells.Format(moment, column, culture), 0),
        _ => throw ReportCells.Unsupported(value),
    };

    private static Cell NumberCell(string reference, string number, uint style) =>
        new() { CellReference = reference, StyleIndex = style, CellValue = new CellValue(number) };

    // Inline strings rather than a shared string table, which would have to be held in memory until the end.
    private static Cell TextCell(string reference, string text, uint style)
    {
        text = ReportCells.XmlSafe(text);
        if (text.Length > MaxCellText)
        {
            text = text[..MaxCellText];
        }

        var content = new Text(text);
        if (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])))
        {
            content.Space = SpaceProcessingModeValues.Preserve;
        }

        return new Cell
        {
            CellReference = reference,
            DataType = CellValues.InlineString,
            StyleIndex = style == 0 ? null : style,
            InlineString = new InlineString(content),
        };
    }

    // Excel counts days from 1899-12-30 and believes 1900 was a leap year, so its serials are right from 1900-03-01 on.
    private static readonly DateOnly FirstSerialDate = new(1900, 3, 1);
    private static readonly DateOnly SerialEpoch = new(1899, 12, 30);

    private static int Serial(DateOnly date) => date.DayNumber - SerialEpoch.DayNumber;

    private static double Serial(DateTime clock) =>
        Serial(DateOnly.FromDateTime(clock)) + (double)clock.TimeOfDay.Ticks / TimeSpan.TicksPerDay;

    private static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + (n - 1) % 26) + name;
        }

        return name;
    }

    private static ReportTable TextOf(ReportDocument document)
    {
        IEnumerable<string?> lines =
        [
            document.Subtitle,
            .. document.Metadata,
            .. document.Blocks.Select(b => b switch
            {
                ReportHeading heading => heading.Text,
                ReportParagraph paragraph => paragraph.Text,
                _ => null,
            }),
        ];

        return new ReportTable(document.Title, [new ReportColumn(document.Title)], [.. lines.OfType<string>().Select(l => new object?[] { l })]);
    }

    /// <summary>
    /// The workbook's cell formats: one for each header alignment and each number or date format the columns use. All
    /// are known before any worksheet is written, because the styles are saved first.
    /// </summary>
    private sealed class SheetStyles
    {
        private readonly NumberingFormats numberingFormats = new();
        private readonly CellFormats cellFormats;
        private readonly Dictionary<string, uint> byFormatCode = new(StringComparer.Ordinal);

        public SheetStyles(IEnumerable<ReportColumn> columns, CultureInfo culture)
        {
            cellFormats = new CellFormats(
                new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
                HeaderFormat(HorizontalAlignmentValues.Left),
                HeaderFormat(HorizontalAlignmentValues.Right));
            Date = Add(ExcelNumberFormats.Date(culture));
            DateTime = Add(ExcelNumberFormats.DateTime(culture));
            foreach (var code in columns.Select(FormatCode).OfType<string>())
            {
                Add(code);
            }

            Stylesheet = new Stylesheet(
                numberingFormats,
                new Fonts(
                    new Font(new FontSize { Val = 10 }, new FontName { Val = "Arial" }),
                    new Font(new Bold(), new FontSize { Val = 10 }, new FontName { Val = "Arial" })),
                new Fills(
                    new Fill(new PatternFill { PatternType = PatternValues.None }),
                    new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                    new Fill(new PatternFill(new ForegroundColor { Rgb = "FFE7E6E6" }) { PatternType = PatternValues.Solid })),
                new Borders(
                    new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
                    new Border(
                        new LeftBorder(),
                        new RightBorder(),
                        new TopBorder(),
                        new BottomBorder(new Color { Auto = true }) { Style = BorderStyleValues.Thin },
                        new DiagonalBorder())),
                new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }),
                cellFormats,
                new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }));
        }

        public Stylesheet Stylesheet { get; }

        public uint Date { get; }

        public uint DateTime { get; }

        // Headers line up with their values: text to the left, numbers and dates to the right.
        public static uint Header(ReportColumn column) => column.Kind == ColumnKind.Text ? 1u : 2u;

        public uint Number(ReportColumn column) => FormatCode(column) is { } code ? byFormatCode[code] : 0;

        private static string? FormatCode(ReportColumn column) => column.Kind switch
        {
            ColumnKind.WholeNumber => ExcelNumberFormats.Integer,
            ColumnKind.Number => ExcelNumberFormats.Decimal(column.Decimals),
            ColumnKind.Percent => ExcelNumberFormats.Percent(column.Decimals),
            ColumnKind.Text or ColumnKind.Date or ColumnKind.DateTime => null,
        };

        private uint Add(string formatCode)
        {
            if (byFormatCode.TryGetValue(formatCode, out var index))
            {
                return index;
            }

            // Ids below 164 are Excel's built-in formats.
            var id = (uint)(164 + numberingFormats.ChildElements.Count);
            numberingFormats.Append(new NumberingFormat { NumberFormatId = id, FormatCode = formatCode });
            cellFormats.Append(new CellFormat { NumberFormatId = id, ApplyNumberFormat = true, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 });
            index = (uint)cellFormats.ChildElements.Count - 1;
            byFormatCode.Add(formatCode, index);
            return index;
        }

        private static CellFormat HeaderFormat(HorizontalAlignmentValues alignment) => new(
            new Alignment { Horizontal = alignment, Vertical = VerticalAlignmentValues.Top, WrapText = true })
        {
            NumberFormatId = 0,
            FontId = 1,
            FillId = 2,
            BorderId = 1,
            FormatId = 0,
            ApplyFont = true,
            ApplyFill = true,
            ApplyBorder = true,
            ApplyAlignment = true,
        };
    }
}
