namespace Qala.Engine.Participation.Duplicates;

/// <summary>
/// When two texts count as near-duplicates, and how candidates are found. Texts are compared as sets of character
/// shingles of their normal form (<see cref="SuggestionText.Normalise"/>): two texts are near-duplicates when the
/// Jaccard similarity of their shingle sets (shared ÷ all) is at least <see cref="Threshold"/>. MinHash signatures of
/// <see cref="Bands"/> × <see cref="Rows"/> values, cut into bands (locality-sensitive hashing), find the candidate pairs:
/// a pair with similarity J shares at least one band with probability 1 − (1 − J^rows)^bands, with the defaults
/// 0.9998 at J = 0.7 and 0.87 at J = 0.5. Every candidate is then checked exactly, so nothing below the threshold is
/// ever reported; what LSH can do is miss a pair, rarely, near the threshold. Exact repeats are never missed.
/// </summary>
public sealed record NearDuplicateOptions
{
    public static NearDuplicateOptions Default { get; } = new();

    /// <summary>Least Jaccard similarity of two texts' shingle sets for them to be near-duplicates (0 to 1].</summary>
    public double Threshold { get; init; } = 0.7;

    /// <summary>Characters per shingle; a text shorter than this is one shingle, the whole text.</summary>
    public int ShingleLength { get; init; } = 5;

    /// <summary>Bands of the MinHash signature; a pair sharing any band is a candidate.</summary>
    public int Bands { get; init; } = 32;

    /// <summary>Signature values per band.</summary>
    public int Rows { get; init; } = 4;

    /// <summary>Seed of the MinHash functions: the same seed gives the same candidates.</summary>
    public int Seed { get; init; } = 7;

    internal void Validate()
    {
        if (!(Threshold is > 0 and <= 1) || ShingleLength < 1 || Bands < 1 || Rows < 1 || Bands * Rows > 1024)
        {
            throw new ArgumentOutOfRangeException(nameof(NearDuplicateOptions), "Threshold in (0, 1]; shingle length, bands and rows positive, at most 1,024 hashes.");
        }
    }
}

/// <summary>An earlier text that is a near-duplicate of the one looked up: its number and the Jaccard similarity.</summary>
public sealed record DuplicateMatch(int Id, double Similarity);

/// <summary>
/// Texts (by their position in the input) that are near-duplicates of each other, directly or through a chain of
/// near-duplicates (single linkage). <see cref="LeastSimilarity"/> is the lowest similarity among the pairs that
/// joined the group: 1 for a group of exact repeats (after normalisation).
/// </summary>
public sealed record NearDuplicateGroup(IReadOnlyList<int> Members, double LeastSimilarity);
