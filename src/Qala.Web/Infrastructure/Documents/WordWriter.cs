using System.Diagnostics;
using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Qala.Web.Infrastructure.Documents;

/// <summary>
/// Writes a report as a Word document on A4: title, subtitle and metadata, headings in Word's heading styles (so the
/// navigation pane and a table of contents find them), paragraphs, and bordered tables whose header row repeats on
/// every page. Numbers and dates are written as text in the report's culture. Table rows stream: memory does not grow
/// with the number of rows.
/// </summary>
public static class WordWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string FileExtension = ".docx";

    // Twentieths of a point: A4 with 2 cm margins.
    private const int A4Short = 11906;
    private const int A4Long = 16838;
    private const int Margin = 1134;

    // Column widths are shared out by the header and the first rows, within these bounds in characters.
    private const int RowsMeasured = 200;
    private const int MinColumnCharacters = 4;
    private const int MaxColumnCharacters = 40;

    public static void Write(ReportDocument document, Stream output, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(culture);

        string body;
        using var package = new MemoryStream();
        using (var word = WordprocessingDocument.Create(package, WordprocessingDocumentType.Document))
        {
            DocumentProperties.Set(word, document, culture);
            var main = word.AddMainDocumentPart();
            main.Document = new Document(new Body());
            main.AddNewPart<StyleDefinitionsPart>().Styles = WordStyles.For(culture);
            body = StreamedPackage.EntryName(main);
        }

        StreamedPackage.Write(package, output, new Dictionary<string, Action<OpenXmlWriter>>
        {
            [body] = writer => WriteBody(writer, document, culture),
        });
    }

    private static void WriteBody(OpenXmlWriter writer, ReportDocument document, CultureInfo culture)
    {
        var landscape = document.Blocks.OfType<ReportTable>().Any(PrintLayout.IsLandscape);
        var textWidth = (landscape ? A4Long : A4Short) - 2 * Margin;

        writer.WriteStartElement(new Document());
        writer.WriteStartElement(new Body());
        writer.WriteElement(StyledParagraph(WordStyles.Title, document.Title));
        if (document.Subtitle is not null)
        {
            writer.WriteElement(StyledParagraph(WordStyles.Subtitle, document.Subtitle));
        }

        foreach (var line in document.Metadata)
        {
            writer.WriteElement(StyledParagraph(WordStyles.Metadata, line));
        }

        foreach (var block in document.Blocks)
        {
            switch (block)
            {
                case ReportHeading heading:
                    writer.WriteElement(StyledParagraph(WordStyles.Heading(heading.Level), heading.Text));
                    break;
                case ReportParagraph paragraph:
                    writer.WriteElement(StyledParagraph(null, paragraph.Text));
                    break;
                case ReportTable table:
                    WriteTable(writer, table, culture, textWidth);

                    // Two tables in a row would merge into one.
                    writer.WriteElement(new Paragraph());
                    break;
                default:
                    throw new UnreachableException($"A report block of type {block.GetType().Name}.");
            }
        }

        writer.WriteElement(new SectionProperties(
            landscape
                ? new PageSize { Width = A4Long, Height = A4Short, Orient = PageOrientationValues.Landscape }
                : new PageSize { Width = A4Short, Height = A4Long },
            new PageMargin { Top = Margin, Right = Margin, Bottom = Margin, Left = Margin, Header = 567, Footer = 567, Gutter = 0 }));
        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private static void WriteTable(OpenXmlWriter writer, ReportTable table, CultureInfo culture, int textWidth)
    {
        using var rows = new TableRows(table, RowsMeasured);
        // Two characters more for the cell's margins.
        var characters = rows.WidestLines(culture, MaxColumnCharacters).Select(c => Math.Max(c, MinColumnCharacters) + 2).ToArray();
        var widths = characters.Select(c => (int)((long)textWidth * c / characters.Sum())).ToArray();
        var alignments = table.Columns.Select(c => c.Kind == ColumnKind.Text ? null : new Justification { Val = JustificationValues.Right }).ToArray();

        writer.WriteStartElement(new Table());
        writer.WriteElement(new TableProperties(
            new TableWidth { Width = textWidth.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4, Color = "auto" },
                new LeftBorder { Val = BorderValues.Single, Size = 4, Color = "auto" },
                new BottomBorder { Val = BorderValues.Single, Size = 4, Color = "auto" },
                new RightBorder { Val = BorderValues.Single, Size = 4, Color = "auto" },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Color = "auto" },
                new InsideVerticalBorder { Val = BorderValues.Single, Size = 4, Color = "auto" }),

            // Fixed: Word need not read every row to lay out a long table.
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableCaption { Val = ReportCells.XmlSafe(table.Name) }));
        writer.WriteElement(new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));

        var header = new TableRow(new TableRowProperties(new CantSplit(), new TableHeader()));
        for (var i = 0; i < table.Columns.Count; i++)
        {
            header.Append(Cell(widths[i], WordStyles.TableHeading, alignments[i], table.Columns[i].Header,
                new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = "E7E6E6" }));
        }

        writer.WriteElement(header);
        foreach (var values in rows.All())
        {
            var row = new TableRow(new TableRowProperties(new CantSplit()));
            for (var i = 0; i < values.Count; i++)
            {
                row.Append(Cell(widths[i], WordStyles.TableText, alignments[i], ReportCells.Format(values[i], table.Columns[i], culture)));
            }

            writer.WriteElement(row);
        }

        writer.WriteEndElement();
    }

    private static TableCell Cell(int width, string style, Justification? alignment, string text, Shading? shading = null)
    {
        var properties = new TableCellProperties(new TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
        if (shading is not null)
        {
            properties.Append(shading);
        }

        var paragraph = StyledParagraph(style, text);
        if (alignment is not null)
        {
            paragraph.ParagraphProperties!.Append((Justification)alignment.CloneNode(true));
        }

        return new TableCell(properties, paragraph);
    }

    private static Paragraph StyledParagraph(string? style, string text)
    {
        var paragraph = new Paragraph();
        if (style is not null)
        {
            paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        }

        if (text.Length > 0)
        {
            paragraph.Append(Run(ReportCells.XmlSafe(text)));
        }

        return paragraph;
    }

    // A line break in the text is a line break in the paragraph.
    private static Run Run(string text)
    {
        var run = new Run();
        var first = true;
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            if (!first)
            {
                run.Append(new Break());
            }

            first = false;
            var content = new Text(line.ToString());
            if (line.Length > 0 && (char.IsWhiteSpace(line[0]) || char.IsWhiteSpace(line[^1])))
            {
                content.Space = SpaceProcessingModeValues.Preserve;
            }

            run.Append(content);
        }

        return run;
    }
}
