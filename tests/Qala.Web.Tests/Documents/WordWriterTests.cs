using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Qala.Web.Infrastructure.Documents;

namespace Qala.Web.Tests.Documents;

public sealed class WordWriterTests
{
    private static readonly CultureInfo KazakhKz = CultureInfo.GetCultureInfo("kk-KZ");
    private static readonly CultureInfo RussianKz = CultureInfo.GetCultureInfo("ru-KZ");
    private static readonly CultureInfo EnglishGb = CultureInfo.GetCultureInfo("en-GB");

    [Fact]
    public void Headings_use_the_heading_styles_of_the_styles_part()
    {
        using var word = Open(Write(SampleReports.Karaganda(), KazakhKz));
        var paragraphs = Body(word).Elements<Paragraph>().Where(p => p.InnerText.Length > 0).ToList();

        paragraphs.Select(p => (StyleOf(p), p.InnerText)).Take(4).ShouldBe(
        [
            ("Title", "Қарағанды облысы: даму көрсеткіштері"),
            ("Subtitle", "Даму бағдарламасы 2026–2030"),
            ("ReportMetadata", "Дереккөз: Ұлттық статистика бюросы"),
            ("ReportMetadata", "Күні: 24.11.2026"),
        ]);
        paragraphs.Where(p => StyleOf(p)?.StartsWith("Heading", StringComparison.Ordinal) == true).Select(p => (StyleOf(p), p.InnerText)).ShouldBe(
        [
            ("Heading1", "Негізгі көрсеткіштер"),
            ("Heading2", "Әдістеме"),
            ("Heading3", "Дереккөздер"),
        ]);

        var styles = word.MainDocumentPart!.StyleDefinitionsPart!.Styles!.Elements<Style>().ToDictionary(s => s.StyleId!.Value!);
        for (var level = 1; level <= 3; level++)
        {
            var heading = styles[$"Heading{level}"];
            heading.StyleName!.Val!.Value.ShouldBe($"heading {level}");
            heading.StyleParagraphProperties!.OutlineLevel!.Val!.Value.ShouldBe(level - 1);
        }
    }

    [Fact]
    public void Tables_have_borders_and_a_header_row_repeated_on_each_page()
    {
        using var word = Open(Write(SampleReports.Karaganda(), KazakhKz));
        var table = Body(word).Elements<Table>().Single();

        table.GetFirstChild<TableProperties>()!.TableBorders!.InsideHorizontalBorder!.Val!.Value.ShouldBe(BorderValues.Single);
        table.GetFirstChild<TableProperties>()!.TableCaption!.Val!.Value.ShouldBe("Көрсеткіштер");
        var rows = table.Elements<TableRow>().ToList();
        rows.Count.ShouldBe(4);
        rows[0].TableRowProperties!.GetFirstChild<TableHeader>().ShouldNotBeNull();
        rows[0].Elements<TableCell>().Select(c => c.InnerText).ShouldBe(["Аумақ", "Халық", "Бюджет, млн ₸", "Орындалуы", "Мерзімі", "Жаңартылды"]);
        rows[1].TableRowProperties!.GetFirstChild<TableHeader>().ShouldBeNull();
        rows[1].Elements<TableCell>().First().InnerText.ShouldBe("Қарағанды облысы");
    }

    [Theory]
    [InlineData("ru-KZ", "600\u00A0000", "600\u00A0000,5", "87,5\u00A0%", "24.11.2026", "24.11.2026 09:30")]
    [InlineData("kk-KZ", "600\u00A0000", "600\u00A0000,5", "87,5%", "24.11.2026", "24.11.2026 09:30")]
    [InlineData("en-GB", "600,000", "600,000.5", "87.5%", "24/11/2026", "24/11/2026 09:30")]
    public void Numbers_and_dates_are_written_in_the_culture(string culture, string population, string budget, string share, string deadline, string updated)
    {
        using var word = Open(Write(SampleReports.Karaganda(), CultureInfo.GetCultureInfo(culture)));
        var cells = Body(word).Elements<Table>().Single().Elements<TableRow>().ElementAt(1).Elements<TableCell>().ToList();

        cells.Select(c => c.InnerText).ShouldBe(["Қарағанды облысы", population, budget, share, deadline, updated]);
        cells.Skip(1).ShouldAllBe(c => c.Descendants<Justification>().Single().Val! == JustificationValues.Right);
        cells[0].Descendants<Justification>().ShouldBeEmpty();
    }

    [Fact]
    public void A_line_break_in_a_paragraph_stays_a_line_break()
    {
        using var word = Open(Write(SampleReports.Karaganda(), EnglishGb));
        var paragraph = Body(word).Elements<Paragraph>().Single(p => p.InnerText.StartsWith("Бірінші", StringComparison.Ordinal));

        paragraph.Descendants<Text>().Select(t => t.Text).ShouldBe(["Бірінші жол", "Екінші жол"]);
        paragraph.Descendants<Break>().Count().ShouldBe(1);
    }

    [Fact]
    public void Wide_tables_turn_the_page_to_landscape()
    {
        ReportColumn[] columns = [.. Enumerable.Range(1, 8).Select(i => new ReportColumn("C" + i.ToString(CultureInfo.InvariantCulture)))];
        using var upright = Open(Write(SampleReports.Karaganda(), EnglishGb));
        using var landscape = Open(Write(SampleReports.OneTable(new ReportTable("Wide", columns, [])), EnglishGb));

        Body(upright).GetFirstChild<SectionProperties>()!.GetFirstChild<PageSize>()!.Orient.ShouldBeNull();
        Body(landscape).GetFirstChild<SectionProperties>()!.GetFirstChild<PageSize>()!.Orient!.Value.ShouldBe(PageOrientationValues.Landscape);
    }

    [Fact]
    public void The_document_is_valid_open_xml()
    {
        using var word = Open(Write(SampleReports.Karaganda(), RussianKz));

        // Office 2010: the table's accessible caption (w:tblCaption) came with Word 2010.
        new OpenXmlValidator(FileFormatVersions.Office2010).Validate(word).Select(e => $"{e.Path?.XPath}: {e.Description}").ShouldBeEmpty();
        word.PackageProperties.Title.ShouldBe("Қарағанды облысы: даму көрсеткіштері");
    }

    [Fact]
    public void A_hundred_thousand_rows_stream_into_the_document()
    {
        var stream = Write(SampleReports.OneTable(SampleReports.Numbers(SampleReports.ManyRows(100_000))), RussianKz);

        using var word = Open(stream);
        var rows = 0;
        using (var reader = OpenXmlReader.Create(word.MainDocumentPart!))
        {
            while (reader.Read())
            {
                if (reader.ElementType == typeof(TableRow) && reader.IsStartElement)
                {
                    rows++;
                }
            }
        }

        rows.ShouldBe(100_001);
    }

    private static MemoryStream Write(ReportDocument document, CultureInfo culture)
    {
        var stream = new MemoryStream();
        WordWriter.Write(document, stream, culture);
        stream.Position = 0;
        return stream;
    }

    private static WordprocessingDocument Open(Stream stream) => WordprocessingDocument.Open(stream, isEditable: false);

    private static Body Body(WordprocessingDocument word) => word.MainDocumentPart!.Document.Body!;

    private static string? StyleOf(Paragraph paragraph) => paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
}
