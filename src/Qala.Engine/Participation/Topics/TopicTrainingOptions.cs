namespace Qala.Engine.Participation.Topics;

/// <summary>One labelled text to learn from: a suggestion (or appeal) and the topic a person gave it.</summary>
public sealed record LabelledText(string Text, string Label);

/// <summary>
/// How <see cref="TopicClassifier"/> turns texts into features and fits the model. The defaults are the ones measured
/// on the Saint Petersburg appeals (docs/benchmarks.md, "Topics"); change them only with a new measurement.
/// </summary>
public sealed record TopicTrainingOptions
{
    public static TopicTrainingOptions Default { get; } = new();

    /// <summary>Features are hashed into 2^<c>HashBits</c> slots; a collision merges two rare features, nothing worse.</summary>
    public int HashBits { get; init; } = 21;

    /// <summary>Shortest character n-gram, counted inside each word padded with a space on both sides ("char_wb").</summary>
    public int MinCharGram { get; init; } = 1;

    /// <summary>Longest character n-gram.</summary>
    public int MaxCharGram { get; init; } = 5;

    /// <summary>Longest run of words taken as one feature: 1 for single words, 2 adds pairs of neighbouring words.</summary>
    public int MaxWordGram { get; init; } = 2;

    /// <summary>
    /// A feature must occur in at least this many training texts to be kept; rarer ones are noise and bulk. Applied
    /// from <see cref="PruneFrom"/> training texts on: a model learning from its first confirmed labels keeps them all.
    /// </summary>
    public int MinDocumentFrequency { get; init; } = 2;

    /// <summary>The number of training texts from which <see cref="MinDocumentFrequency"/> applies.</summary>
    public int PruneFrom { get; init; } = 1_000;

    /// <summary>
    /// Share of a text's (unit) length given to its word features; the character features get the rest. Each part is
    /// L2-normalised on its own, so long and short texts weigh the same.
    /// </summary>
    public double WordShare { get; init; } = 0.5;

    /// <summary>The SVM's cost of a margin violation (liblinear's C): larger fits the training texts more closely.</summary>
    public double Cost { get; init; } = 0.4;

    /// <summary>
    /// Class weight = (largest class ÷ class)^<c>ClassWeightPower</c>, multiplying <see cref="Cost"/> for a class's
    /// texts: 0 treats every text alike, 1 is "balanced"; in between helps the small topics (macro-F1) without
    /// flooding the large ones with false alarms.
    /// </summary>
    public double ClassWeightPower { get; init; } = 0.3;

    /// <summary>The solver stops when the largest violation of its optimality conditions is below this (liblinear's eps).</summary>
    public double Tolerance { get; init; } = 0.1;

    /// <summary>Upper bound on passes over the training texts for one topic.</summary>
    public int MaxPasses { get; init; } = 200;

    /// <summary>
    /// Confidence = softmax of the topics' margins times this scale, fitted once on held-out appeals (grouped folds):
    /// where the model says ≥ 0.9 (73 % of texts) it is right 97.9 % of the time against a mean confidence of 97.8 %;
    /// below that it understates (mean 0.90 overall against 92 % right), the safe side for a threshold. A larger
    /// scale overstates the high confidences (see docs/benchmarks.md).
    /// </summary>
    public double ConfidenceScale { get; init; } = 3;

    /// <summary>Seed of the solver's visiting order: the same texts and options always give the same model.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Topics fitted at once (one-vs-rest models are independent); 0 = one per processor.</summary>
    public int Parallelism { get; init; }

    internal void Validate()
    {
        if (HashBits is < 10 or > 26)
        {
            throw new ArgumentOutOfRangeException(nameof(HashBits), HashBits, "Between 10 and 26.");
        }

        if (MinCharGram < 1 || MaxCharGram < MinCharGram - 1 || MaxCharGram > 10)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxCharGram), MaxCharGram, "Character n-grams need 1 ≤ min ≤ max ≤ 10 (max = min - 1 turns them off).");
        }

        if (MaxWordGram is < 0 or > 3)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxWordGram), MaxWordGram, "Between 0 (no word features) and 3.");
        }

        if (!(WordShare is >= 0 and <= 1) || !(Cost > 0) || !(Tolerance > 0) || !(ConfidenceScale > 0) || !(ClassWeightPower >= 0) || MaxPasses < 1 || MinDocumentFrequency < 1 || PruneFrom < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(TopicTrainingOptions), "Shares lie in [0, 1]; cost, tolerance, scale, passes and frequency are positive.");
        }
    }
}
