using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Unicode;

namespace Qala.Web.Infrastructure.Files;

/// <summary>What a file's content shows it to be, or why it is refused whatever it is called.</summary>
public sealed record ContentSniff(AttachmentType? Type, AttachmentErrorCode? Refusal);

/// <summary>
/// Decides a file's type from its bytes, never from its name or the type the browser claims: magic numbers for PDF and
/// images, the archive's directory for Office documents (a ZIP holding <c>word/document.xml</c>, <c>xl/workbook.xml</c>
/// or <c>ppt/presentation.xml</c>; only the directory is read, nothing is unpacked), and UTF-8 without NUL bytes for
/// text. Programs, scripts, web pages and SVG are refused by name; anything else is not recognised.
/// </summary>
public static class ContentSniffer
{
    /// <summary>How much of the start of a text is searched for markup, as browsers do when they sniff.</summary>
    private const int MarkupWindow = 1024;

    private static readonly string[] MarkupTags = ["<!doctype html", "<html", "<head", "<body", "<script", "<iframe", "<svg", "<?xml"];

    public static ContentSniff Sniff(ReadOnlyMemory<byte> content)
    {
        var bytes = content.Span;
        if (bytes.IsEmpty)
        {
            return Refused(AttachmentErrorCode.Empty);
        }

        if (bytes.StartsWith("%PDF-"u8))
        {
            return Is(AttachmentType.Pdf);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return Is(AttachmentType.Png);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return Is(AttachmentType.Jpeg);
        }

        if (bytes.StartsWith("GIF87a"u8) || bytes.StartsWith("GIF89a"u8))
        {
            return Is(AttachmentType.Gif);
        }

        if (bytes.Length >= 12 && bytes.StartsWith("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8))
        {
            return Is(AttachmentType.WebP);
        }

        if (bytes.StartsWith("PK\u0003\u0004"u8) || bytes.StartsWith("PK\u0005\u0006"u8))
        {
            return SniffArchive(content);
        }

        if (IsExecutable(bytes))
        {
            return Refused(AttachmentErrorCode.Executable);
        }

        var text = bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? bytes[3..] : bytes;
        if (!Utf8.IsValid(text) || text.Contains((byte)0))
        {
            return Refused(AttachmentErrorCode.TypeNotAllowed);
        }

        return IsMarkup(text) ? Refused(AttachmentErrorCode.Markup) : Is(AttachmentType.Text);
    }

    private static ContentSniff SniffArchive(ReadOnlyMemory<byte> content)
    {
        try
        {
            using var stream = MemoryMarshal.TryGetArray(content, out var array)
                ? new MemoryStream(array.Array!, array.Offset, array.Count, writable: false)
                : new MemoryStream(content.ToArray(), writable: false);
            using var archive = new ZipArchive(stream, ZipArchiveMode.Read);
            bool Has(string name) => archive.GetEntry(name) is not null;
            if (!Has("[Content_Types].xml"))
            {
                return Refused(AttachmentErrorCode.TypeNotAllowed);
            }

            // A macro-enabled document renamed .docx still opens in some programs: refuse it by its content.
            if (archive.Entries.Any(e => e.FullName.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase)))
            {
                return Refused(AttachmentErrorCode.MacroDocument);
            }

            return Has("word/document.xml") ? Is(AttachmentType.Docx)
                : Has("xl/workbook.xml") ? Is(AttachmentType.Xlsx)
                : Has("ppt/presentation.xml") ? Is(AttachmentType.Pptx)
                : Refused(AttachmentErrorCode.TypeNotAllowed);
        }
        catch (InvalidDataException)
        {
            return Refused(AttachmentErrorCode.TypeNotAllowed);
        }
    }

    /// <summary>Windows (MZ), Linux (ELF), macOS (Mach-O, universal) programs, Java classes and scripts (#!).</summary>
    private static bool IsExecutable(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith("MZ"u8)
        || bytes.StartsWith("\u007FELF"u8)
        || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xED, 0xFA, 0xCE])
        || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xED, 0xFA, 0xCF])
        || bytes.StartsWith((ReadOnlySpan<byte>)[0xCE, 0xFA, 0xED, 0xFE])
        || bytes.StartsWith((ReadOnlySpan<byte>)[0xCF, 0xFA, 0xED, 0xFE])
        || bytes.StartsWith((ReadOnlySpan<byte>)[0xCA, 0xFE, 0xBA, 0xBE])
        || bytes.StartsWith("#!"u8);

    /// <summary>HTML, SVG and other XML: text that a browser would render as a page and could run scripts in.</summary>
    private static bool IsMarkup(ReadOnlySpan<byte> text)
    {
        var window = Encoding.UTF8.GetString(text[..Math.Min(text.Length, MarkupWindow)]).AsSpan().TrimStart();
        if (window.Length > 1 && window[0] == '<' && (char.IsAsciiLetter(window[1]) || window[1] is '!' or '?'))
        {
            return true;
        }

        foreach (var tag in MarkupTags)
        {
            if (window.Contains(tag, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static ContentSniff Is(AttachmentType type) => new(type, null);

    private static ContentSniff Refused(AttachmentErrorCode code) => new(null, code);
}
