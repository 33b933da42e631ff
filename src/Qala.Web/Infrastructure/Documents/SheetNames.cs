using System.Globalization;
using System.Text;

namespace Qala.Web.Infrastructure.Documents;

/// <summary>Worksheet names that Excel accepts, made from table names.</summary>
internal static class SheetNames
{
    public const int MaxLength = 31;

    /// <summary>
    /// One name per table, in order: at most 31 characters, none of <c>[ ] : * ? / \</c>, not starting or ending with an
    /// apostrophe, and unique without regard to case, as Excel compares them.
    /// </summary>
    public static IReadOnlyList<string> For(IEnumerable<string> tableNames)
    {
        // Excel keeps "History" for its change tracking sheet.
        var taken = new HashSet<string>(["History"], StringComparer.OrdinalIgnoreCase);
        var names = new List<string>();
        foreach (var tableName in tableNames)
        {
            var name = Clean(tableName);
            if (name.Length == 0)
            {
                name = (names.Count + 1).ToString(CultureInfo.InvariantCulture);
            }

            var unique = Shorten(name, MaxLength);
            for (var copy = 2; !taken.Add(unique); copy++)
            {
                var suffix = string.Create(CultureInfo.InvariantCulture, $" ({copy})");
                unique = Shorten(name, MaxLength - suffix.Length).TrimEnd() + suffix;
            }

            names.Add(unique);
        }

        return names;
    }

    private static string Clean(string tableName)
    {
        var name = new StringBuilder(tableName.Length);
        foreach (var c in tableName)
        {
            name.Append(c switch
            {
                '[' => '(',
                ']' => ')',
                ':' or '/' or '\\' => '-',
                '*' or '?' => '_',
                _ when char.IsControl(c) => ' ',
                _ => c,
            });
        }

        return name.ToString().Trim().Trim('\'').Trim();
    }

    private static string Shorten(string name, int length)
    {
        if (name.Length <= length)
        {
            return name;
        }

        // Never cut a letter outside the basic plane in half.
        var cut = char.IsHighSurrogate(name[length - 1]) ? length - 1 : length;
        return name[..cut].TrimEnd().TrimEnd('\'');
    }
}
