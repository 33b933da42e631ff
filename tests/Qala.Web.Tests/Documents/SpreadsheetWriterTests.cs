using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Qala.Web.Infrastructure.Documents;

namespace Qala.Web.Tests.Documents;

public sealed class SpreadsheetWriterTests
{
    private static readonly CultureInfo RussianKz = CultureInfo.GetCultureInfo("ru-KZ");
    private static readonly CultureInfo EnglishGb = CultureInfo.GetCultureInfo("en-GB");

    [Fact]
    public void Each_table_is_a_worksheet_with_a_name_excel_accepts()
    {
        ReportColumn[] columns = [new("Name")];
        var document = new ReportDocument("Report",
        [
            new ReportTable("Indicators", columns, []),
            new ReportParagraph("Not a table"),
            new ReportTable("Қарағанды облысы: 2026/2027 [жоба]?", columns, []),
            new ReportTable("Target indicators of the Almaty-2020 development program", columns, []),
            new ReportTable("INDICATORS", columns, []),
            new ReportTable("'History'", columns, []),
            new ReportTable(" * ", columns, []),
        ]);

        using var spreadsheet = Open(Write(document, RussianKz));

        SheetNamesOf(spreadsheet).ShouldBe(
        [
            "Indicators",
            "Қарағанды облысы- 2026-2027 (жо",
            "Target indicators of the Almaty",
            "INDICATORS (2)",
            "History (2)",
            "_",
        ]);
        SheetNamesOf(spreadsheet).ShouldAllBe(name => name.Length <= 31);
    }

    [Fact]
    public void The_header_row_is_bold_and_frozen()
    {
        using var spreadsheet = Open(Write(SampleReports.Karaganda(), RussianKz));
        var sheet = Sheet(spreadsheet, "Көрсеткіштер");

        var header = sheet.Worksheet.Descendants<Row>().First();
        header.RowIndex!.Value.ShouldBe(1u);
        header.Elements<Cell>().Select(TextOf).ShouldBe(["Аумақ", "Халық", "Бюджет, млн ₸", "Орындалуы", "Мерзімі", "Жаңартылды"]);
        foreach (var cell in header.Elements<Cell>())
        {
            FontOf(spreadsheet, cell).Bold.ShouldNotBeNull();
        }

        var pane = sheet.Worksheet.Descendants<Pane>().Single();
        pane.State!.Value.ShouldBe(PaneStateValues.Frozen);
        pane.VerticalSplit!.Value.ShouldBe(1);
        pane.TopLeftCell!.Value.ShouldBe("A2");

        // Printed pages repeat it.
        spreadsheet.WorkbookPart!.Workbook.DefinedNames!.Elements<DefinedName>()
            .ShouldContain(d => d.Name == "_xlnm.Print_Titles" && d.Text == "'Көрсеткіштер'!$1:$1");
    }

    [Fact]
    public void Numbers_are_numbers_with_a_number_format()
    {
        using var spreadsheet = Open(Write(SampleReports.Karaganda(), RussianKz));
        var sheet = Sheet(spreadsheet, "Көрсеткіштер");

        var budget = CellAt(sheet, "C2");
        budget.DataType.ShouldBeNull();
        decimal.Parse(budget.CellValue!.Text, CultureInfo.InvariantCulture).ShouldBe(600_000.5m);
        NumberFormatOf(spreadsheet, budget).ShouldBe("#,##0.0");

        var population = CellAt(sheet, "B3");
        population.CellValue!.Text.ShouldBe("170000");
        NumberFormatOf(spreadsheet, population).ShouldBe("#,##0");

        var share = CellAt(sheet, "D2");
        double.Parse(share.CellValue!.Text, CultureInfo.InvariantCulture).ShouldBe(0.875);
        NumberFormatOf(spreadsheet, share).ShouldBe("0.0%");
    }

    [Fact]
    public void Dates_are_excel_dates_in_the_cultures_order()
    {
        using var russian = Open(Write(SampleReports.Karaganda(), RussianKz));
        var deadline = CellAt(Sheet(russian, "Көрсеткіштер"), "E2");
        deadline.CellValue!.Text.ShouldBe("46350");
        NumberFormatOf(russian, deadline).ShouldBe(@"dd\.mm\.yyyy");

        var updated = CellAt(Sheet(russian, "Көрсеткіштер"), "F2");
        double.Parse(updated.CellValue!.Text, CultureInfo.InvariantCulture).ShouldBe(46350 + 9.5 / 24, tolerance: 1e-9);
        NumberFormatOf(russian, updated).ShouldBe(@"dd\.mm\.yyyy hh:mm");

        using var english = Open(Write(SampleReports.Karaganda(), EnglishGb));
        NumberFormatOf(english, CellAt(Sheet(english, "Көрсеткіштер"), "E2")).ShouldBe("dd/mm/yyyy");
    }

    [Fact]
    public void Kazakh_text_round_trips_and_empty_values_leave_no_cell()
    {
        using var spreadsheet = Open(Write(SampleReports.Karaganda(), RussianKz));
        var sheet = Sheet(spreadsheet, "Көрсеткіштер");

        TextOf(CellAt(sheet, "A2")).ShouldBe("Қарағанды облысы");
        TextOf(CellAt(sheet, "A4")).ShouldBe("Балқаш");
        sheet.Worksheet.Descendants<Cell>().Where(c => c.CellReference == "D3").ShouldBeEmpty();
    }

