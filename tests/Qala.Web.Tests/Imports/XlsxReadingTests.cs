using Qala.Web.Infrastructure.Imports;
using static Qala.Web.Tests.Imports.XlsxWorkbooks;

namespace Qala.Web.Tests.Imports;

/// <summary>Workbooks made here with the Open XML SDK, read back with the streaming reader.</summary>
public sealed class XlsxReadingTests
{
    // Shared strings: 0 Year, 1 REF_AREA, 2 Date, 3 KZALA, 4 Note, 5 "KZ"+"NS" (rich text).
    private static byte[] IndicatorWorkbook(bool date1904 = false) => Create(date1904,
        ("Indicators",
        [
            Row(1, Shared("A1", 0), Shared("B1", 1), Inline("C1", " Value "), Shared("D1", 2), Inline("E1", "Flag")),
            Row(2, Number("A2", "2023"), Shared("B2", 3), Number("C2", "12.5"), Number("D2", "45443", DateStyle), Boolean("E2", true)),
            // Row 3 is not in the file; in row 4, B4 is left out: C4 must still land under Value.
            Row(4, Number("A4", "2024"), Number("C4", "0.1"), Number("D4", "45658", CustomDateStyle), Boolean("E4", false)),
            Row(6, Inline("A6", " "), Inline("C6", "")),
            Row(7, Number("A7", "2025"), Shared("B7", 5), Number("C7", "1.5E-3"), Number("D7", "45443.5", DateTimeStyle), Error("E7", "#N/A"), Inline("G7", "outside")),
            // Cells without a reference follow each other from column A.
            Row(9, Number(null, "2026"), Inline(null, "KZSHY"), Number(null, "-3")),
        ]),
        ("Notes",
        [
            Row(1, Inline("A1", "")),
            Row(2, Shared("B2", 4)),
            Row(3, Inline("B3", "Сәлем, Алматы!")),
        ]));

    [Fact]
    public async Task The_first_sheet_reads_shared_and_inline_strings_numbers_dates_booleans_and_keeps_columns_and_row_numbers()
    {
        await using var reader = await ImportFiles.OpenAsync(IndicatorWorkbook(), "indicators.xlsx");

        reader.Format.ShouldBe(TabularFormat.Xlsx);
        reader.SheetName.ShouldBe("Indicators");
        reader.Header.RowNumber.ShouldBe(1);
        reader.Header.Names().ShouldBe(["Year", "REF_AREA", "Value", "Date", "Flag"]);
        reader.Header.Issues.ShouldBeEmpty();

        var rows = await ImportFiles.RowsAsync(reader);

        rows.Select(r => r.RowNumber).ShouldBe([2, 4, 7, 9]);
        rows[0].Values().ShouldBe(["2023", "KZALA", "12.5", "2024-05-31", "TRUE"]);
        rows[0]["Year"].Kind.ShouldBe(TabularCellKind.Number);
        rows[0]["Year"].Number.ShouldBe(2023d);
        rows[0]["Date"].Kind.ShouldBe(TabularCellKind.Date);
        rows[0]["Date"].Number.ShouldBe(45443d);
        rows[0]["Flag"].Kind.ShouldBe(TabularCellKind.Boolean);

        rows[1].Values().ShouldBe(["2024", "", "0.1", "2025-01-01", "FALSE"]);
        rows[1]["REF_AREA"].Kind.ShouldBe(TabularCellKind.Empty);
        rows[1]["Value"].Column.Letter.ShouldBe("C");
        rows[1]["Value"].Number.ShouldBe(0.1);
        rows[1].Issues.ShouldBeEmpty();

        rows[2].Values().ShouldBe(["2025", "KZNS", "0.0015", "2024-05-31T12:00:00", "#N/A"]);
        rows[2]["Flag"].Kind.ShouldBe(TabularCellKind.Error);
        var outside = rows[2].Issues.ShouldHaveSingleItem();
        outside.Code.ShouldBe(TabularIssueCode.ValueInUnnamedColumn);
        (outside.Row, outside.Column!.Letter, outside.Value).ShouldBe((7, "G", "outside"));

        rows[3].Values().ShouldBe(["2026", "KZSHY", "-3", "", ""]);
    }

