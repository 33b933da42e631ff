using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Qala.Web.Infrastructure.Documents;

/// <summary>
/// The text of a Word file (.docx) as a person reads it: the body's paragraphs in order, one per line, and each table
/// cell's paragraphs on lines of their own, row by row. Reading stops after <c>maxLength</c> characters, so a small
/// file that unpacks into a huge text costs no more than the caller is willing to read.
/// </summary>
public static class WordText
{
    /// <summary>Reads <paramref name="docx"/>; null when it is not a Word document (another format, damaged, encrypted).</summary>
    public static string? Read(Stream docx, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(docx);
        try
        {
            using var document = WordprocessingDocument.Open(docx, isEditable: false);
            if (document.MainDocumentPart?.Document?.Body is not { } body)
            {
                return null;
            }

            var text = new StringBuilder();
            Append(body, text, maxLength);
            return text.ToString().TrimEnd();
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException or IOException or InvalidOperationException or System.Xml.XmlException)
        {
            return null;
        }
    }

    private static void Append(OpenXmlElement container, StringBuilder text, int maxLength)
    {
        foreach (var element in container.ChildElements)
        {
            if (text.Length > maxLength)
            {
                return;
            }

            switch (element)
            {
                case Paragraph paragraph:
                    AppendParagraph(paragraph, text);
                    break;
                case Table table:
                    foreach (var cell in table.Elements<TableRow>().SelectMany(row => row.Elements<TableCell>()))
                    {
                        Append(cell, text, maxLength);
                    }

                    break;
                case SdtBlock block when block.SdtContentBlock is { } content:
                    Append(content, text, maxLength);
                    break;
            }
        }
    }

    private static void AppendParagraph(Paragraph paragraph, StringBuilder text)
    {
        foreach (var piece in paragraph.Descendants())
        {
            switch (piece)
            {
                case Text run:
                    text.Append(run.Text);
                    break;
                case TabChar:
                    text.Append('\t');
                    break;
                case Break or CarriageReturn:
                    text.Append('\n');
                    break;
            }
        }

        text.Append('\n');
    }
}
