using System.Text;

namespace Qala.Engine.Participation.Topics;

/// <summary>A topic with the model's confidence in it (0 to 1; a suggestion's confidences sum to 1).</summary>
public sealed record TopicScore(string Label, double Confidence);

/// <summary>
/// The suggested topic of a text, its confidence, and every topic of the model ranked from the most to the least
/// likely (the suggestion first), for a "did you mean" list.
/// </summary>
public sealed record TopicSuggestion(string Label, double Confidence, IReadOnlyList<TopicScore> Ranked)
{
    /// <summary>
    /// The confidence in one topic, suggested or not; 0 for a topic the model does not know. For rules about a topic
    /// that must not be missed (hold a text back while its "corruption" confidence is above a low bar).
    /// </summary>
    public double ConfidenceOf(string label) =>
        Ranked.FirstOrDefault(s => string.Equals(s.Label, label, StringComparison.Ordinal))?.Confidence ?? 0;
}

/// <summary>
/// A trained topic model: a linear score per topic over the text's tf-idf features, the highest score suggested.
/// Confidence is the softmax of the scores times <see cref="TopicTrainingOptions.ConfidenceScale"/>: a monotone map
/// of the SVM margins onto probabilities whose scale was fitted once on held-out appeals, so "0.9" means right about
/// nine times in ten on texts like those. Thread-safe; store it with <see cref="ToBytes"/>.
/// </summary>
public sealed class TopicModel
{
    private const int FormatVersion = 1;
    private static readonly byte[] Magic = "QTOP"u8.ToArray();

    [ThreadStatic]
    private static FeatureCounts? buffer;

    private readonly TopicTrainingOptions options;
    private readonly string[] labels;
    private readonly int[] slots;
    private readonly float[] idf;
    private readonly float[] weights;
    private readonly float[] bias;
    private readonly SlotTable columns;
    private readonly TopicFeatures features;

    internal TopicModel(TopicTrainingOptions options, string[] labels, int[] slots, float[] idf, float[] weights, float[] bias)
    {
        this.options = options;
        this.labels = labels;
        this.slots = slots;
        this.idf = idf;
        this.weights = weights;
        this.bias = bias;
        features = new TopicFeatures(options.HashBits, options.MinCharGram, options.MaxCharGram, options.MaxWordGram);
        columns = new SlotTable(slots);
    }

    /// <summary>The topics the model knows, in ordinal order.</summary>
    public IReadOnlyList<string> Labels => labels;

    /// <summary>How many features the model weighs.</summary>
    public int FeatureCount => slots.Length;

    /// <summary>The options it was trained with.</summary>
    public TopicTrainingOptions Options => options;

    /// <summary>The suggested topic of one text (any text, even empty: it then gets the topics' prior scores).</summary>
    public TopicSuggestion Predict(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var scores = new double[labels.Length];
        Score(text, scores);
        return Suggest(scores);
    }

    /// <summary>The suggested topics of many texts, in their order; uses every processor for large batches.</summary>
    public IReadOnlyList<TopicSuggestion> PredictMany(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var results = new TopicSuggestion[texts.Count];
        var parts = texts.Count < 1_000 ? 1 : Environment.ProcessorCount;
        var size = (texts.Count + parts - 1) / parts;
        Parallel.For(0, parts, part =>
        {
            var scores = new double[labels.Length];
            for (var i = part * size; i < Math.Min(texts.Count, (part + 1) * size); i++)
            {
                Score(texts[i], scores);
                results[i] = Suggest(scores);
            }
        });
        return results;
    }

    /// <summary>
    /// The model as bytes (a versioned little-endian format), to keep in the database; read back with
    /// <see cref="FromBytes"/>. The options travel with it, except <see cref="TopicTrainingOptions.Parallelism"/>.
    /// </summary>
    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(FormatVersion);
            writer.Write(options.HashBits);
            writer.Write(options.MinCharGram);
            writer.Write(options.MaxCharGram);
            writer.Write(options.MaxWordGram);
            writer.Write(options.MinDocumentFrequency);
            writer.Write(options.PruneFrom);
            writer.Write(options.WordShare);
            writer.Write(options.Cost);
            writer.Write(options.ClassWeightPower);
            writer.Write(options.Tolerance);
            writer.Write(options.MaxPasses);
            writer.Write(options.ConfidenceScale);
            writer.Write(options.Seed);
            writer.Write(labels.Length);
            foreach (var label in labels)
            {
                writer.Write(label);
            }

            writer.Write(slots.Length);
            foreach (var slot in slots)
            {
                writer.Write(slot);
            }

            foreach (var value in idf)
            {
                writer.Write(value);
            }

            foreach (var value in weights)
            {
                writer.Write(value);
            }

