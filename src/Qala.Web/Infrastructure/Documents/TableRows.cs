using System.Globalization;

namespace Qala.Web.Infrastructure.Documents;

/// <summary>
/// Reads a table's rows once: the first few ahead, so that the columns can be sized before any row is written (both
/// formats put the column sizes first), then all of them in order without keeping them.
/// </summary>
internal sealed class TableRows : IDisposable
{
    private readonly ReportTable table;
    private readonly IEnumerator<IReadOnlyList<object?>> rows;
    private readonly List<IReadOnlyList<object?>> ahead = [];

    public TableRows(ReportTable table, int readAhead)
    {
        this.table = table;
        rows = table.Rows.GetEnumerator();
        while (ahead.Count < readAhead && rows.MoveNext())
        {
            ahead.Add(Checked(rows.Current, ahead.Count + 1));
        }
    }

    /// <summary>All rows, each with as many cells as the table has columns.</summary>
    public IEnumerable<IReadOnlyList<object?>> All()
    {
        foreach (var row in ahead)
        {
            yield return row;
        }

        var number = ahead.Count;
        while (rows.MoveNext())
        {
            yield return Checked(rows.Current, ++number);
        }
    }

    /// <summary>
    /// For each column, the length of its longest line among the header and the rows read ahead, at least 1 and
    /// at most <paramref name="limit"/> characters. Headers are bold, so their letters count a fifth wider.
    /// </summary>
    public int[] WidestLines(CultureInfo culture, int limit)
    {
        var widths = table.Columns.Select(c => (LongestLine(c.Header) * 6 + 4) / 5).ToArray();
        foreach (var row in ahead)
        {
            for (var i = 0; i < widths.Length; i++)
            {
                widths[i] = Math.Max(widths[i], LongestLine(ReportCells.Format(row[i], table.Columns[i], culture)));
            }
        }

        return [.. widths.Select(w => Math.Clamp(w, 1, limit))];
    }

    public void Dispose() => rows.Dispose();

    private IReadOnlyList<object?> Checked(IReadOnlyList<object?> row, int number) => row.Count == table.Columns.Count
        ? row
        : throw new InvalidOperationException(
            $"Row {number} of the table \"{table.Name}\" has {row.Count} cells for {table.Columns.Count} columns.");

    private static int LongestLine(string text)
    {
        var longest = 0;
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            longest = Math.Max(longest, line.Length);
        }

        return longest;
    }
}
