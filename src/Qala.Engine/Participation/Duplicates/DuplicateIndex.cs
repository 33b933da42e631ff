namespace Qala.Engine.Participation.Duplicates;

/// <summary>
/// Texts added one by one (numbered 0, 1, 2… in the order added), each new one checked against all before it: how a
/// new suggestion is compared with the existing ones. Exact repeats (after normalisation) share one entry, so a text
/// sent by fifty neighbours costs one comparison. Not thread-safe; the web app builds one per consultation (or per
/// time window) from the stored texts and adds new ones as they come.
/// </summary>
public sealed class DuplicateIndex
{
    private readonly NearDuplicateOptions options;
    private readonly Shingles shingles;
    private readonly Dictionary<string, int> entryOfText = new(StringComparer.Ordinal);
    private readonly List<uint[]> entryShingles = [];
    private readonly List<List<int>> entryIds = [];
    private readonly Dictionary<ulong, List<int>>[] buckets;

    public DuplicateIndex(NearDuplicateOptions? options = null)
    {
        this.options = options ?? NearDuplicateOptions.Default;
        shingles = new Shingles(this.options);
        buckets = [.. Enumerable.Range(0, this.options.Bands).Select(_ => new Dictionary<ulong, List<int>>())];
    }

    /// <summary>How many texts have been added.</summary>
    public int Count { get; private set; }

    /// <summary>The added texts that are near-duplicates of this one, the most similar first (then by number).</summary>
    public IReadOnlyList<DuplicateMatch> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normal = SuggestionText.Normalise(text);
        var set = shingles.Of(normal);
        return Matches(normal, set, shingles.BandKeys(set));
    }

    /// <summary>Adds the text and returns its number with its near-duplicates among the texts added before it.</summary>
    public (int Id, IReadOnlyList<DuplicateMatch> Matches) Add(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normal = SuggestionText.Normalise(text);
        var set = shingles.Of(normal);
        var keys = shingles.BandKeys(set);
        var matches = Matches(normal, set, keys);
        var id = Count++;
        if (entryOfText.TryGetValue(normal, out var entry))
        {
            entryIds[entry].Add(id);
            return (id, matches);
        }

        entry = entryShingles.Count;
        entryOfText.Add(normal, entry);
        entryShingles.Add(set);
        entryIds.Add([id]);
        if (set.Length > 0)
        {
            for (var band = 0; band < keys.Length; band++)
            {
                if (!buckets[band].TryGetValue(keys[band], out var members))
                {
                    members = [];
                    buckets[band].Add(keys[band], members);
                }

                members.Add(entry);
            }
        }

        return (id, matches);
    }

    private List<DuplicateMatch> Matches(string normal, uint[] set, ulong[] keys)
    {
        var matches = new List<DuplicateMatch>();
        if (set.Length == 0)
        {
            return matches;
        }

        var checkedEntries = new HashSet<int>();
        if (entryOfText.TryGetValue(normal, out var same))
        {
            checkedEntries.Add(same);
            matches.AddRange(entryIds[same].Select(id => new DuplicateMatch(id, 1)));
        }

        for (var band = 0; band < keys.Length; band++)
        {
            if (!buckets[band].TryGetValue(keys[band], out var members))
            {
                continue;
            }

            foreach (var entry in members)
            {
                if (!checkedEntries.Add(entry))
                {
                    continue;
                }

                var similarity = Shingles.Jaccard(set, entryShingles[entry]);
                if (similarity >= options.Threshold)
                {
                    matches.AddRange(entryIds[entry].Select(id => new DuplicateMatch(id, similarity)));
                }
            }
        }

        matches.Sort((a, b) => b.Similarity != a.Similarity ? b.Similarity.CompareTo(a.Similarity) : a.Id.CompareTo(b.Id));
        return matches;
    }
}
