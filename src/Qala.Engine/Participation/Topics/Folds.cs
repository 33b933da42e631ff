namespace Qala.Engine.Participation.Topics;

/// <summary>Splits labelled texts into folds for cross-validation: the fold number (0 to k − 1) of each text.</summary>
public static class Folds
{
    /// <summary>
    /// Stratified folds grouped by normalised text (<see cref="SuggestionText.Normalise"/>): a text and its exact
    /// repeats always fall in the same fold, so a score measures texts the model has not seen. A group counts for its
    /// most frequent label (the ordinally first on a tie). Groups are shuffled with the seed, then taken largest first
    /// and each given to the fold with the fewest texts of its label so far (then the fewest texts, then the lowest
    /// number), which keeps every fold's topic mix close to the whole.
    /// </summary>
    public static int[] GroupedStratified(IReadOnlyList<string> texts, IReadOnlyList<string> labels, int k, int seed)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(labels);
        if (texts.Count != labels.Count)
        {
            throw new ArgumentException("There must be one label per text.", nameof(labels));
        }

        var groupOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var keys = new int[texts.Count];
        for (var i = 0; i < texts.Count; i++)
        {
            var normal = SuggestionText.Normalise(texts[i]);
            if (!groupOf.TryGetValue(normal, out keys[i]))
            {
                keys[i] = groupOf.Count;
                groupOf.Add(normal, keys[i]);
            }
        }

        return Assign(keys, groupOf.Count, labels, k, seed);
    }

    /// <summary>Stratified folds of single texts: each topic spread evenly over the folds, repeats wherever they fall.</summary>
    public static int[] Stratified(IReadOnlyList<string> labels, int k, int seed)
    {
        ArgumentNullException.ThrowIfNull(labels);
        return Assign([.. Enumerable.Range(0, labels.Count)], labels.Count, labels, k, seed);
    }

    private static int[] Assign(int[] groupOfItem, int groupCount, IReadOnlyList<string> labels, int k, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 2);
        var members = new List<int>[groupCount];
        for (var i = 0; i < groupOfItem.Length; i++)
        {
            (members[groupOfItem[i]] ??= []).Add(i);
        }

        var groupLabel = members.Select(items => items
                .GroupBy(i => labels[i], StringComparer.Ordinal)
                .OrderByDescending(g => g.Count())
                .ThenBy(g => g.Key, StringComparer.Ordinal)
                .First().Key)
            .ToArray();

        var order = Enumerable.Range(0, groupCount).ToArray();
        new Random(seed).Shuffle(order);
        var byLabel = new Dictionary<string, int[]>(StringComparer.Ordinal);
        var foldSizes = new int[k];
        var result = new int[groupOfItem.Length];
        foreach (var group in order.OrderByDescending(g => members[g].Count))
        {
            if (!byLabel.TryGetValue(groupLabel[group], out var labelSizes))
            {
                labelSizes = new int[k];
                byLabel.Add(groupLabel[group], labelSizes);
            }

            var fold = 0;
            for (var f = 1; f < k; f++)
            {
                if (labelSizes[f] < labelSizes[fold] || (labelSizes[f] == labelSizes[fold] && foldSizes[f] < foldSizes[fold]))
                {
                    fold = f;
                }
            }

            labelSizes[fold] += members[group].Count;
            foldSizes[fold] += members[group].Count;
            foreach (var item in members[group])
            {
                result[item] = fold;
            }
        }

        return result;
    }
}
