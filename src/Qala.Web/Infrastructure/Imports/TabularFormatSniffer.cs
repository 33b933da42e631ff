using System.Buffers;
using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using System.Text.Unicode;

namespace Qala.Web.Infrastructure.Imports;

/// <summary>The format the content of a file shows, or the issue that stops it from being read.</summary>
public sealed record TabularSniff(TabularFormat? Format, TabularIssue? Issue);

/// <summary>
/// Decides from the content whether a file is CSV text or an .xlsx workbook (a ZIP archive holding
/// <c>[Content_Types].xml</c> and <c>xl/workbook.xml</c>), whatever its name says; then checks that a name ending in
/// a known extension agrees. A name with another extension, or none, is judged by its content alone.
/// </summary>
public static class TabularFormatSniffer
{
    /// <summary>How much of the start of a file is looked at to tell text from binary content.</summary>
    internal const int PrefixLength = 64 * 1024;

    private static readonly string[] CsvExtensions = [".csv", ".tsv", ".tab", ".txt"];
    private static readonly string[] WorkbookExtensions = [".xlsx", ".xlsm", ".xls"];

    /// <summary>Sniffs a seekable stream from its current position and puts it back there.</summary>
    public static async Task<TabularSniff> SniffAsync(Stream content, string fileName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!content.CanSeek)
        {
            throw new ArgumentException("The stream must be seekable to sniff its content.", nameof(content));
        }

        var start = content.Position;
        var buffer = ArrayPool<byte>.Shared.Rent(PrefixLength);
        try
        {
            var length = await content.ReadAtLeastAsync(buffer.AsMemory(0, PrefixLength), PrefixLength, throwOnEndOfStream: false, cancellationToken);
            var isWholeFile = length < PrefixLength;
            var kind = Classify(buffer.AsSpan(0, length), isWholeFile);
            if (kind == ContentKind.Archive)
            {
                content.Position = start;
                kind = ClassifyArchive(content);
            }

            return Judge(kind, fileName);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            content.Position = start;
        }
    }

    /// <summary>OLE compound documents: .xls workbooks, and .xlsx workbooks once encrypted with a password.</summary>
    private static ReadOnlySpan<byte> CompoundDocumentSignature => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    private static ReadOnlySpan<byte> Utf8Mark => [0xEF, 0xBB, 0xBF];

    private static ReadOnlySpan<byte> Utf16LittleEndianMark => [0xFF, 0xFE];

    private static ReadOnlySpan<byte> Utf16BigEndianMark => [0xFE, 0xFF];

    internal enum ContentKind
    {
        Empty,
        Text,
        NotUtf8Text,
        Binary,
        Archive,
        Workbook,
        OtherArchive,
        DamagedArchive,
        CompoundDocument,
    }

    internal static TabularSniff Judge(ContentKind kind, string fileName)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        return kind switch
        {
            ContentKind.Empty => Fail(TabularIssueCode.EmptyFile),
            ContentKind.Binary => Fail(TabularIssueCode.UnrecognisedContent),
            ContentKind.NotUtf8Text => Fail(TabularIssueCode.NotUtf8Text),
            ContentKind.CompoundDocument => Fail(TabularIssueCode.LegacyOrProtectedWorkbook),
            ContentKind.OtherArchive => Fail(TabularIssueCode.ArchiveIsNotWorkbook),
            ContentKind.DamagedArchive => Fail(TabularIssueCode.CorruptWorkbook),
            ContentKind.Text when WorkbookExtensions.Contains(extension) => Fail(TabularIssueCode.CsvNamedAsWorkbook),
            ContentKind.Text => new TabularSniff(TabularFormat.Csv, null),
            ContentKind.Workbook when CsvExtensions.Contains(extension) => Fail(TabularIssueCode.WorkbookNamedAsCsv),
            ContentKind.Workbook => new TabularSniff(TabularFormat.Xlsx, null),
            ContentKind.Archive => throw new UnreachableException("An archive is classified by its directory before it is judged."),
        };

        static TabularSniff Fail(TabularIssueCode code) => new(null, new TabularIssue(code));
    }

    /// <summary>What the first bytes of a file say it is. <paramref name="isWholeFile"/>: the prefix is all there is.</summary>
    internal static ContentKind Classify(ReadOnlySpan<byte> prefix, bool isWholeFile)
    {
        if (prefix.IsEmpty)
        {
            return ContentKind.Empty;
        }

        if (prefix.StartsWith("PK\u0003\u0004"u8) || prefix.StartsWith("PK\u0005\u0006"u8) || prefix.StartsWith("PK\u0007\u0008"u8))
        {
            return ContentKind.Archive;
        }

        if (prefix.StartsWith(CompoundDocumentSignature))
        {
            return ContentKind.CompoundDocument;
        }

        if (prefix.StartsWith(Utf16LittleEndianMark) || prefix.StartsWith(Utf16BigEndianMark))
        {
            var encoding = prefix[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode;
            var evenLength = prefix.Length & ~1;
            return TextKind(encoding.GetString(prefix[2..evenLength]), isWholeFile);
        }

        var body = prefix.StartsWith(Utf8Mark) ? prefix[3..] : prefix;
        if (!IsUtf8(body, isWholeFile))
        {
            return ContainsControlBytes(body) ? ContentKind.Binary : ContentKind.NotUtf8Text;
        }

        return ContainsControlBytes(body) ? ContentKind.Binary : TextKind(Encoding.UTF8.GetString(body), isWholeFile);
    }

    /// <summary>Looks into a ZIP archive's directory: an .xlsx has <c>[Content_Types].xml</c> and <c>xl/workbook.xml</c>.</summary>
    internal static ContentKind ClassifyArchive(Stream seekable)
    {
        try
        {
            using var archive = new ZipArchive(seekable, ZipArchiveMode.Read, leaveOpen: true);
            var hasContentTypes = archive.GetEntry("[Content_Types].xml") is not null;
            var hasWorkbook = archive.GetEntry("xl/workbook.xml") is not null;
            return hasContentTypes && hasWorkbook ? ContentKind.Workbook : ContentKind.OtherArchive;
        }
        catch (InvalidDataException)
        {
            return ContentKind.DamagedArchive;
        }
    }

    private static ContentKind TextKind(string text, bool isWholeFile)
    {
        var content = text.AsSpan().TrimStart().TrimStart('\uFEFF');
        if (content.IsEmpty)
        {
            return isWholeFile ? ContentKind.Empty : ContentKind.Text;
        }

        // Markup (HTML tables saved as ".xls", XML spreadsheets) is text but not CSV.
        var markup = content.Length > 1 && content[0] == '<' && (char.IsAsciiLetter(content[1]) || content[1] is '?' or '!');
        return markup ? ContentKind.Binary : ContentKind.Text;
    }

    private static bool IsUtf8(ReadOnlySpan<byte> bytes, bool isWholeFile)
    {
        if (Utf8.IsValid(bytes))
        {
            return true;
        }

        // The prefix may end inside a multi-byte character, which is no fault of the file.
        while (!bytes.IsEmpty)
        {
            var status = Rune.DecodeFromUtf8(bytes, out _, out var consumed);
            if (status != OperationStatus.Done)
            {
                return status == OperationStatus.NeedMoreData && !isWholeFile;
            }

            bytes = bytes[consumed..];
        }

        return true;
    }

    /// <summary>NUL and other C0 control bytes that text files do not hold (tab, line breaks and form feed aside).</summary>
    private static bool ContainsControlBytes(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0C))
            {
                return true;
            }
        }

        return false;
    }
}
