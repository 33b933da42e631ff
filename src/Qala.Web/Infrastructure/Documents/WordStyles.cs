using System.Globalization;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Qala.Web.Infrastructure.Documents;

/// <summary>
/// The styles part of a report's Word document. Headings carry Word's own style names ("heading 1"…) and outline
/// levels, so Word treats them as its built-in headings in every language.
/// </summary>
internal static class WordStyles
{
    public const string Title = "Title";
    public const string Subtitle = "Subtitle";
    public const string Metadata = "ReportMetadata";
    public const string TableText = "TableText";
    public const string TableHeading = "TableHeading";

    private const string Normal = "Normal";

    // Arial: on every Windows and Mac, metrically matched by Liberation Sans on Linux, and it has all Kazakh letters.
    private const string Font = "Arial";

    public static string Heading(int level) => "Heading" + level.ToString(CultureInfo.InvariantCulture);

    public static Styles For(CultureInfo culture) => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
                new FontSize { Val = "22" },
                new FontSizeComplexScript { Val = "22" },

                // Spelling is checked in the report's language.
                new Languages { Val = culture.Name })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                new SpacingBetweenLines { After = "120", Line = "264", LineRule = LineSpacingRuleValues.Auto }))),
        new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = Normal, Default = true },
        Paragraph(Title, "Title", spacingBefore: 0, spacingAfter: 240, size: 36, bold: true),
        Paragraph(Subtitle, "Subtitle", spacingBefore: 0, spacingAfter: 120, size: 26, color: "595959"),
        Paragraph(Metadata, "Report Metadata", spacingBefore: 0, spacingAfter: 0, size: 20, color: "595959"),
        Paragraph(Heading(1), "heading 1", spacingBefore: 360, spacingAfter: 120, size: 32, bold: true, outlineLevel: 0),
        Paragraph(Heading(2), "heading 2", spacingBefore: 240, spacingAfter: 120, size: 28, bold: true, outlineLevel: 1),
        Paragraph(Heading(3), "heading 3", spacingBefore: 240, spacingAfter: 80, size: 24, bold: true, outlineLevel: 2),
        Paragraph(TableText, "Table Text", spacingBefore: 0, spacingAfter: 0, size: 18),
        Paragraph(TableHeading, "Table Heading", spacingBefore: 0, spacingAfter: 0, size: 18, bold: true, basedOn: TableText));

    private static Style Paragraph(
        string id,
        string name,
        int spacingBefore,
        int spacingAfter,
        int size,
        bool bold = false,
        string? color = null,
        int? outlineLevel = null,
        string basedOn = Normal)
    {
        var paragraph = new StyleParagraphProperties();
        if (outlineLevel is not null)
        {
            paragraph.Append(new KeepNext());
        }

        paragraph.Append(new SpacingBetweenLines
        {
            Before = spacingBefore.ToString(CultureInfo.InvariantCulture),
            After = spacingAfter.ToString(CultureInfo.InvariantCulture),
        });
        if (outlineLevel is not null)
        {
            paragraph.Append(new OutlineLevel { Val = outlineLevel });
        }

        var run = new StyleRunProperties();
        if (bold)
        {
            run.Append(new Bold(), new BoldComplexScript());
        }

        if (color is not null)
        {
            run.Append(new Color { Val = color });
        }

        run.Append(
            new FontSize { Val = size.ToString(CultureInfo.InvariantCulture) },
            new FontSizeComplexScript { Val = size.ToString(CultureInfo.InvariantCulture) });

        return new Style(
            new StyleName { Val = name },
            new BasedOn { Val = basedOn },
            new NextParagraphStyle { Val = Normal },
            new PrimaryStyle(),
            paragraph,
            run)
        {
            Type = StyleValues.Paragraph,
            StyleId = id,
        };
    }
}
