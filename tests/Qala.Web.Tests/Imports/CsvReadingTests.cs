using System.Text;
using Qala.Web.Infrastructure.Imports;

namespace Qala.Web.Tests.Imports;

/// <summary>CSV as people and programs really write it: quoted line breaks, Excel's semicolons, UTF-16, broken rows.</summary>
public sealed class CsvReadingTests
{
    [Fact]
    public async Task A_quoted_value_may_hold_separators_quotes_and_line_breaks_and_the_row_keeps_the_line_where_it_starts()
    {
        var csv = "Territory,Comment,Value\r\n"
            + "Almaty,\"first line\r\nsecond line, with a comma\",1.5\r\n"
            + "Astana,\"she said \"\"ok\"\"\",2\r\n"
            + "\r\n"
            + "Shymkent,\"a\nb\nc\",3\r\n";

        await using var reader = await ImportFiles.OpenAsync(Encoding.UTF8.GetBytes(csv), "values.csv");
        var rows = await ImportFiles.RowsAsync(reader);

        rows.Select(r => r.RowNumber).ShouldBe([2, 4, 6]);
        rows[0]["Comment"].Value.ShouldBe("first line\r\nsecond line, with a comma");
        rows[0]["Value"].Value.ShouldBe("1.5");
        rows[1]["Comment"].Value.ShouldBe("she said \"ok\"");
        rows[2].Values().ShouldBe(["Shymkent", "a\nb\nc", "3"]);
        rows.ShouldAllBe(r => r.Issues.Count == 0);
    }

    [Fact]
    public async Task Semicolons_of_a_Russian_or_Kazakh_Excel_are_found_from_the_header_and_decimal_commas_stay_in_the_value()
    {
        var csv = "Жыл;Аймақ;Мәні\n2023;KZALA;1,5\n2024;\"KZ;NS\";2,75\n";

        await using var reader = await ImportFiles.OpenAsync(Encoding.UTF8.GetBytes(csv), "мәндер.csv");
        var rows = await ImportFiles.RowsAsync(reader);

        reader.Separator.ShouldBe(';');
        reader.Header.Names().ShouldBe(["Жыл", "Аймақ", "Мәні"]);
        rows[0].Values().ShouldBe(["2023", "KZALA", "1,5"]);
        rows[1].Values().ShouldBe(["2024", "KZ;NS", "2,75"]);
    }

    [Fact]
    public async Task Tabs_separate_text_pasted_from_a_spreadsheet()
    {
        await using var reader = await ImportFiles.OpenAsync(Encoding.UTF8.GetBytes("Year\tValue, %\n2020\t1,5\n"), "pasted.txt");
        var rows = await ImportFiles.RowsAsync(reader);

        reader.Separator.ShouldBe('\t');
        reader.Header.Names().ShouldBe(["Year", "Value, %"]);
        rows.ShouldHaveSingleItem().Values().ShouldBe(["2020", "1,5"]);
    }

    [Theory]
    [InlineData("utf-16")]
    [InlineData("utf-16BE")]
    public async Task UTF_16_with_a_byte_order_mark_is_read_as_text(string encodingName)
    {
        var encoding = Encoding.GetEncoding(encodingName);
        byte[] content = [.. encoding.GetPreamble(), .. encoding.GetBytes("Аймақ\tХалық саны\nАлматы\t2 228 675\nШымкент\t1 222 000\n")];

        await using var reader = await ImportFiles.OpenAsync(content, "халық.txt");
        var rows = await ImportFiles.RowsAsync(reader);

        reader.Separator.ShouldBe('\t');
        reader.Header.Names().ShouldBe(["Аймақ", "Халық саны"]);
        rows.Select(r => r.RowNumber).ShouldBe([2, 3]);
        rows[1]["халық саны"].Value.ShouldBe("1 222 000");
    }

    [Fact]
    public async Task The_header_is_the_first_row_with_a_value_and_its_names_are_trimmed()
    {
        var csv = "\n;;;\n  Year ; Region ;Value\n2020;KZALA;1\n";

        await using var reader = await ImportFiles.OpenAsync(Encoding.UTF8.GetBytes(csv), "values.csv");
        var rows = await ImportFiles.RowsAsync(reader);

        reader.Header.RowNumber.ShouldBe(3);
        reader.Header.Names().ShouldBe(["Year", "Region", "Value"]);
        rows.ShouldHaveSingleItem().RowNumber.ShouldBe(4);
        rows[0]["region"].Value.ShouldBe("KZALA");
    }

    [Fact]
    public async Task Excel_sep_line_names_the_separator_and_is_not_the_header()
    {
        await using var reader = await ImportFiles.OpenAsync(Encoding.UTF8.GetBytes("sep=;\nYear;Value\n2020;1,5\n"), "values.csv");
        var rows = await ImportFiles.RowsAsync(reader);

        reader.Separator.ShouldBe(';');
        reader.Header.RowNumber.ShouldBe(2);
        reader.Header.Names().ShouldBe(["Year", "Value"]);
        rows.ShouldHaveSingleItem().Values().ShouldBe(["2020", "1,5"]);
    }

