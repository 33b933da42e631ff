namespace Qala.Engine.Participation.Topics;

/// <summary>
/// Fits the topic model: tf-idf of hashed character and word n-grams (<see cref="TopicFeatures"/>) and one linear SVM
/// per topic against all others (one-vs-rest), trained by dual coordinate descent with shrinking — the method of
/// liblinear (Hsieh et al., 2008) for the L2-regularised squared-hinge loss, with a regularised bias feature of 1.
/// A full retrain on 30,000 short texts takes seconds, so "learning from confirmed labels" is simply training again on
/// all of them; there is no incremental update to drift.
/// </summary>
public static class TopicClassifier
{
    /// <summary>
    /// Trains on the texts and their labels. Deterministic: the same examples in the same order and the same options
    /// give the same model, byte for byte, whatever <see cref="TopicTrainingOptions.Parallelism"/> is. Needs at least
    /// one example; with one label only, the model always suggests it with confidence 1.
    /// </summary>
    public static TopicModel Train(IReadOnlyList<LabelledText> examples, TopicTrainingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(examples);
        options ??= TopicTrainingOptions.Default;
        options.Validate();
        if (examples.Count == 0)
        {
            throw new ArgumentException("A topic model needs at least one labelled text.", nameof(examples));
        }

        var labels = examples.Select(e => e.Label).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var labelIndex = labels.Select((label, i) => (label, i)).ToDictionary(p => p.label, p => p.i, StringComparer.Ordinal);
        var y = examples.Select(e => labelIndex[e.Label]).ToArray();

        var features = new TopicFeatures(options.HashBits, options.MinCharGram, options.MaxCharGram, options.MaxWordGram);
        var raw = Featurise(examples, features, options);
        var vocabulary = Vocabulary.Build(raw, features.Slots * 2, examples.Count >= options.PruneFrom ? options.MinDocumentFrequency : 1);
        var matrix = raw.Weigh(vocabulary, options.WordShare);

        var classWeights = ClassWeights(y, labels.Length, options.ClassWeightPower);
        var weights = new float[vocabulary.Count * labels.Length];
        var bias = new float[labels.Length];
        if (labels.Length > 1)
        {
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism > 0 ? options.Parallelism : Environment.ProcessorCount };
            Parallel.For(0, labels.Length, parallel, k =>
            {
                var w = DualCoordinateDescent(matrix, y, k, classWeights, options);
                for (var f = 0; f < vocabulary.Count; f++)
                {
                    weights[(f * labels.Length) + k] = (float)w[f];
                }

                bias[k] = (float)w[vocabulary.Count];
            });
        }

        return new TopicModel(options, labels, vocabulary.Slots, vocabulary.Idf, weights, bias);
    }

    private static RawFeatures Featurise(IReadOnlyList<LabelledText> examples, TopicFeatures features, TopicTrainingOptions options)
    {
        var parts = new RawFeatures[Math.Min(examples.Count, Math.Max(1, options.Parallelism > 0 ? options.Parallelism : Environment.ProcessorCount))];
        var size = (examples.Count + parts.Length - 1) / parts.Length;
        Parallel.For(0, parts.Length, part =>
        {
            var counts = new FeatureCounts();
            var raw = new RawFeatures();
            for (var i = part * size; i < Math.Min(examples.Count, (part + 1) * size); i++)
            {
                features.Extract(examples[i].Text, counts);
                raw.Add(counts, features.Slots);
            }

            parts[part] = raw;
        });
        return RawFeatures.Concat(parts);
    }

    private static double[] ClassWeights(int[] y, int classes, double power)
    {
        var sizes = new int[classes];
        foreach (var label in y)
        {
            sizes[label]++;
        }

        var largest = sizes.Max();
        return [.. sizes.Select(size => Math.Pow((double)largest / size, power))];
    }

    /// <summary>
    /// liblinear's dual solver for one topic against the rest: minimises ½‖w‖² + Σ Cᵢ·max(0, 1 − yᵢ w·xᵢ)² through
    /// its dual, one coordinate αᵢ at a time in a seeded random order, leaving out (shrinking) texts whose αᵢ is stuck
    /// at 0 until a final pass over all. Returns w with the bias weight last.
    /// </summary>
    private static double[] DualCoordinateDescent(SparseRows x, int[] labels, int positive, double[] classWeights, TopicTrainingOptions options)
    {
        var n = x.Rows;
        var w = new double[x.Columns + 1];
        var alpha = new double[n];
        var diagonal = new double[n];
        var qd = new double[n];
        var y = new sbyte[n];
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            y[i] = labels[i] == positive ? (sbyte)1 : (sbyte)-1;
            diagonal[i] = 0.5 / (options.Cost * classWeights[labels[i]]);
            qd[i] = diagonal[i] + x.SquaredNorm(i) + 1;
            order[i] = i;
        }

        var random = new Random(options.Seed + positive);
        var active = n;
        var projectedMaxOld = double.PositiveInfinity;
        for (var pass = 0; pass < options.MaxPasses; pass++)
        {
            for (var i = 0; i < active; i++)
            {
                var j = i + random.Next(active - i);
                (order[i], order[j]) = (order[j], order[i]);
            }

            double projectedMax = double.NegativeInfinity, projectedMin = double.PositiveInfinity;
            for (var s = 0; s < active; s++)
            {
                var i = order[s];
                var columns = x.ColumnsOf(i);
                var values = x.ValuesOf(i);
                var dot = w[^1];
                for (var e = 0; e < columns.Length; e++)
                {
                    dot += w[columns[e]] * values[e];
                }

                var gradient = (y[i] * dot) - 1 + (alpha[i] * diagonal[i]);
                var projected = gradient;
                if (alpha[i] == 0)
                {
                    if (gradient > projectedMaxOld)
                    {
                        active--;
                        (order[s], order[active]) = (order[active], order[s]);
                        s--;
                        continue;
                    }

                    projected = Math.Min(gradient, 0);
                }

                projectedMax = Math.Max(projectedMax, projected);
                projectedMin = Math.Min(projectedMin, projected);
                if (Math.Abs(projected) > 1e-12)
                {
                    var before = alpha[i];
                    alpha[i] = Math.Max(before - (gradient / qd[i]), 0);
                    var step = (alpha[i] - before) * y[i];
                    for (var e = 0; e < columns.Length; e++)
                    {
                        w[columns[e]] += step * values[e];
                    }

                    w[^1] += step;
                }
            }

            if (projectedMax - projectedMin <= options.Tolerance)
            {
                if (active == n)
                {
                    break;
                }

                active = n;
                projectedMaxOld = double.PositiveInfinity;
                continue;
            }

            projectedMaxOld = projectedMax <= 0 ? double.PositiveInfinity : projectedMax;
        }

        return w;
    }
}
