using Qala.Web.Features.Agencies;

namespace Qala.Web.Features.Instructions;

/// <summary>
/// Proposes the akimat's agency an addressee written in a meeting's text means ("the Health Department",
/// "управлению здравоохранения", "денсаулық сақтау басқармасына"): the agency whose name shares the most word stems
/// with the addressee, in any of its three languages, and among equals the one whose name has the fewest stems the
/// addressee lacks ("құрылыс басқармасына" is the construction department, not "сәулет және қала құрылысы").
/// Stems are the first five letters, which absorbs Russian and Kazakh endings; the akim and the mayor mean the
/// akimat ("акиму города", "әкіміне"; not "әкімшілігі", an administration). Outside bodies ("the Government",
/// "Министерству энергетики", "Үкіметке") match nothing, even when a word of theirs is in an agency's name, and
/// stay named addressees.
/// </summary>
public static class AgencyLookup
{
    private const int StemLength = 5;

    // Words every agency's name has; they say nothing about which one is meant.
    private static readonly HashSet<string> Common = ["depar", "offic", "manag", "админ", "управ", "басқа", "отдел", "бөлім", "город", "қалас", "almat", "алмат", "karag", "караг", "қарағ", "shymk", "шымке"];

    // Bodies outside the akimat: the Government, ministries, Parliament, the maslikhat.
    private static readonly HashSet<string> Outside = ["прави", "минис", "үкіме", "gover", "minis", "парла", "parli", "мәжіл", "сенат", "senat", "масли", "мәсли", "masli"];

    // The akim (and the mayor) direct the akimat: "акиму", "әкімі", "mayor" read as the akimat's stem.
    private static readonly Dictionary<string, string> Akim = new(StringComparer.Ordinal) { ["аким"] = "акима", ["әкім"] = "әкімд", ["akim"] = "akima", ["mayo"] = "akima" };

    public static Agency? Find(string? addressee, IReadOnlyList<Agency> agencies)
    {
        if (string.IsNullOrWhiteSpace(addressee))
        {
            return null;
        }

        var wanted = Stems(addressee);
        if (wanted.Count == 0 || wanted.Overlaps(Outside))
        {
            return null;
        }

        return agencies
            .Select(a => (Agency: a, Names: new[] { a.Name.Kk, a.Name.Ru, a.Name.En }.Select(Stems).ToList()))
            .Select(a => (a.Agency, Score: a.Names.Max(stems => stems.Count(wanted.Contains)), Extra: a.Names.Min(stems => stems.Count(s => !wanted.Contains(s)))))
            .Where(m => m.Score > 0)
            .OrderByDescending(m => m.Score).ThenBy(m => m.Extra).ThenBy(m => m.Agency.Id)
            .Select(m => m.Agency)
            .FirstOrDefault();
    }

    private static HashSet<string> Stems(string text) =>
        [.. text.ToLowerInvariant()
            .Split((char[])[' ', ',', '.', ';', ':', '"', '«', '»', '(', ')', '-', '—', '\'', '’', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Length >= 4 && Akim.TryGetValue(w[..4], out var akimat) && !w.StartsWith("әкімш", StringComparison.Ordinal) ? akimat : w)
            .Where(w => w.Length >= StemLength)
            .Select(w => w[..StemLength])
            .Where(s => !Common.Contains(s))];
}
