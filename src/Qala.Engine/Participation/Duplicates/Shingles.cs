namespace Qala.Engine.Participation.Duplicates;

/// <summary>Shingle sets, their Jaccard similarity, MinHash signatures and band keys.</summary>
internal sealed class Shingles
{
    private readonly NearDuplicateOptions options;
    private readonly ulong[] multipliers;
    private readonly ulong[] offsets;

    public Shingles(NearDuplicateOptions options)
    {
        options.Validate();
        this.options = options;
        var random = new Random(options.Seed);
        var count = options.Bands * options.Rows;
        multipliers = new ulong[count];
        offsets = new ulong[count];
        for (var h = 0; h < count; h++)
        {
            multipliers[h] = (ulong)random.NextInt64() | 1;
            offsets[h] = (ulong)random.NextInt64();
        }
    }

    /// <summary>The distinct hashed shingles of a normalised text, ascending; none for an empty text.</summary>
    public uint[] Of(string normal)
    {
        if (normal.Length == 0)
        {
            return [];
        }

        var length = Math.Min(options.ShingleLength, normal.Length);
        var hashes = new uint[normal.Length - length + 1];
        for (var start = 0; start < hashes.Length; start++)
        {
            var hash = 2166136261u;
            foreach (var c in normal.AsSpan(start, length))
            {
                hash = (hash ^ c) * 16777619;
            }

            hashes[start] = hash;
        }

        Array.Sort(hashes);
        var distinct = 0;
        for (var i = 0; i < hashes.Length; i++)
        {
            if (distinct == 0 || hashes[distinct - 1] != hashes[i])
            {
                hashes[distinct++] = hashes[i];
            }
        }

        return hashes[..distinct];
    }

    /// <summary>|a ∩ b| ÷ |a ∪ b| of two ascending shingle sets; 0 when both are empty.</summary>
    public static double Jaccard(uint[] a, uint[] b)
    {
        int i = 0, j = 0, shared = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                shared++;
                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        var union = a.Length + b.Length - shared;
        return union == 0 ? 0 : (double)shared / union;
    }

    /// <summary>One key per band: a hash of the band's minimum values under its hash functions.</summary>
    public ulong[] BandKeys(uint[] shingles)
    {
        var keys = new ulong[options.Bands];
        for (var band = 0; band < options.Bands; band++)
        {
            var key = 14695981039346656037UL ^ (ulong)band;
            for (var row = 0; row < options.Rows; row++)
            {
                var h = (band * options.Rows) + row;
                var min = ulong.MaxValue;
                foreach (var shingle in shingles)
                {
                    var value = (multipliers[h] * shingle) + offsets[h];
                    if (value < min)
                    {
                        min = value;
                    }
                }

                key = (key ^ (min >> 32)) * 1099511628211UL;
            }

            keys[band] = key;
        }

        return keys;
    }
}