            foreach (var value in bias)
            {
                writer.Write(value);
            }
        }

        return stream.ToArray();
    }

    /// <summary>Reads a model written by <see cref="ToBytes"/>; throws <see cref="FormatException"/> for anything else.</summary>
    public static TopicModel FromBytes(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes, writable: false), Encoding.UTF8);
            if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic) || reader.ReadInt32() != FormatVersion)
            {
                throw new FormatException("These bytes are not a Qala topic model of this version.");
            }

            var options = new TopicTrainingOptions
            {
                HashBits = reader.ReadInt32(),
                MinCharGram = reader.ReadInt32(),
                MaxCharGram = reader.ReadInt32(),
                MaxWordGram = reader.ReadInt32(),
                MinDocumentFrequency = reader.ReadInt32(),
                PruneFrom = reader.ReadInt32(),
                WordShare = reader.ReadDouble(),
                Cost = reader.ReadDouble(),
                ClassWeightPower = reader.ReadDouble(),
                Tolerance = reader.ReadDouble(),
                MaxPasses = reader.ReadInt32(),
                ConfidenceScale = reader.ReadDouble(),
                Seed = reader.ReadInt32(),
            };
            options.Validate();
            var labels = new string[Count(reader, 1 << 16)];
            for (var i = 0; i < labels.Length; i++)
            {
                labels[i] = reader.ReadString();
            }

            var featureCount = Count(reader, 2 << options.HashBits);
            var slots = Read(reader, featureCount, r => r.ReadInt32());
            if (slots.Any(s => s < 0 || s >= 2 << options.HashBits))
            {
                throw new FormatException("A feature slot lies outside the hash space.");
            }

            var idf = Read(reader, featureCount, r => r.ReadSingle());
            var weights = Read(reader, checked(featureCount * labels.Length), r => r.ReadSingle());
            var bias = Read(reader, labels.Length, r => r.ReadSingle());
            if (reader.BaseStream.Position != bytes.Length)
            {
                throw new FormatException("Bytes follow the end of the topic model.");
            }

            return new TopicModel(options, labels, slots, idf, weights, bias);
        }
        catch (Exception e) when (e is EndOfStreamException or ArgumentOutOfRangeException or IOException or OverflowException)
        {
            throw new FormatException("The topic model's bytes are damaged.", e);
        }
    }

    private static int Count(BinaryReader reader, int limit)
    {
        var count = reader.ReadInt32();
        return count >= 0 && count <= limit ? count : throw new FormatException("A count in the topic model's bytes is out of range.");
    }

    private static T[] Read<T>(BinaryReader reader, int count, Func<BinaryReader, T> read)
    {
        var values = new T[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = read(reader);
        }

        return values;
    }

    /// <summary>score[k] = bias[k] + Σ weight[f, k] × value(f), the two blocks normalised as in training.</summary>
    private void Score(string text, double[] scores)
    {
        var counts = buffer ??= new FeatureCounts();
        features.Extract(text, counts);
        for (var k = 0; k < scores.Length; k++)
        {
            scores[k] = bias[k];
        }

        Span<double> block = stackalloc double[scores.Length];
        AddBlock(counts.Chars, 0, Math.Sqrt(1 - options.WordShare), scores, block);
        AddBlock(counts.Words, features.Slots, Math.Sqrt(options.WordShare), scores, block);
    }

    private void AddBlock(SlotList counts, int offset, double share, double[] scores, Span<double> block)
    {
        block.Clear();
        var squares = 0.0;
        var k = labels.Length;
        var textSlots = counts.Slots;
        var textCounts = counts.Counts;
        for (var e = 0; e < textSlots.Length; e++)
        {
            var column = columns.ColumnOf(textSlots[e] + offset);
            if (column < 0)
            {
                continue;
            }

            var value = (1 + Math.Log(textCounts[e])) * idf[column];
            squares += value * value;
            var row = weights.AsSpan(column * k, k);
            for (var j = 0; j < k; j++)
            {
                block[j] += row[j] * value;
            }
        }

        if (squares > 0)
        {
            var scale = share / Math.Sqrt(squares);
            for (var j = 0; j < k; j++)
            {
                scores[j] += block[j] * scale;
            }
        }
    }

    private TopicSuggestion Suggest(double[] scores)
    {
        if (labels.Length == 1)
        {
            return new TopicSuggestion(labels[0], 1, [new TopicScore(labels[0], 1)]);
        }

        var max = scores.Max();
        var sum = 0.0;
        var ranked = new TopicScore[labels.Length];
        for (var k = 0; k < labels.Length; k++)
        {
            sum += scores[k] = Math.Exp(options.ConfidenceScale * (scores[k] - max));
        }

        // Insertion by descending confidence, stable: labels come in ordinal order, so ties keep that order.
        for (var k = 0; k < labels.Length; k++)
        {
            var score = new TopicScore(labels[k], scores[k] / sum);
            var at = k;
            while (at > 0 && ranked[at - 1].Confidence < score.Confidence)
            {
                ranked[at] = ranked[at - 1];
                at--;
            }

            ranked[at] = score;
        }

        return new TopicSuggestion(ranked[0].Label, ranked[0].Confidence, ranked);
    }
}

/// <summary>
/// The model's feature slots → columns as an open-addressing hash table (linear probing, at most half full): about
/// 2 MB for 120,000 features where a direct array over the hash space would take 16 MB, so look-ups stay in cache.
/// </summary>
internal sealed class SlotTable
{
    private readonly int[] keys;
    private readonly int[] values;
    private readonly int shift;

    public SlotTable(int[] slots)
    {
        var capacity = 16;
        while (capacity < slots.Length * 2)
        {
            capacity *= 2;
        }

        keys = new int[capacity];
        values = new int[capacity];
        Array.Fill(keys, -1);
        shift = 32 - System.Numerics.BitOperations.Log2((uint)capacity);
        for (var column = 0; column < slots.Length; column++)
        {
            var at = Home(slots[column]);
            while (keys[at] >= 0)
            {
                at = (at + 1) & (keys.Length - 1);
            }

            keys[at] = slots[column];
            values[at] = column;
        }
    }

    /// <summary>The column of the slot, or −1 when the model does not weigh it.</summary>
    public int ColumnOf(int slot)
    {
        var at = Home(slot);
        while (true)
        {
            var key = keys[at];
            if (key == slot)
            {
                return values[at];
            }

            if (key < 0)
            {
                return -1;
            }

            at = (at + 1) & (keys.Length - 1);
        }
    }

    private int Home(int slot) => (int)(((uint)slot * 2654435769u) >> shift);
}
