namespace Qala.Web.Infrastructure.Imports;

/// <summary>
/// Collects the cells of one file row, keyed by 0-based file column, and turns them into a <see cref="TabularRow"/>
/// laid out on the header, reporting values in unnamed columns. Reused from row to row to spare allocations.
/// </summary>
internal sealed class TabularRowBuilder(TabularHeader header)
{
    private readonly TabularCell[] cells = new TabularCell[header.Columns.Count];
    private readonly List<TabularIssue> issues = [];
    private bool hasValue;

    public void Clear()
    {
        for (var i = 0; i < cells.Length; i++)
        {
            cells[i] = new TabularCell(header.Columns[i], "", TabularCellKind.Empty);
        }

        issues.Clear();
        hasValue = false;
    }

    /// <summary>Whether any cell of the row, in the table or outside it, holds more than white space.</summary>
    public bool HasValue => hasValue;

    public void Set(int rowNumber, int fileIndex, string value, TabularCellKind kind, double? number = null)
    {
        var blank = string.IsNullOrWhiteSpace(value);
        hasValue |= !blank;
        var position = fileIndex - header.FirstIndex;
        if (position >= 0 && position < cells.Length)
        {
            cells[position] = new TabularCell(header.Columns[position], value, blank && kind == TabularCellKind.Text ? TabularCellKind.Empty : kind, number);
        }
        else if (!blank)
        {
            issues.Add(new TabularIssue(TabularIssueCode.ValueInUnnamedColumn, rowNumber, new TabularColumn(fileIndex, ""), value));
        }
    }

    public void Report(TabularIssue issue) => issues.Add(issue);

    public TabularRow Build(int rowNumber) => new(rowNumber, header, [.. cells], [.. issues]);
}
