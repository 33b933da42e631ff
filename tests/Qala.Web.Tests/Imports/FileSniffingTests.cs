using System.IO.Compression;
using System.Text;
using Qala.Web.Infrastructure.Imports;
using static Qala.Web.Tests.Imports.XlsxWorkbooks;

namespace Qala.Web.Tests.Imports;

/// <summary>The content decides whether a file is CSV or a workbook; a name that says otherwise is a clear issue.</summary>
public sealed class FileSniffingTests
{
    private static readonly byte[] Csv = ImportFiles.Fixture("indicator_11-6-2.csv");

    private static byte[] Workbook() => Create(false, ("Data", [Row(1, Shared("A1", 0)), Row(2, Number("A2", "2024"))]));

    [Theory]
    [InlineData("indicator.csv", TabularFormat.Csv)]
    [InlineData("INDICATOR.TXT", TabularFormat.Csv)]
    [InlineData("indicator", TabularFormat.Csv)]
    [InlineData("indicator.dat", TabularFormat.Csv)]
    public async Task Csv_content_is_CSV_under_a_CSV_name_or_a_name_that_says_nothing(string fileName, TabularFormat expected)
    {
        var sniff = await TabularFormatSniffer.SniffAsync(new MemoryStream(Csv), fileName, TestContext.Current.CancellationToken);

        sniff.ShouldBe(new TabularSniff(expected, null));
    }

    [Fact]
    public async Task Csv_bytes_named_xlsx_are_a_mismatch_not_a_crash_in_the_zip_reader()
    {
        var sniff = await TabularFormatSniffer.SniffAsync(new MemoryStream(Csv), "indicator_11-6-2.xlsx", TestContext.Current.CancellationToken);
        var issue = await ImportFiles.FailToOpenAsync(Csv, "indicator_11-6-2.xlsx");

        sniff.Issue!.Code.ShouldBe(TabularIssueCode.CsvNamedAsWorkbook);
        issue.Code.ShouldBe(TabularIssueCode.CsvNamedAsWorkbook);
        issue.IsFileLevel.ShouldBeTrue();
        issue.MessageKey.ShouldBe("The file is named as an Excel workbook but contains CSV text. Rename it to .csv, or save it as .xlsx.");
    }

    [Fact]
    public async Task A_workbook_named_csv_is_a_mismatch_and_the_same_workbook_without_extension_is_read()
    {
        (await ImportFiles.FailToOpenAsync(Workbook(), "values.csv")).Code.ShouldBe(TabularIssueCode.WorkbookNamedAsCsv);

        await using var reader = await ImportFiles.OpenAsync(Workbook(), "upload");
        reader.Format.ShouldBe(TabularFormat.Xlsx);
        (await ImportFiles.RowsAsync(reader)).ShouldHaveSingleItem()["Year"].Value.ShouldBe("2024");
    }

    [Fact]
    public async Task A_zip_archive_that_is_not_a_workbook_is_named_as_such()
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = new StreamWriter(archive.CreateEntry("word/document.xml").Open());
            entry.Write("<document/>");
        }

        (await ImportFiles.FailToOpenAsync(zip.ToArray(), "report.xlsx")).Code.ShouldBe(TabularIssueCode.ArchiveIsNotWorkbook);
    }

    [Fact]
    public async Task A_damaged_workbook_is_an_issue_not_an_exception()
    {
        var truncated = Workbook()[..400];

        (await ImportFiles.FailToOpenAsync(truncated, "values.xlsx")).Code.ShouldBe(TabularIssueCode.CorruptWorkbook);
    }

    [Fact]
    public async Task An_old_xls_or_password_protected_workbook_asks_to_be_saved_as_xlsx()
    {
        byte[] compoundDocument = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]];

        (await ImportFiles.FailToOpenAsync(compoundDocument, "values.xls")).Code.ShouldBe(TabularIssueCode.LegacyOrProtectedWorkbook);
        (await ImportFiles.FailToOpenAsync(compoundDocument, "values.xlsx")).Code.ShouldBe(TabularIssueCode.LegacyOrProtectedWorkbook);
    }

    [Theory]
    [InlineData("image.csv")]
    [InlineData("values.xlsx")]
    public async Task Binary_content_is_neither_CSV_nor_a_workbook(string fileName)
    {
        byte[] png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, (byte)'I', (byte)'H', (byte)'D', (byte)'R', 0, 0, 1, 0];

        var issue = await ImportFiles.FailToOpenAsync(png, fileName);

        issue.Code.ShouldBe(TabularIssueCode.UnrecognisedContent);
        issue.MessageKey.ShouldBe("The file is neither CSV text nor an Excel workbook (.xlsx).");
    }

    [Fact]
    public async Task An_HTML_table_saved_as_xls_is_not_taken_for_CSV()
    {
        var html = Encoding.UTF8.GetBytes("<html><body><table><tr><td>Year</td></tr></table></body></html>");

        (await ImportFiles.FailToOpenAsync(html, "export.xls")).Code.ShouldBe(TabularIssueCode.UnrecognisedContent);
    }

    [Fact]
    public async Task The_sniffer_leaves_the_stream_where_it_found_it()
    {
        var stream = new MemoryStream(Workbook());

        var sniff = await TabularFormatSniffer.SniffAsync(stream, "values.xlsx", TestContext.Current.CancellationToken);

        sniff.Format.ShouldBe(TabularFormat.Xlsx);
        stream.Position.ShouldBe(0);
    }
}
