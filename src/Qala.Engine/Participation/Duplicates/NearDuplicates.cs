namespace Qala.Engine.Participation.Duplicates;

/// <summary>Groups a whole list of texts into near-duplicates at once (for a consultation's list, or a benchmark).</summary>
public static class NearDuplicates
{
    /// <summary>
    /// The groups of two or more texts that are near-duplicates (<see cref="NearDuplicateOptions"/>), joined by
    /// union-find; members ascending, groups largest first (then by first member). Texts that are empty after
    /// normalisation are never grouped. Shingles and signatures of the distinct texts are computed in parallel; the
    /// result does not depend on it.
    /// </summary>
    public static IReadOnlyList<NearDuplicateGroup> Group(IReadOnlyList<string> texts, NearDuplicateOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(texts);
        options ??= NearDuplicateOptions.Default;
        var shingles = new Shingles(options);

        var normals = new string[texts.Count];
        Parallel.For(0, texts.Count, i => normals[i] = SuggestionText.Normalise(texts[i]));
        var entryOf = new int[texts.Count];
        var entryIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var distinct = new List<string>();
        for (var i = 0; i < texts.Count; i++)
        {
            if (!entryIndex.TryGetValue(normals[i], out entryOf[i]))
            {
                entryOf[i] = distinct.Count;
                entryIndex.Add(normals[i], distinct.Count);
                distinct.Add(normals[i]);
            }
        }

        var sets = new uint[distinct.Count][];
        var keys = new ulong[distinct.Count][];
        Parallel.For(0, distinct.Count, e =>
        {
            sets[e] = shingles.Of(distinct[e]);
            keys[e] = sets[e].Length == 0 ? [] : shingles.BandKeys(sets[e]);
        });

        var parent = Enumerable.Range(0, distinct.Count).ToArray();
        var least = Enumerable.Repeat(1.0, distinct.Count).ToArray();
        var compared = new HashSet<long>();
        for (var band = 0; band < options.Bands; band++)
        {
            var bucket = new Dictionary<ulong, List<int>>();
            for (var e = 0; e < distinct.Count; e++)
            {
                if (keys[e].Length == 0)
                {
                    continue;
                }

                if (!bucket.TryGetValue(keys[e][band], out var members))
                {
                    members = [];
                    bucket.Add(keys[e][band], members);
                }

                foreach (var other in members)
                {
                    if (compared.Add(((long)other << 32) | (uint)e))
                    {
                        var similarity = Shingles.Jaccard(sets[other], sets[e]);
                        if (similarity >= options.Threshold)
                        {
                            Union(parent, least, other, e, similarity);
                        }
                    }
                }

                members.Add(e);
            }
        }

        return [.. Enumerable.Range(0, texts.Count)
            .Where(i => normals[i].Length > 0)
            .GroupBy(i => Find(parent, entryOf[i]))
            .Where(g => g.Count() > 1)
            .Select(g => new NearDuplicateGroup([.. g], least[g.Key]))
            .OrderByDescending(g => g.Members.Count)
            .ThenBy(g => g.Members[0])];
    }

    private static int Find(int[] parent, int e)
    {
        while (parent[e] != e)
        {
            parent[e] = parent[parent[e]];
            e = parent[e];
        }

        return e;
    }

    private static void Union(int[] parent, double[] least, int a, int b, double similarity)
    {
        var rootA = Find(parent, a);
        var rootB = Find(parent, b);
        var joined = Math.Min(similarity, Math.Min(least[rootA], least[rootB]));
        if (rootA != rootB)
        {
            (rootA, rootB) = rootA < rootB ? (rootA, rootB) : (rootB, rootA);
            parent[rootB] = rootA;
        }

        least[rootA] = joined;
    }
}
