namespace Qala.Web.Infrastructure.Imports;

/// <summary>What a cell held in the file. CSV cells are text; a workbook also knows numbers, dates and the like.</summary>
public enum TabularCellKind
{
    Empty,
    Text,
    Number,
    Boolean,
    Date,
    Error,
}

/// <summary>
/// One cell of a data row. <see cref="Value"/> is always text: a workbook number is its shortest invariant-culture
/// form ("1234.5"), a date cell ISO 8601 ("2024-05-31", with "THH:mm:ss" when its format shows the time), a boolean
/// TRUE or FALSE, an error its code ("#N/A"). <see cref="Number"/> keeps the raw double of numbers and dates.
/// </summary>
public readonly record struct TabularCell(TabularColumn Column, string Value, TabularCellKind Kind = TabularCellKind.Text, double? Number = null)
{
    public bool IsEmpty => string.IsNullOrWhiteSpace(Value);
}

/// <summary>
/// One data row of an import file. <see cref="RowNumber"/> is 1-based as the user sees it: the line where the record
/// starts in a CSV file (the header being line 1 when it is first), the sheet row number in a workbook.
/// <see cref="Cells"/> has one cell per column of <see cref="Header"/>, in the same order.
/// </summary>
public sealed record TabularRow(int RowNumber, TabularHeader Header, IReadOnlyList<TabularCell> Cells, IReadOnlyList<TabularIssue> Issues)
{
    /// <summary>The cell of the named column (trimmed, ignoring case); throws if there is no such column.</summary>
    public TabularCell this[string columnName] =>
        Find(columnName) ?? throw new KeyNotFoundException($"The file has no column named '{columnName}'.");

    /// <summary>The cell of the named column (trimmed, ignoring case), or null if there is no such column.</summary>
    public TabularCell? Find(string columnName) =>
        Header.Find(columnName) is { } column ? Cells[column.Index - Header.FirstIndex] : null;
}