    [Fact]
    public async Task A_named_sheet_is_read_from_its_first_row_with_a_value()
    {
        await using var reader = await ImportFiles.OpenAsync(IndicatorWorkbook(), "indicators.xlsx", new TabularReadOptions { SheetName = "notes" });

        reader.SheetName.ShouldBe("Notes");
        reader.Header.RowNumber.ShouldBe(2);
        reader.Header.Names().ShouldBe(["Note"]);
        reader.Header.Columns[0].Letter.ShouldBe("B");
        var row = (await ImportFiles.RowsAsync(reader)).ShouldHaveSingleItem();
        row.RowNumber.ShouldBe(3);
        row["Note"].Value.ShouldBe("Сәлем, Алматы!");
    }

    [Fact]
    public async Task A_sheet_that_is_not_in_the_workbook_is_an_issue_naming_it()
    {
        var issue = await ImportFiles.FailToOpenAsync(IndicatorWorkbook(), "indicators.xlsx", new TabularReadOptions { SheetName = "2024" });

        issue.Code.ShouldBe(TabularIssueCode.SheetNotFound);
        issue.Value.ShouldBe("2024");
    }

    [Fact]
    public async Task Dates_of_a_workbook_in_the_1904_system_are_four_years_later_for_the_same_serial()
    {
        await using var reader = await ImportFiles.OpenAsync(IndicatorWorkbook(date1904: true), "indicators.xlsx");

        var rows = await ImportFiles.RowsAsync(reader);

        rows[0]["Date"].Value.ShouldBe("2028-06-01");
    }

    [Fact]
    public async Task A_workbook_arriving_on_a_forward_only_stream_is_read_the_same()
    {
        var opened = await TabularFile.OpenAsync(new ForwardOnlyStream(new MemoryStream(IndicatorWorkbook())), "indicators.xlsx", cancellationToken: TestContext.Current.CancellationToken);
        await using var reader = opened.Reader.ShouldNotBeNull();

        var rows = await ImportFiles.RowsAsync(reader);

        rows.Select(r => r.RowNumber).ShouldBe([2, 4, 7, 9]);
        rows[0]["value"].Value.ShouldBe("12.5");
    }

    [Fact]
    public async Task A_workbook_whose_sheets_are_all_empty_has_no_header_row()
    {
        var issue = await ImportFiles.FailToOpenAsync(Create(false, ("Empty", [Row(1, Inline("A1", " "))])), "empty.xlsx");

        issue.Code.ShouldBe(TabularIssueCode.NoHeaderRow);
    }

    [Fact]
    public async Task A_cell_pointing_past_the_shared_strings_ends_the_rows_with_a_damaged_workbook_issue_at_its_row()
    {
        var workbook = Create(false, ("Data", [Row(1, Shared("A1", 0)), Row(2, Number("A2", "2024")), Row(5, Shared("A5", 99))]));
        await using var reader = await ImportFiles.OpenAsync(workbook, "values.xlsx");
        var seen = new List<int>();

        var failure = await Should.ThrowAsync<TabularFileException>(async () =>
        {
            await foreach (var row in reader.ReadRowsAsync(TestContext.Current.CancellationToken))
            {
                seen.Add(row.RowNumber);
            }
        });

        seen.ShouldBe([2]);
        failure.Issue.Code.ShouldBe(TabularIssueCode.CorruptWorkbook);
        failure.Issue.Row.ShouldBe(5);
    }

    [Theory]
    [InlineData(14u, null, "Date")]
    [InlineData(22u, null, "DateTime")]
    [InlineData(20u, null, "Time")]
    [InlineData(164u, "dd\\.mm\\.yyyy;@", "Date")]
    [InlineData(165u, "[$-F800]dddd\\,\\ mmmm\\ dd\\,\\ yyyy", "Date")]
    [InlineData(166u, "mm:ss", "Time")]
    [InlineData(167u, "#,##0.00\\ \"₸\"", "Number")]
    [InlineData(168u, "0.0%", "Number")]
    [InlineData(169u, "[Red]General", "Number")]
    [InlineData(170u, "\"day\" 0", "Number")]
    public void Number_formats_tell_dates_from_numbers(uint id, string? code, string expected)
    {
        XlsxDateFormats.StyleOf(id, code).ToString().ShouldBe(expected);
    }
}