    [Fact]
    public async Task Empty_and_duplicate_header_names_are_reported_with_their_position_but_trailing_unnamed_columns_are_not()
    {
        var csv = "Year,,Value,VALUE,,\n2020,x,1,2,,\n";

        await using var reader = await ImportFiles.OpenAsync(Encoding.UTF8.GetBytes(csv), "values.csv");

        reader.Header.Names().ShouldBe(["Year", "", "Value", "VALUE"]);
        reader.Header.Issues.Count.ShouldBe(2);
        var empty = reader.Header.Issues[0];
        empty.Code.ShouldBe(TabularIssueCode.EmptyHeaderName);
        (empty.Row, empty.Column!.Letter, empty.Column.Number).ShouldBe((1, "B", 2));
        var duplicate = reader.Header.Issues[1];
        duplicate.Code.ShouldBe(TabularIssueCode.DuplicateHeaderName);
        (duplicate.Row, duplicate.Column!.Letter, duplicate.Value).ShouldBe((1, "D", "VALUE"));
        duplicate.MessageKey.ShouldBe("Two columns have the same name in the header row.");

        var row = (await ImportFiles.RowsAsync(reader)).ShouldHaveSingleItem();
        row["Value"].Value.ShouldBe("1");
        row.Cells[3].Value.ShouldBe("2");
    }

    [Fact]
    public async Task A_value_under_an_unnamed_trailing_column_is_a_warning_on_its_row()
    {
        var csv = "Year,Value,,\n2020,1,,\n2021,2,,note\n";

        await using var reader = await ImportFiles.OpenAsync(Encoding.UTF8.GetBytes(csv), "values.csv");
        var rows = await ImportFiles.RowsAsync(reader);

        rows[0].Issues.ShouldBeEmpty();
        var warning = rows[1].Issues.ShouldHaveSingleItem();
        warning.Code.ShouldBe(TabularIssueCode.ValueInUnnamedColumn);
        warning.Severity.ShouldBe(TabularIssueSeverity.Warning);
        (warning.Row, warning.Column!.Letter, warning.Value).ShouldBe((3, "D", "note"));
        rows[1].Values().ShouldBe(["2021", "2"]);
    }

    [Fact]
    public async Task A_stray_quote_is_reported_on_its_row_and_reading_goes_on()
    {
        var csv = "Name,Value\nKaraganda \"old\" town,1\nAktobe,2\n";

        await using var reader = await ImportFiles.OpenAsync(Encoding.UTF8.GetBytes(csv), "values.csv");
        var rows = await ImportFiles.RowsAsync(reader);

        rows.Count.ShouldBe(2);
        rows[0].Issues.ShouldHaveSingleItem().Code.ShouldBe(TabularIssueCode.MalformedQuoting);
        rows[0]["Value"].Value.ShouldBe("1");
        rows[1].Issues.ShouldBeEmpty();
        rows[1].Values().ShouldBe(["Aktobe", "2"]);
    }

    [Fact]
    public async Task A_quote_that_is_never_closed_stops_reading_with_a_clear_issue_instead_of_buffering_the_file()
    {
        var csv = new StringBuilder("Name,Value\nAlmaty,1\n\"Astana,2\n");
        var line = "Shymkent,3 " + new string('x', 100) + "\n";
        while (csv.Length < CsvTabularReader.MaxRecordBytes + (1024 * 1024))
        {
            csv.Append(line);
        }

        await using var reader = await ImportFiles.OpenAsync(Encoding.UTF8.GetBytes(csv.ToString()), "values.csv");
        var seen = new List<int>();
        var failure = await Should.ThrowAsync<TabularFileException>(async () =>
        {
            await foreach (var row in reader.ReadRowsAsync(TestContext.Current.CancellationToken))
            {
                seen.Add(row.RowNumber);
            }
        });

        seen.ShouldBe([2]);
        failure.Issue.Code.ShouldBe(TabularIssueCode.UnreadableCsv);
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF })]
    [InlineData(new byte[] { 0x0D, 0x0A, 0x20, 0x0A })]
    public async Task An_empty_file_is_an_issue_not_an_exception(byte[] content)
    {
        var issue = await ImportFiles.FailToOpenAsync(content, "values.csv");

        issue.Code.ShouldBe(TabularIssueCode.EmptyFile);
        issue.IsFileLevel.ShouldBeTrue();
        issue.MessageKey.ShouldBe("The file is empty.");
    }

    [Fact]
    public async Task A_file_of_separators_only_has_no_header_row()
    {
        var issue = await ImportFiles.FailToOpenAsync(Encoding.UTF8.GetBytes(",,,\n , ,\n\n"), "values.csv");

        issue.Code.ShouldBe(TabularIssueCode.NoHeaderRow);
    }

    [Fact]
    public async Task Text_in_a_Windows_code_page_asks_for_UTF_8()
    {
        // "Год,Значение" in Windows-1251.
        byte[] content = [0xC3, 0xEE, 0xE4, (byte)',', 0xC7, 0xED, 0xE0, 0xF7, 0xE5, 0xED, 0xE8, 0xE5, (byte)'\n', (byte)'1', (byte)',', (byte)'2', (byte)'\n'];

        var issue = await ImportFiles.FailToOpenAsync(content, "values.csv");

        issue.Code.ShouldBe(TabularIssueCode.NotUtf8Text);
    }
}
