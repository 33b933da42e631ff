namespace Qala.Web.Infrastructure.Imports;

/// <summary>The two kinds of file every import reads.</summary>
public enum TabularFormat
{
    Csv,
    Xlsx,
}

/// <summary>
/// Reads one import file (CSV or .xlsx) row by row, without loading it whole. Open one with
/// <see cref="TabularFile.OpenAsync"/>; the header has been read by then. The rows can be read once.
/// </summary>
public interface ITabularReader : IAsyncDisposable
{
    /// <summary>The file name as uploaded, for messages ("file, row, column, value, reason").</summary>
    string FileName { get; }

    TabularFormat Format { get; }

    /// <summary>The worksheet read from a workbook; null for CSV.</summary>
    string? SheetName { get; }

    /// <summary>The field separator found in a CSV file's header line (',', ';' or tab); null for a workbook.</summary>
    char? Separator { get; }

    TabularHeader Header { get; }

    /// <summary>
    /// The data rows after the header, in file order. Rows without any value are skipped; the others keep their row
    /// number in the file. A fatal problem met on the way (a damaged workbook part, a CSV quote never closed) ends the
    /// enumeration with a <see cref="TabularFileException"/>.
    /// </summary>
    IAsyncEnumerable<TabularRow> ReadRowsAsync(CancellationToken cancellationToken = default);
}
