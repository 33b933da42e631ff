using Qala.Web.Infrastructure.Imports;

namespace Qala.Web.Tests.Imports;

/// <summary>Real, untidy indicator files of the statistics office (open-sdg format), read as published.</summary>
public sealed class KazstatCsvTests
{
    [Fact]
    public async Task Adolescent_birth_rate_with_CRLF_and_unnamed_trailing_columns_reads_every_row_at_its_line()
    {
        await using var reader = await ImportFiles.OpenAsync(ImportFiles.Fixture("indicator_3-7-2.csv"), "indicator_3-7-2.csv");

        reader.Format.ShouldBe(TabularFormat.Csv);
        reader.Separator.ShouldBe(',');
        reader.Header.RowNumber.ShouldBe(1);
        reader.Header.Names().ShouldBe(["Year", "AGE", "URBANISATION", "REF_AREA", "Value"]);
        reader.Header.Issues.ShouldBeEmpty();
        reader.Header.Find("value")!.Letter.ShouldBe("E");

        var rows = await ImportFiles.RowsAsync(reader);
        rows.Count.ShouldBe(1396);
        rows.ShouldAllBe(r => r.Issues.Count == 0);
        rows[0].RowNumber.ShouldBe(2);
        rows[0].Values().ShouldBe(["2010", "Y10T14", "", "", "0.04"]);
        rows[0]["REF_AREA"].Kind.ShouldBe(TabularCellKind.Empty);
        var almaty2015 = rows.Single(r => r.RowNumber == 574);
        almaty2015.Values().ShouldBe(["2015", "Y15T19", "U", "KZALA", "12.94"]);
        rows[^1].RowNumber.ShouldBe(1397);
        rows[^1]["REF_AREA"].Value.ShouldBe("KZVOS");
        rows[^1]["Value"].Value.ShouldBe("15.49");
    }

    [Fact]
    public async Task Fine_particulate_matter_skips_the_blank_lines_and_keeps_the_line_numbers_after_them()
    {
        await using var reader = await ImportFiles.OpenAsync(ImportFiles.Fixture("indicator_11-6-2.csv"), "indicator_11-6-2.csv");

        reader.Header.Names().ShouldBe(["Year", "UNIT_MEASURE", "SERIES", "REF_AREA", "Value"]);
        var rows = await ImportFiles.RowsAsync(reader);

        rows.Count.ShouldBe(674);
        rows[0].Values().ShouldBe(["2014", "MG_CUB_METER", "_L_KZ_110602_1B", "KZBOR", "0.0648"]);
        var beforeGap = rows.Single(r => r.RowNumber == 600);
        beforeGap.Values().ShouldBe(["2022", "MG_CUB_METER", "_L_KZ_110602_1A", "KZKET", "0.0014"]);
        var afterGap = rows[rows.IndexOf(beforeGap) + 1];
        afterGap.RowNumber.ShouldBe(605);
        afterGap.Values().ShouldBe(["2023", "MG_CUB_METER", "_L_KZ_110602_1B", "KZNS", "0.03"]);
        rows.ShouldNotContain(r => r.RowNumber >= 601 && r.RowNumber <= 604);
        rows[^1].RowNumber.ShouldBe(679);
        rows.ShouldAllBe(r => r.Issues.Count == 0);
    }

    [Fact]
    public async Task Youth_NEET_reports_the_row_with_a_missing_field_and_reads_on()
    {
        await using var reader = await ImportFiles.OpenAsync(ImportFiles.Fixture("indicator_8-6-1.csv"), "indicator_8-6-1.csv");

        reader.Header.Names().ShouldBe(["Year", "UNIT_MEASURE", "REF_AREA", "URBANISATION", "SEX", "Value"]);
        var rows = await ImportFiles.RowsAsync(reader);

        rows.Count.ShouldBe(1216);
        var broken = rows.Single(r => r.Issues.Count > 0);
        broken.RowNumber.ShouldBe(1199);
        var issue = broken.Issues.ShouldHaveSingleItem();
        issue.Code.ShouldBe(TabularIssueCode.MissingFields);
        issue.Severity.ShouldBe(TabularIssueSeverity.Error);
        issue.Row.ShouldBe(1199);
        issue.Column!.Name.ShouldBe("Value");
        issue.Column.Letter.ShouldBe("F");
        broken.Values().ShouldBe(["2023", "PT", "KZSHY", "U", "18.8", ""]);

        var next = rows[rows.IndexOf(broken) + 1];
        next.RowNumber.ShouldBe(1200);
        next["URBANISATION"].Value.ShouldBe("R");
        next["Value"].Value.ShouldBe("13.1");
        rows[^1].Values().ShouldBe(["2023", "PT", "KZYUZ", "R", "", "9.1"]);
    }

    [Fact]
    public async Task A_byte_order_mark_is_not_part_of_the_first_header_name_and_a_forward_only_stream_reads_the_same()
    {
        byte[] withMark = [0xEF, 0xBB, 0xBF, .. ImportFiles.Fixture("indicator_11-6-2.csv")];

        var opened = await TabularFile.OpenAsync(new ForwardOnlyStream(new MemoryStream(withMark)), "indicator_11-6-2.csv", cancellationToken: TestContext.Current.CancellationToken);
        await using var reader = opened.Reader.ShouldNotBeNull();

        reader.Header.Columns[0].Name.ShouldBe("Year");
        reader.Header.Find("Year").ShouldNotBeNull();
        var rows = await ImportFiles.RowsAsync(reader);
        rows.Count.ShouldBe(674);
        rows[^1].RowNumber.ShouldBe(679);
        rows[^1]["Year"].Value.ShouldBe("2023");
    }
}
