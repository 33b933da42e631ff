using Qala.Engine.Languages;

namespace Qala.Engine.Instructions.Extraction;

/// <summary>
/// Tells Kazakh, Russian and English apart by their letters: Cyrillic with Kazakh letters (ә ғ қ ң ө ұ ү һ і) in its
/// common words is Kazakh, other Cyrillic Russian; Latin script is Kazakh when Kazakh Latin letters (á ǵ ń ó ú ý ı ş ğ ñ ä ö ü) and
/// Kazakh words outweigh English function words, English otherwise.
/// </summary>
public static class LanguageDetector
{
    private static readonly HashSet<string> EnglishWords =
        ["the", "and", "of", "to", "in", "is", "for", "that", "with", "on", "was", "are", "by", "as", "it", "be", "this"];

    private static readonly HashSet<string> KazakhLatinWords =
        ["jane", "jáne", "men", "ushin", "úshin", "bul", "osy", "qala", "qalasy", "jyly", "jylǵy", "boiynsha", "boıynsha",
         "qajet", "kerek", "tiis", "tıis", "tapsyrdy", "memleket", "basshysy", "degen", "dedi", "bolyp", "qazaqstan",
         "respublikasy", "ákimdigi", "akimdigi", "ortalyq", "damytu", "jumys", "jumystary", "halyq", "eldiń", "biz"];

    private const string KazakhCyrillic = "әғқңөұүһі";
    private const string KazakhLatin = "áǵńóúýışğñäöüū";

    public static Language Detect(string text)
    {
        // Kazakh letters count in words that start in lower case: a Russian text names Нұрсұлтан Назарбаев too.
        int cyrillic = 0, kazakh = 0, latin = 0, kazakhLatin = 0;
        var inName = false;
        var previous = ' ';
        foreach (var c in text)
        {
            var lower = char.ToLowerInvariant(c);
            if (!char.IsLetter(previous))
            {
                inName = char.IsUpper(c);
            }

            previous = c;
            if (lower is >= 'а' and <= 'я' or 'ё' || KazakhCyrillic.Contains(lower, StringComparison.Ordinal))
            {
                cyrillic++;
                kazakh += !inName && KazakhCyrillic.Contains(lower, StringComparison.Ordinal) ? 1 : 0;
            }
            else if (lower is >= 'a' and <= 'z' || KazakhLatin.Contains(lower, StringComparison.Ordinal))
            {
                latin++;
                kazakhLatin += KazakhLatin.Contains(lower, StringComparison.Ordinal) ? 1 : 0;
            }
        }

        if (cyrillic >= latin)
        {
            return cyrillic > 0 && kazakh >= Math.Max(1, cyrillic / 80) ? Language.Kk : cyrillic > 0 ? Language.Ru : Language.En;
        }

        int english = 0, kazakhWords = 0;
        foreach (var word in text.Split([' ', '\n', '\r', '\t', ',', '.', ';', ':', '!', '?', '"', '(', ')', '\u00a0'], StringSplitOptions.RemoveEmptyEntries))
        {
            var lower = word.ToLowerInvariant();
            english += EnglishWords.Contains(lower) ? 1 : 0;
            kazakhWords += KazakhLatinWords.Contains(lower) ? 1 : 0;
        }

        return kazakhWords + (kazakhLatin / 3) > english ? Language.Kk : Language.En;
    }
}
