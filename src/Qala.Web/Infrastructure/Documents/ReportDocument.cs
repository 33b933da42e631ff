namespace Qala.Web.Infrastructure.Documents;

/// <summary>
/// A report as a feature describes it: what it says, not how a file format lays it out. <see cref="SpreadsheetWriter"/>
/// and <see cref="WordWriter"/> turn it into a file.
/// </summary>
/// <param name="Title">The report's title, already in the reader's language.</param>
/// <param name="Blocks">Headings, paragraphs and tables in reading order.</param>
public sealed record ReportDocument(string Title, IReadOnlyList<ReportBlock> Blocks)
{
    public string? Subtitle { get; init; }

    /// <summary>Short lines under the title: territory, period, source, "as of" date.</summary>
    public IReadOnlyList<string> Metadata { get; init; } = [];
}

/// <summary>One block of a report: a <see cref="ReportHeading"/>, <see cref="ReportParagraph"/> or <see cref="ReportTable"/>.</summary>
public abstract record ReportBlock
{
    // Only the three kinds below exist; the writers handle each of them.
    private protected ReportBlock()
    {
    }
}

public sealed record ReportHeading(string Text, int Level = 1) : ReportBlock
{
    public int Level { get; } = Level is >= 1 and <= 3
        ? Level
        : throw new ArgumentOutOfRangeException(nameof(Level), Level, "A heading's level is 1, 2 or 3.");
}

public sealed record ReportParagraph(string Text) : ReportBlock;

/// <summary>
/// A table: its columns, then rows of cell values in column order. A cell is a <see cref="string"/>, <see cref="int"/>,
/// <see cref="long"/>, <see cref="decimal"/>, <see cref="double"/>, <see cref="DateOnly"/>, <see cref="DateTimeOffset"/>
/// or <c>null</c> (empty). A date and time is shown as the clock time it carries: convert it to the territory's time
/// zone first.
/// </summary>
/// <param name="Name">Names the worksheet in a spreadsheet and is the table's accessible caption in Word.</param>
/// <param name="Columns">At least one.</param>
/// <param name="Rows">
/// Read once, while the file is written, so a large query can stream its rows instead of holding them all.
/// </param>
public sealed record ReportTable(string Name, IReadOnlyList<ReportColumn> Columns, IEnumerable<IReadOnlyList<object?>> Rows)
    : ReportBlock
{
    public IReadOnlyList<ReportColumn> Columns { get; } = Columns is { Count: > 0 }
        ? Columns
        : throw new ArgumentException("A table has at least one column.", nameof(Columns));
}

/// <summary>A table column: its header and how its values are shown.</summary>
/// <param name="Header">The header text, already in the reader's language.</param>
/// <param name="Kind">How the column shows its values.</param>
/// <param name="Decimals">Digits after the decimal point, for <see cref="ColumnKind.Number"/> and <see cref="ColumnKind.Percent"/>.</param>
public sealed record ReportColumn(string Header, ColumnKind Kind = ColumnKind.Text, int Decimals = 0)
{
    public int Decimals { get; } = Decimals is >= 0 and <= MaxDecimals
        ? Decimals
        : throw new ArgumentOutOfRangeException(nameof(Decimals), Decimals, $"Decimals are 0 to {MaxDecimals}.");

    private const int MaxDecimals = 10;
}

/// <summary>How a column shows its values. The value itself decides whether a cell holds text, a number or a date.</summary>
public enum ColumnKind
{
    Text,

    /// <summary>A whole number with thousands separators: a count, a population, an amount in whole tenge.</summary>
    WholeNumber,

    /// <summary>A number with thousands separators and <see cref="ReportColumn.Decimals"/> decimals.</summary>
    Number,

    /// <summary>A fraction shown as a percentage: 0.125 is 12.5 %, as in spreadsheets and .NET's "P" format.</summary>
    Percent,

    Date,

    DateTime,
}
