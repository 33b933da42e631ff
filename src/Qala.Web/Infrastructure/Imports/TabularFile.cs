using System.Diagnostics.CodeAnalysis;

namespace Qala.Web.Infrastructure.Imports;

/// <summary>How to read an import file.</summary>
public sealed record TabularReadOptions
{
    public static TabularReadOptions Default { get; } = new();

    /// <summary>The worksheet to read from a workbook (ignoring case); the first worksheet when null.</summary>
    public string? SheetName { get; init; }
}

/// <summary>An open reader, or the issue that stopped the file from being opened (never both).</summary>
public sealed record TabularOpenResult(ITabularReader? Reader, TabularIssue? Issue)
{
    [MemberNotNullWhen(true, nameof(Reader))]
    [MemberNotNullWhen(false, nameof(Issue))]
    public bool Succeeded => Reader is not null;
}

/// <summary>
/// The READ step of every import: sniffs the content, opens the matching reader and reads the header.
/// The stream is read from its current position and stays the caller's (it is not disposed). CSV is read straight
/// from it, once, seekable or not. A workbook needs random access: a stream that cannot seek is first copied to a
/// temporary file, deleted when the reader is disposed, so memory stays bounded whatever the size of the file.
/// </summary>
public static class TabularFile
{
    public static async Task<TabularOpenResult> OpenAsync(
        Stream content, string fileName, TabularReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(fileName);
        options ??= TabularReadOptions.Default;

        var start = content.CanSeek ? content.Position : 0;
        var buffer = new byte[TabularFormatSniffer.PrefixLength];
        var length = await content.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
        var prefix = buffer.AsMemory(0, length);
        var kind = TabularFormatSniffer.Classify(prefix.Span, isWholeFile: length < buffer.Length);
        if (kind != TabularFormatSniffer.ContentKind.Archive)
        {
            var sniff = TabularFormatSniffer.Judge(kind, fileName);
            return sniff.Format == TabularFormat.Csv
                ? await CsvTabularReader.OpenAsync(new PrefixedStream(prefix, content), fileName, CsvTabularReader.DetectSeparator(prefix.Span), cancellationToken)
                : new TabularOpenResult(null, sniff.Issue);
        }

        FileStream? spool = null;
        var workbook = content;
        if (content.CanSeek && start == 0)
        {
            content.Position = 0;
        }
        else
        {
            spool = await SpoolAsync(prefix, content, cancellationToken);
            workbook = spool;
        }

        try
        {
            var archive = TabularFormatSniffer.Judge(TabularFormatSniffer.ClassifyArchive(workbook), fileName);
            workbook.Position = 0;
            var opened = archive.Format == TabularFormat.Xlsx
                ? XlsxTabularReader.Open(workbook, fileName, options.SheetName, spool, cancellationToken)
                : new TabularOpenResult(null, archive.Issue);
            if (!opened.Succeeded && spool is not null)
            {
                await spool.DisposeAsync();
            }

            return opened;
        }
        catch
        {
            if (spool is not null)
            {
                await spool.DisposeAsync();
            }

            throw;
        }
    }

    private static async Task<FileStream> SpoolAsync(ReadOnlyMemory<byte> prefix, Stream rest, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Path.GetTempPath(), "qala-import-" + Path.GetRandomFileName());
        var spool = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            await spool.WriteAsync(prefix, cancellationToken);
            await rest.CopyToAsync(spool, cancellationToken);
            spool.Position = 0;
            return spool;
        }
        catch
        {
            await spool.DisposeAsync();
            throw;
        }
    }
}
