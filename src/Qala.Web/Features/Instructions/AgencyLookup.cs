using Qala.Web.Features.Agencies;

namespace Qala.Web.Features.Instructions;

/// <summary>
/// Proposes the akimat's agency an addressee written in a meeting's text means ("the Health Department",
/// "управлению здравоохранения", "денсаулық сақтау басқармасына"): the agency whose name shares the most word stems
/// with the addressee, in any of its three languages. Stems are the first five letters, which absorbs Russian and
/// Kazakh endings. Outside bodies ("the Government") match nothing and stay named addressees.
/// </summary>
public static class AgencyLookup
{
    private const int StemLength = 5;

    // Words every agency's name has; they say nothing about which one is meant.
    private static readonly HashSet<string> Common = ["depar", "offic", "manag", "админ", "управ", "басқа", "отдел", "бөлім", "город", "қалас", "almat", "алмат", "karag", "караг", "қарағ", "shymk", "шымке"];

    public static Agency? Find(string? addressee, IReadOnlyList<Agency> agencies)
    {
        if (string.IsNullOrWhiteSpace(addressee))
        {
            return null;
        }

        var wanted = Stems(addressee);
        if (wanted.Count == 0)
        {
            return null;
        }

        return agencies
            .Select(a => (Agency: a, Score: new[] { a.Name.Kk, a.Name.Ru, a.Name.En }.Max(name => Stems(name).Count(wanted.Contains))))
            .Where(m => m.Score > 0)
            .OrderByDescending(m => m.Score).ThenBy(m => m.Agency.Id)
            .Select(m => m.Agency)
            .FirstOrDefault();
    }

    private static HashSet<string> Stems(string text) =>
        [.. text.ToLowerInvariant()
            .Split((char[])[' ', ',', '.', ';', ':', '"', '«', '»', '(', ')', '-', '—', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Length >= StemLength)
            .Select(w => w[..StemLength])
            .Where(s => !Common.Contains(s))];
}
