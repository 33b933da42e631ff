using System.Collections.Concurrent;
using Qala.Engine.Languages;

namespace Qala.Engine.Instructions.Extraction;

/// <summary>
/// One word of a lexicon entry: an exact word, a stem ("поручил*" matches поручила, поручили) or any one word ("*").
/// </summary>
internal readonly record struct PatternWord(string Text, bool IsStem, bool IsAny)
{
    public bool Matches(string norm) =>
        IsAny || (IsStem ? norm.StartsWith(Text, StringComparison.Ordinal) : norm == Text);
}

/// <summary>An entry of a lexicon section: words to match in a row, with the value given before them (if the section has one).</summary>
internal sealed record LexiconEntry(IReadOnlyList<PatternWord> Words, string Value);

/// <summary>
/// The cue lists of one language, read from the embedded <c>Lexicons/xx.txt</c>: sections in brackets, one entry a
/// line, <c>#</c> comments. Sections that give values (months, scales, numbers, fractions, units) write
/// <c>value = spelling | spelling</c>.
/// </summary>
internal sealed class Lexicon
{
    private static readonly ConcurrentDictionary<Language, Lexicon> Loaded = new();
    private readonly Dictionary<string, List<LexiconEntry>> sections;

    private Lexicon(Dictionary<string, List<LexiconEntry>> sections) => this.sections = sections;

    public static Lexicon For(Language language) => Loaded.GetOrAdd(language, Load);

    public IReadOnlyList<LexiconEntry> this[string section] =>
        sections.TryGetValue(section, out var entries) ? entries : [];

    /// <summary>
    /// The longest entry of <paramref name="section"/> that matches the words from <paramref name="at"/>, or null.
    /// Adverbs between an entry's words are passed over ("it is also critical to" matches "it is critical to").
    /// </summary>
    public Match? MatchAt(string section, List<Token> words, int at)
    {
        Match? best = null;
        foreach (var entry in this[section])
        {
            var position = at;
            var all = true;
            for (var k = 0; k < entry.Words.Count && all; k++)
            {
                while (k > 0 && section != "adverb" && position < words.Count && !entry.Words[k].Matches(words[position].Norm)
                       && position - at < entry.Words.Count + 2 && Contains("adverb", words[position].Norm))
                {
                    position++;
                }

                all = position < words.Count && entry.Words[k].Matches(words[position].Norm);
                position++;
            }

            if (all && (best is null || position - at > best.Value.Length))
            {
                best = new Match(entry, at, position - at);
            }
        }

        return best;
    }

    /// <summary>The first match of any entry of <paramref name="section"/> in <paramref name="words"/>.</summary>
    public Match? Find(string section, List<Token> words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (MatchAt(section, words, i) is { } match)
            {
                return match;
            }
        }

        return null;
    }

    public bool Contains(string section, string norm) =>
        this[section].Any(e => e.Words.Count == 1 && e.Words[0].Matches(norm));

    private static Lexicon Load(Language language)
    {
        var name = $"Qala.Engine.Instructions.Extraction.Lexicons.{language.Code()}.txt";
        using var stream = typeof(Lexicon).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The lexicon {name} is not embedded.");
        using var reader = new StreamReader(stream);
        var sections = new Dictionary<string, List<LexiconEntry>>(StringComparer.Ordinal);
        var current = new List<LexiconEntry>();
        while (reader.ReadLine() is { } raw)
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (line.StartsWith('[') && line.EndsWith(']'))
            {
                current = [];
                sections[line[1..^1]] = current;
                continue;
            }

            var equals = line.IndexOf(" = ", StringComparison.Ordinal);
            var value = equals < 0 ? string.Empty : line[..equals];
            var spellings = equals < 0 ? [line] : line[(equals + 3)..].Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            current.AddRange(spellings.Select(spelling => Entry(spelling.Split(' ', StringSplitOptions.RemoveEmptyEntries), value, language)));
        }

        return new Lexicon(sections);
    }

    private static LexiconEntry Entry(IEnumerable<string> words, string value, Language language) =>
        new([.. words.Select(w => w == "*"
            ? new PatternWord(string.Empty, false, true)
            : w.EndsWith('*') ? new PatternWord(Text.Normalize(w[..^1], language), true, false) : new PatternWord(Text.Normalize(w, language), false, false))], value);
}

/// <summary>A lexicon entry found at word <paramref name="Start"/>, spanning <paramref name="Length"/> words.</summary>
internal readonly record struct Match(LexiconEntry Entry, int Start, int Length)
{
    public int End => Start + Length;
}
