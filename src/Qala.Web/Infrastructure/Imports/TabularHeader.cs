namespace Qala.Web.Infrastructure.Imports;

/// <summary>
/// The header row of an import file: the first row that has a value. The table spans from its first to its last
/// named column; unnamed columns before or after that are not part of it (values found there are reported on the row),
/// while an unnamed column inside it, or a name used twice, is an issue of the header.
/// </summary>
public sealed class TabularHeader
{
    private readonly Dictionary<string, TabularColumn> byName;

    private TabularHeader(int rowNumber, IReadOnlyList<TabularColumn> columns, IReadOnlyList<TabularIssue> issues)
    {
        RowNumber = rowNumber;
        Columns = columns;
        Issues = issues;
        byName = new Dictionary<string, TabularColumn>(StringComparer.OrdinalIgnoreCase);
        foreach (var column in columns.Where(c => c.Name.Length > 0))
        {
            byName.TryAdd(column.Name, column);
        }
    }

    /// <summary>The 1-based row of the header in the file.</summary>
    public int RowNumber { get; }

    /// <summary>The columns of the table, in file order; <see cref="TabularRow.Cells"/> follow the same order.</summary>
    public IReadOnlyList<TabularColumn> Columns { get; }

    /// <summary>Unnamed columns inside the table and names used twice, each with its position.</summary>
    public IReadOnlyList<TabularIssue> Issues { get; }

    /// <summary>The 0-based file index of the first column of the table.</summary>
    public int FirstIndex => Columns.Count == 0 ? 0 : Columns[0].Index;

    /// <summary>The column with this name (trimmed, ignoring case), the first one if the name is used twice.</summary>
    public TabularColumn? Find(string name) => byName.GetValueOrDefault(name.Trim());

    /// <summary>Builds the header from the raw cell values of its row, keyed by 0-based file column index.</summary>
    internal static TabularHeader From(int rowNumber, IReadOnlyList<string?> cells)
    {
        var names = cells.Select(CleanName).ToList();
        var first = names.FindIndex(n => n.Length > 0);
        var last = names.FindLastIndex(n => n.Length > 0);
        var columns = new List<TabularColumn>();
        var issues = new List<TabularIssue>();
        if (first < 0)
        {
            return new TabularHeader(rowNumber, columns, issues);
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var index = first; index <= last; index++)
        {
            var column = new TabularColumn(index, names[index]);
            columns.Add(column);
            if (column.Name.Length == 0)
            {
                issues.Add(new TabularIssue(TabularIssueCode.EmptyHeaderName, rowNumber, column));
            }
            else if (!seen.Add(column.Name))
            {
                issues.Add(new TabularIssue(TabularIssueCode.DuplicateHeaderName, rowNumber, column, column.Name));
            }
        }

        return new TabularHeader(rowNumber, columns, issues);
    }

    /// <summary>Header names are trimmed of white space and of byte-order marks that editors leave in the first cell.</summary>
    private static string CleanName(string? raw) =>
        raw is null ? "" : raw.Replace("\uFEFF", "", StringComparison.Ordinal).Trim();
}
