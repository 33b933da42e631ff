using System.Runtime.CompilerServices;
using System.Text;
using CsvHelper;

namespace Qala.Web.Infrastructure.Imports;

/// <summary>
/// Reads CSV (RFC 4180) with CsvHelper, streaming: UTF-8 with or without a byte-order mark, or UTF-16/UTF-32 with
/// one; the separator (',', ';' or tab) is the one the header line uses most; quoted values may hold separators,
/// quotes and line breaks, and a row's number is then the line where it starts.
/// </summary>
internal sealed class CsvTabularReader : ITabularReader
{
    /// <summary>A longer record is taken for a quote that is never closed, rather than buffered to the end of the file.</summary>
    internal const int MaxRecordBytes = 4 * 1024 * 1024;

    private readonly CsvReader csv;
    private readonly List<CsvMalformedRecord> malformed;
    private bool rowsRead;

    private CsvTabularReader(string fileName, char separator, CsvReader csv, TabularHeader header, List<CsvMalformedRecord> malformed)
    {
        FileName = fileName;
        Separator = separator;
        this.csv = csv;
        Header = header;
        this.malformed = malformed;
    }

    public string FileName { get; }

    public TabularFormat Format => TabularFormat.Csv;

    public string? SheetName => null;

    public char? Separator { get; }

    public TabularHeader Header { get; }

    /// <summary>Opens a reader on a stream positioned at the start of the file, which it disposes with itself.</summary>
    public static async Task<TabularOpenResult> OpenAsync(Stream content, string fileName, char separator, CancellationToken cancellationToken)
    {
        var malformed = new List<CsvMalformedRecord>();
        var options = new CsvReaderOptions
        {
            Separator = separator,
            HasHeader = false,
            SkipEmptyLines = true,
            TrackLineNumbers = true,
            AllowLineBreaksInQuotes = true,
            MalformedData = CsvMalformedDataHandling.Recover,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            MissingField = CsvMissingFieldHandling.ReturnEmpty,
            MaxRecordSize = MaxRecordBytes,
            OnMalformedRecord = malformed.Add,
        };
        var csv = CsvReader.Create(content, options, leaveOpen: false);
        try
        {
            while (true)
            {
                bool found;
                try
                {
                    found = await csv.ReadAsync(cancellationToken);
                }
                catch (CsvFormatException exception)
                {
                    await csv.DisposeAsync();
                    return new TabularOpenResult(null, Unreadable(exception));
                }

                if (!found)
                {
                    await csv.DisposeAsync();
                    return new TabularOpenResult(null, new TabularIssue(TabularIssueCode.NoHeaderRow));
                }

                var cells = FieldsOf(csv, []);
                if (IsBlank(cells) || IsSeparatorHint(csv))
                {
                    continue;
                }

                malformed.Clear();
                var header = TabularHeader.From(LineOf(csv), cells);
                return new TabularOpenResult(new CsvTabularReader(fileName, separator, csv, header, malformed), null);
            }
        }
        catch
        {
            await csv.DisposeAsync();
            throw;
        }
    }

    public async IAsyncEnumerable<TabularRow> ReadRowsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (rowsRead)
        {
            throw new InvalidOperationException("The rows of an import file can be read once.");
        }

        rowsRead = true;
        var builder = new TabularRowBuilder(Header);
        var namedWidth = Header.Columns[^1].Index + 1;
        var fields = new List<string>();
        while (await ReadAsync(cancellationToken))
        {
            FieldsOf(csv, fields);
            if (IsBlank(fields))
            {
                malformed.Clear();
                continue;
            }

            var line = LineOf(csv);
            builder.Clear();
            var fieldCount = fields.Count;
            for (var i = 0; i < fieldCount; i++)
            {
                builder.Set(line, i, fields[i], TabularCellKind.Text);
            }

            if (malformed.Count > 0)
            {
                builder.Report(new TabularIssue(TabularIssueCode.MalformedQuoting, line));
                malformed.Clear();
            }

            if (fieldCount < namedWidth)
            {
                var firstMissing = Header.Columns[Math.Max(0, fieldCount - Header.FirstIndex)];
                builder.Report(new TabularIssue(TabularIssueCode.MissingFields, line, firstMissing));
            }

            yield return builder.Build(line);
        }
    }

    public ValueTask DisposeAsync() => csv.DisposeAsync();

    /// <summary>The separator among ',', ';' and tab that the first line with content uses most outside quotes; ',' if none.</summary>
    internal static char SeparatorOf(ReadOnlySpan<char> text)
    {
        int commas = 0, semicolons = 0, tabs = 0;
        var inQuotes = false;
        var hasContent = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (!inQuotes && c is '\r' or '\n')
            {
                if (hasContent)
                {
                    break;
                }

                continue;
            }
            else if (!inQuotes)
            {
                switch (c)
                {
                    case ',': commas++; break;
                    case ';': semicolons++; break;
                    case '\t': tabs++; break;
                }
            }

            if (!hasContent && c is not ('\uFEFF' or ' ' or '\t'))
            {
                hasContent = true;
                // Excel's "sep=;" line names the separator outright.
                var rest = text[i..];
                if (rest.StartsWith("sep=", StringComparison.Ordinal) && rest.Length > 4 && rest[4] is ',' or ';' or '\t')
                {
                    return rest[4];
                }
            }
        }

        // On a tie the character less common inside names wins: "Value, %" is one column of a tab- or ;-separated header.
        if (tabs > 0 && tabs >= semicolons && tabs >= commas)
        {
            return '\t';
        }

        return semicolons > 0 && semicolons >= commas ? ';' : ',';
    }

    /// <summary>The separator of a CSV file from the first bytes of it, decoded as its byte-order mark says (UTF-8 without one).</summary>
    internal static char DetectSeparator(ReadOnlySpan<byte> prefix)
    {
        using var bytes = new MemoryStream(prefix.ToArray(), writable: false);
        using var text = new StreamReader(bytes, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        return SeparatorOf(text.ReadToEnd());
    }

    private async ValueTask<bool> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await csv.ReadAsync(cancellationToken);
        }
        catch (CsvFormatException exception)
        {
            throw new TabularFileException(Unreadable(exception), exception);
        }
    }

    private static TabularIssue Unreadable(CsvFormatException exception) =>
        new(TabularIssueCode.UnreadableCsv, exception.LineNumber > 0 ? checked((int)exception.LineNumber) : null);

    private static int LineOf(CsvReader csv) => checked((int)csv.LineNumber);

    private static List<string> FieldsOf(CsvReader csv, List<string> fields)
    {
        fields.Clear();
        for (var i = 0; i < csv.FieldCount; i++)
        {
            fields.Add(csv.GetString(i));
        }

        return fields;
    }

    private static bool IsBlank(List<string> fields) => fields.TrueForAll(string.IsNullOrWhiteSpace);

    private static bool IsSeparatorHint(CsvReader csv)
    {
        var raw = Encoding.UTF8.GetString(csv.RawRecord).Trim().TrimStart('\uFEFF');
        return raw.Length == 5 && raw.StartsWith("sep=", StringComparison.Ordinal);
    }
}
