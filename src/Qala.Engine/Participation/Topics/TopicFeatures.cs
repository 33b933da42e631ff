using System.Numerics;

namespace Qala.Engine.Participation.Topics;

/// <summary>
/// Turns a text into hashed feature counts in two blocks: character n-grams inside words and word n-grams. Hashing
/// (FNV-1a over UTF-16 code units, then a final avalanche mix) needs no vocabulary to be stored, so a text is
/// featurised the same way at training and prediction time with nothing but the options.
/// </summary>
internal sealed class TopicFeatures(int hashBits, int minCharGram, int maxCharGram, int maxWordGram)
{
    private const uint FnvPrime = 16777619;
    private const uint CharSeed = 2166136261;
    private const uint WordSeed = 0x9E3779B9;

    private readonly uint mask = (1u << hashBits) - 1;

    public int Slots => 1 << hashBits;

    /// <summary>The distinct slots of the text's features in each block with how often each occurs, slots ascending.</summary>
    public void Extract(string text, FeatureCounts counts)
    {
        counts.Clear();
        var normal = SuggestionText.Normalise(text).AsSpan();
        AddCharGrams(normal, counts.Chars);
        AddWordGrams(normal, counts.Words);
        counts.Chars.Compact();
        counts.Words.Compact();
    }

    private void AddCharGrams(ReadOnlySpan<char> normal, SlotList slots)
    {
        if (maxCharGram < minCharGram)
        {
            return;
        }

        Span<char> padded = stackalloc char[258];
        foreach (var range in normal.Split(' '))
        {
            var word = normal[range];
            if (word.Length == 0)
            {
                continue;
            }

            // Very long "words" (links, digit runs) are cut: their first 256 characters say enough.
            var length = Math.Min(word.Length, 256);
            padded[0] = ' ';
            word[..length].CopyTo(padded[1..]);
            padded[length + 1] = ' ';
            var w = padded[..(length + 2)];
            for (var start = 0; start < w.Length; start++)
            {
                var hash = CharSeed;
                var longest = Math.Min(maxCharGram, w.Length - start);
                for (var n = 1; n <= longest; n++)
                {
                    hash = (hash ^ w[start + n - 1]) * FnvPrime;
                    if (n >= minCharGram)
                    {
                        slots.Add(Mix(hash));
                    }
                }
            }
        }
    }

    private void AddWordGrams(ReadOnlySpan<char> normal, SlotList slots)
    {
        if (maxWordGram == 0)
        {
            return;
        }

        Span<uint> previous = stackalloc uint[3];
        var seen = 0;
        var i = 0;
        while (i < normal.Length)
        {
            if (!char.IsLetterOrDigit(normal[i]))
            {
                i++;
                continue;
            }

            var start = i;
            var hash = WordSeed;
            while (i < normal.Length && char.IsLetterOrDigit(normal[i]))
            {
                hash = (hash ^ normal[i]) * FnvPrime;
                i++;
            }

            // Words of one character are left out of the word block; the character block has them.
            if (i - start < 2)
            {
                continue;
            }

            slots.Add(Mix(hash));
            var combined = hash;
            for (var n = 2; n <= maxWordGram && n - 1 <= seen; n++)
            {
                combined = (combined * 31) ^ BitOperations.RotateLeft(previous[n - 2], 7 * n);
                slots.Add(Mix(combined ^ (uint)n));
            }

            previous[2] = previous[1];
            previous[1] = previous[0];
            previous[0] = hash;
            seen++;
        }
    }

    private int Mix(uint hash)
    {
        hash ^= hash >> 16;
        hash *= 0x85EBCA6B;
        hash ^= hash >> 13;
        hash *= 0xC2B2AE35;
        hash ^= hash >> 16;
        return (int)(hash & mask);
    }
}

/// <summary>Reusable buffers for one text's features (one per thread).</summary>
internal sealed class FeatureCounts
{
    public SlotList Chars { get; } = new();

    public SlotList Words { get; } = new();

    public void Clear()
    {
        Chars.Clear();
        Words.Clear();
    }
}

/// <summary>Slots as added, then (after <see cref="Compact"/>) distinct and ascending with their counts.</summary>
internal sealed class SlotList
{
    private int[] slots = new int[512];
    private int[] counts = new int[512];

    public int Count { get; private set; }

    public ReadOnlySpan<int> Slots => slots.AsSpan(0, Count);

    public ReadOnlySpan<int> Counts => counts.AsSpan(0, Count);

    public void Clear() => Count = 0;

    public void Add(int slot)
    {
        if (Count == slots.Length)
        {
            Array.Resize(ref slots, slots.Length * 2);
            counts = new int[slots.Length];
        }

        slots[Count++] = slot;
    }

    public void Compact()
    {
        if (Count == 0)
        {
            return;
        }

        var span = slots.AsSpan(0, Count);
        span.Sort();
        var distinct = 0;
        for (var i = 0; i < span.Length; i++)
        {
            if (distinct > 0 && span[distinct - 1] == span[i])
            {
                counts[distinct - 1]++;
            }
            else
            {
                span[distinct] = span[i];
                counts[distinct] = 1;
                distinct++;
            }
        }

        Count = distinct;
    }
}
