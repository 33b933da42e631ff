using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Qala.Web.Tests.Imports;

/// <summary>Builds small .xlsx workbooks with the Open XML SDK, cell by cell, as Excel stores them.</summary>
internal static class XlsxWorkbooks
{
    public const uint DateStyle = 1;
    public const uint CustomDateStyle = 2;
    public const uint DateTimeStyle = 3;

    public static byte[] Create(bool date1904 = false, params (string Name, Row[] Rows)[] sheets) =>
        Create(date1904, sharedStrings: ["Year", "REF_AREA", "Date", "KZALA", "Note"], sheets);

    public static byte[] Create(bool date1904, string[] sharedStrings, params (string Name, Row[] Rows)[] sheets)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook(new WorkbookProperties { Date1904 = date1904 });

            var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(
                new NumberingFormats(
                    new NumberingFormat { NumberFormatId = 164, FormatCode = "dd\\.mm\\.yyyy;@" },
                    new NumberingFormat { NumberFormatId = 165, FormatCode = "yyyy\\-mm\\-dd\\ hh:mm" }),
                new Fonts(new Font()),
                new Fills(new Fill()),
                new Borders(new Border()),
                new CellFormats(
                    new CellFormat { NumberFormatId = 0 },
                    new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true },
                    new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
                    new CellFormat { NumberFormatId = 165, ApplyNumberFormat = true }));

            var strings = workbookPart.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new SharedStringTable(sharedStrings.Select(s => new SharedStringItem(new Text(s))));
            // A rich-text shared string, as Excel writes when part of a cell is bold: "KZ" + "NS".
            strings.SharedStringTable.Append(new SharedStringItem(
                new Run(new RunProperties(new Bold()), new Text("KZ")),
                new Run(new Text("NS"))));

            var sheetList = workbookPart.Workbook.AppendChild(new Sheets());
            uint sheetId = 1;
            foreach (var (name, rows) in sheets)
            {
                var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();
                worksheetPart.Worksheet = new Worksheet(new SheetData(rows));
                sheetList.Append(new Sheet { Id = workbookPart.GetIdOfPart(worksheetPart), SheetId = sheetId++, Name = name });
            }
        }

        return stream.ToArray();
    }

    public static Row Row(uint number, params Cell[] cells) => new(cells) { RowIndex = number };

    public static Cell Shared(string reference, int index) =>
        new() { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(index.ToString(System.Globalization.CultureInfo.InvariantCulture)) };

    public static Cell Inline(string? reference, string text) =>
        new(new InlineString(new Text(text))) { CellReference = reference, DataType = CellValues.InlineString };

    public static Cell Number(string? reference, string value, uint? style = null) =>
        new() { CellReference = reference, CellValue = new CellValue(value), StyleIndex = style };

    public static Cell Boolean(string reference, bool value) =>
        new() { CellReference = reference, DataType = CellValues.Boolean, CellValue = new CellValue(value ? "1" : "0") };

    public static Cell Error(string reference, string code) =>
        new() { CellReference = reference, DataType = CellValues.Error, CellValue = new CellValue(code) };
}
