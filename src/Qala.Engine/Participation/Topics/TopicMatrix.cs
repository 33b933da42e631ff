namespace Qala.Engine.Participation.Topics;

/// <summary>
/// The training texts' distinct feature slots and counts, row after row. Word slots are offset by the size of the
/// hash space so that the two blocks never share a slot.
/// </summary>
internal sealed class RawFeatures
{
    private readonly List<int> slots = [];
    private readonly List<int> counts = [];
    private readonly List<int> rowStarts = [0];
    private readonly List<int> wordStarts = [];

    public int Rows => wordStarts.Count;

    public void Add(FeatureCounts text, int wordOffset)
    {
        foreach (var slot in text.Chars.Slots)
        {
            slots.Add(slot);
        }

        counts.AddRange(text.Chars.Counts);
        wordStarts.Add(slots.Count);
        foreach (var slot in text.Words.Slots)
        {
            slots.Add(slot + wordOffset);
        }

        counts.AddRange(text.Words.Counts);
        rowStarts.Add(slots.Count);
    }

    public static RawFeatures Concat(IEnumerable<RawFeatures> parts)
    {
        var all = new RawFeatures();
        foreach (var part in parts)
        {
            var offset = all.slots.Count;
            all.slots.AddRange(part.slots);
            all.counts.AddRange(part.counts);
            all.rowStarts.AddRange(part.rowStarts.Skip(1).Select(s => s + offset));
            all.wordStarts.AddRange(part.wordStarts.Select(s => s + offset));
        }

        return all;
    }

    public void CountDocuments(int[] documentFrequency)
    {
        foreach (var slot in slots)
        {
            documentFrequency[slot]++;
        }
    }

    /// <summary>
    /// tf-idf rows: (1 + ln count) × idf, each block L2-normalised to its share of the unit length (word block
    /// √share, character block √(1 − share)); features outside the vocabulary are dropped.
    /// </summary>
    public SparseRows Weigh(Vocabulary vocabulary, double wordShare)
    {
        var columns = new List<int>(slots.Count);
        var values = new List<float>(slots.Count);
        var starts = new int[Rows + 1];
        var row = new List<(int Column, double Value)>();
        for (var r = 0; r < Rows; r++)
        {
            Block(rowStarts[r], wordStarts[r], Math.Sqrt(1 - wordShare));
            Block(wordStarts[r], rowStarts[r + 1], Math.Sqrt(wordShare));
            starts[r + 1] = columns.Count;
        }

        return new SparseRows([.. columns], [.. values], starts, vocabulary.Count);

        void Block(int from, int to, double share)
        {
            row.Clear();
            var squares = 0.0;
            for (var e = from; e < to; e++)
            {
                var column = vocabulary.IndexOf(slots[e]);
                if (column >= 0)
                {
                    var value = (1 + Math.Log(counts[e])) * vocabulary.Idf[column];
                    row.Add((column, value));
                    squares += value * value;
                }
            }

            var scale = squares > 0 ? share / Math.Sqrt(squares) : 0;
            foreach (var (column, value) in row)
            {
                columns.Add(column);
                values.Add((float)(value * scale));
            }
        }
    }
}

/// <summary>The kept feature slots (ascending) with their column and inverse document frequency.</summary>
internal sealed class Vocabulary
{
    private readonly int[] columnOfSlot;

    private Vocabulary(int[] columnOfSlot, int[] slots, float[] idf)
    {
        this.columnOfSlot = columnOfSlot;
        Slots = slots;
        Idf = idf;
    }

    public int[] Slots { get; }

    public float[] Idf { get; }

    public int Count => Slots.Length;

    public int IndexOf(int slot) => columnOfSlot[slot];

    /// <summary>Slots in at least <paramref name="minDocumentFrequency"/> texts; idf = ln((1 + n) / (1 + df)) + 1 (smoothed).</summary>
    public static Vocabulary Build(RawFeatures raw, int totalSlots, int minDocumentFrequency)
    {
        var df = new int[totalSlots];
        raw.CountDocuments(df);
        var columnOfSlot = new int[totalSlots];
        var slots = new List<int>();
        var idf = new List<float>();
        for (var slot = 0; slot < totalSlots; slot++)
        {
            if (df[slot] >= minDocumentFrequency)
            {
                columnOfSlot[slot] = slots.Count;
                slots.Add(slot);
                idf.Add((float)(Math.Log((1.0 + raw.Rows) / (1.0 + df[slot])) + 1));
            }
            else
            {
                columnOfSlot[slot] = -1;
            }
        }

        return new Vocabulary(columnOfSlot, [.. slots], [.. idf]);
    }
}

/// <summary>Rows of (column, value) pairs in compressed sparse row form.</summary>
internal sealed class SparseRows(int[] columns, float[] values, int[] starts, int columnCount)
{
    public int Rows => starts.Length - 1;

    public int Columns => columnCount;

    public ReadOnlySpan<int> ColumnsOf(int row) => columns.AsSpan(starts[row], starts[row + 1] - starts[row]);

    public ReadOnlySpan<float> ValuesOf(int row) => values.AsSpan(starts[row], starts[row + 1] - starts[row]);

    public double SquaredNorm(int row)
    {
        var sum = 0.0;
        foreach (var value in ValuesOf(row))
        {
            sum += (double)value * value;
        }

        return sum;
    }
}
