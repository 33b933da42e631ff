namespace Qala.Engine.Participation.Topics;

/// <summary>Precision, recall and F1 of one topic; each is 0 when its denominator is (no text predicted or labelled so).</summary>
public sealed record TopicClassScore(string Label, int Support, double Precision, double Recall, double F1);

/// <summary>
/// How well predicted topics match the true ones. Macro-F1 is the unweighted mean of the per-topic F1 over every topic
/// that occurs among the true or the predicted labels (as scikit-learn's <c>f1_score(average="macro")</c>), so a
/// small topic counts as much as a large one. <see cref="Confusion"/>[t][p] counts texts of true topic
/// <see cref="Labels"/>[t] predicted as <see cref="Labels"/>[p].
/// </summary>
public sealed record TopicEvaluation(
    int Count,
    double Accuracy,
    double MacroF1,
    IReadOnlyList<string> Labels,
    IReadOnlyList<TopicClassScore> Classes,
    IReadOnlyList<IReadOnlyList<int>> Confusion)
{
    public static TopicEvaluation Of(IReadOnlyList<string> truth, IReadOnlyList<string> predicted)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(predicted);
        if (truth.Count != predicted.Count)
        {
            throw new ArgumentException("There must be one prediction per true label.", nameof(predicted));
        }

        var labels = truth.Concat(predicted).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var index = labels.Select((label, i) => (label, i)).ToDictionary(p => p.label, p => p.i, StringComparer.Ordinal);
        var confusion = labels.Select(_ => new int[labels.Length]).ToArray();
        var correct = 0;
        for (var i = 0; i < truth.Count; i++)
        {
            confusion[index[truth[i]]][index[predicted[i]]]++;
            if (string.Equals(truth[i], predicted[i], StringComparison.Ordinal))
            {
                correct++;
            }
        }

        var classes = new TopicClassScore[labels.Length];
        for (var t = 0; t < labels.Length; t++)
        {
            var hits = confusion[t][t];
            var support = confusion[t].Sum();
            var predictedAs = confusion.Sum(row => row[t]);
            var precision = predictedAs == 0 ? 0 : (double)hits / predictedAs;
            var recall = support == 0 ? 0 : (double)hits / support;
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            classes[t] = new TopicClassScore(labels[t], support, precision, recall, f1);
        }

        return new TopicEvaluation(
            truth.Count,
            truth.Count == 0 ? 0 : (double)correct / truth.Count,
            classes.Length == 0 ? 0 : classes.Average(c => c.F1),
            labels,
            classes,
            confusion);
    }
}