    [Fact]
    public void Columns_are_as_wide_as_their_content()
    {
        var table = SampleReports.Numbers([["A name much longer than the others in this column", 1, 1m], ["B", 2, 2m]]);
        using var spreadsheet = Open(Write(SampleReports.OneTable(table), EnglishGb));

        var widths = Sheet(spreadsheet, "Numbers").Worksheet.Descendants<Column>().Select(c => c.Width!.Value).ToList();
        widths.Count.ShouldBe(3);
        widths[0].ShouldBeGreaterThan(40);
        widths[1].ShouldBeLessThan(15);
    }

    [Fact]
    public void The_title_goes_into_the_file_properties()
    {
        using var spreadsheet = Open(Write(SampleReports.Karaganda(), RussianKz));

        spreadsheet.PackageProperties.Title.ShouldBe("Қарағанды облысы: даму көрсеткіштері");
        spreadsheet.PackageProperties.Subject.ShouldBe("Даму бағдарламасы 2026–2030");
        spreadsheet.PackageProperties.Language.ShouldBe("ru-KZ");
    }

    [Fact]
    public void A_report_without_tables_gets_one_worksheet_with_its_text()
    {
        var document = new ReportDocument("Есеп", [new ReportHeading("Бөлім"), new ReportParagraph("Мәтін")]) { Subtitle = "Кіріспе" };

        using var spreadsheet = Open(Write(document, RussianKz));

        SheetNamesOf(spreadsheet).ShouldBe(["Есеп"]);
        Sheet(spreadsheet, "Есеп").Worksheet.Descendants<Cell>().Select(TextOf).ShouldBe(["Есеп", "Кіріспе", "Бөлім", "Мәтін"]);
    }

    [Fact]
    public void The_workbook_is_valid_open_xml()
    {
        var stream = Write(SampleReports.Karaganda(), RussianKz);
        using var spreadsheet = Open(stream);

        new OpenXmlValidator().Validate(spreadsheet).Select(e => $"{e.Path?.XPath}: {e.Description}").ShouldBeEmpty();
    }

    [Fact]
    public void A_hundred_thousand_rows_stream_into_the_worksheet()
    {
        var stream = Write(SampleReports.OneTable(SampleReports.Numbers(SampleReports.ManyRows(100_000))), RussianKz);

        using var spreadsheet = Open(stream);
        var part = spreadsheet.WorkbookPart!.WorksheetParts.Single();
        var rows = 0;
        Row? last = null;
        using (var reader = OpenXmlReader.Create(part))
        {
            while (reader.Read())
            {
                if (reader.ElementType == typeof(Row) && reader.IsStartElement)
                {
                    rows++;
                    last = (Row)reader.LoadCurrentElement()!;
                }
            }
        }

        rows.ShouldBe(100_001);
        last!.RowIndex!.Value.ShouldBe(100_001u);
        last.Elements<Cell>().Select(TextOrValue).ShouldBe(["Аудан 100000", "100000000", (100_000 / 7m).ToString(CultureInfo.InvariantCulture)]);
    }

    [Fact]
    public void A_row_with_the_wrong_number_of_cells_is_refused()
    {
        var table = SampleReports.Numbers([["A", 1, 1m], ["B", 2]]);

        Should.Throw<InvalidOperationException>(() => Write(SampleReports.OneTable(table), EnglishGb))
            .Message.ShouldContain("Row 2");
    }

    [Fact]
    public void A_value_of_an_unknown_type_is_refused()
    {
        var table = SampleReports.Numbers([["A", 1, new DateTime(2026, 11, 24)]]);

        Should.Throw<NotSupportedException>(() => Write(SampleReports.OneTable(table), EnglishGb))
            .Message.ShouldContain("DateTime");
    }

    private static MemoryStream Write(ReportDocument document, CultureInfo culture)
    {
        var stream = new MemoryStream();
        SpreadsheetWriter.Write(document, stream, culture);
        stream.Position = 0;
        return stream;
    }

    private static SpreadsheetDocument Open(Stream stream) => SpreadsheetDocument.Open(stream, isEditable: false);

    private static List<string> SheetNamesOf(SpreadsheetDocument spreadsheet) =>
        [.. spreadsheet.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!)];

    private static WorksheetPart Sheet(SpreadsheetDocument spreadsheet, string name)
    {
        var sheet = spreadsheet.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        return (WorksheetPart)spreadsheet.WorkbookPart.GetPartById(sheet.Id!);
    }

    private static Cell CellAt(WorksheetPart sheet, string reference) =>
        sheet.Worksheet.Descendants<Cell>().Single(c => c.CellReference == reference);

    private static string TextOf(Cell cell)
    {
        cell.DataType!.Value.ShouldBe(CellValues.InlineString);
        return cell.InlineString!.Text!.Text;
    }

    private static string TextOrValue(Cell cell) => cell.DataType is null ? cell.CellValue!.Text : TextOf(cell);

    private static CellFormat FormatOf(SpreadsheetDocument spreadsheet, Cell cell) =>
        spreadsheet.WorkbookPart!.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)(cell.StyleIndex?.Value ?? 0));

    private static Font FontOf(SpreadsheetDocument spreadsheet, Cell cell) =>
        spreadsheet.WorkbookPart!.WorkbookStylesPart!.Stylesheet.Fonts!.Elements<Font>().ElementAt((int)FormatOf(spreadsheet, cell).FontId!.Value);

    private static string NumberFormatOf(SpreadsheetDocument spreadsheet, Cell cell)
    {
        var id = FormatOf(spreadsheet, cell).NumberFormatId!.Value;
        return spreadsheet.WorkbookPart!.WorkbookStylesPart!.Stylesheet.NumberingFormats!.Elements<NumberingFormat>()
            .Single(f => f.NumberFormatId!.Value == id).FormatCode!.Value!;
    }
}
