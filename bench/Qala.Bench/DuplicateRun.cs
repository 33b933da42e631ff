using System.Diagnostics;
using System.Globalization;
using System.Text;
using Qala.Engine.Participation.Duplicates;

namespace Qala.Bench;

/// <summary>
/// "duplicates FILE.csv [COLUMN]": times near-duplicate grouping (<see cref="NearDuplicates.Group"/>, default options)
/// of every text in the column (default "text") — best of three runs after a warm-up — and adding the texts one by
/// one to a <see cref="DuplicateIndex"/>, the way new suggestions arrive; prints what was found.
/// </summary>
internal static class DuplicateRun
{
    public static void Run(string file, string column)
    {
        var texts = ReadColumn(file, column);
        NearDuplicates.Group(texts);
        var best = double.MaxValue;
        IReadOnlyList<NearDuplicateGroup> groups = [];
        for (var run = 0; run < 3; run++)
        {
            var clock = Stopwatch.StartNew();
            groups = NearDuplicates.Group(texts);
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }

        var index = new DuplicateIndex();
        var matched = 0;
        var incremental = Stopwatch.StartNew();
        foreach (var text in texts)
        {
            if (index.Add(text).Matches.Count > 0)
            {
                matched++;
            }
        }

        var perText = incremental.Elapsed.TotalMilliseconds * 1000 / texts.Count;
        var exactGroups = groups.Count(g => g.LeastSimilarity >= 1);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"texts {texts.Count:N0}; groups {groups.Count:N0} ({exactGroups:N0} of exact repeats only) holding {groups.Sum(g => g.Members.Count):N0} texts; largest {groups.Max(g => g.Members.Count):N0}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"NearDuplicates.Group: {best:F3} s (best of 3); DuplicateIndex.Add one by one: {perText:F1} µs per text, {matched:N0} texts matched an earlier one"));
    }

    /// <summary>One column of a UTF-8 CSV file (RFC 4180: quoted fields may hold separators, quotes and line breaks).</summary>
    private static List<string> ReadColumn(string file, string column)
    {
        var content = File.ReadAllText(file, Encoding.UTF8);
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < content.Length; i++)
        {
            var c = content[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < content.Length && content[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c is ',' or '\n')
            {
                record.Add(field.ToString().TrimEnd('\r'));
                field.Clear();
                if (c == '\n')
                {
                    records.Add(record);
                    record = [];
                }
            }
            else
            {
                field.Append(c);
            }
        }

        var at = records[0].FindIndex(name => name.Trim('\uFEFF', ' ') == column);
        return at >= 0 ? [.. records.Skip(1).Where(r => r.Count > at).Select(r => r[at])] : throw new ArgumentException($"{file} has no column {column}.");
    }
}
