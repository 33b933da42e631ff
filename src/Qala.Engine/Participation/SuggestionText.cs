using System.Text;

namespace Qala.Engine.Participation;

/// <summary>The one normal form of a citizen's text that topic suggestion and near-duplicate detection compare.</summary>
public static class SuggestionText
{
    /// <summary>
    /// Lower case (invariant culture), ё as е, every run of white space (and control characters) as one space, no
    /// space at either end. "Снег  на\nдороге " and "снег на дороге" are the same text.
    /// </summary>
    public static string Normalise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var raw in text)
        {
            if (char.IsWhiteSpace(raw) || char.IsControl(raw))
            {
                pendingSpace = result.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                result.Append(' ');
                pendingSpace = false;
            }

            var c = char.ToLowerInvariant(raw);
            result.Append(c == 'ё' ? 'е' : c);
        }

        return result.ToString();
    }
}
