namespace Qala.Engine.Languages;

/// <summary>The three languages Qala speaks. Kazakh is the state language; Russian and English follow.</summary>
public enum Language
{
    Kk,
    Ru,
    En,
}

/// <summary>Two-letter codes of <see cref="Language"/>, and how a requested code is understood.</summary>
public static class LanguageCodes
{
    public static IReadOnlyList<Language> All { get; } = [Language.Kk, Language.Ru, Language.En];

    public static string Code(this Language language) => language switch
    {
        Language.Kk => "kk",
        Language.Ru => "ru",
        Language.En => "en",
    };

    /// <summary>
    /// Reads a language tag as a browser or a URL gives it ("kk", "ru-RU", "EN", "kk-Cyrl-KZ").
    /// Returns <c>null</c> for anything Qala does not speak, so the caller falls back to its default.
    /// </summary>
    public static Language? Parse(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag))
        {
            return null;
        }

        var primary = tag.Trim().Split('-', '_')[0];
        foreach (var language in All)
        {
            if (string.Equals(primary, language.Code(), StringComparison.OrdinalIgnoreCase))
            {
                return language;
            }
        }

        return null;
    }

    /// <summary>
    /// The text to show in <paramref name="wanted"/>: the value in that language when it has one, otherwise the first
    /// non-empty value in the order Kazakh, Russian, English, so that a name entered in one language is never blank.
    /// </summary>
    public static string Pick(Language wanted, string? kk, string? ru, string? en)
    {
        var exact = wanted switch
        {
            Language.Kk => kk,
            Language.Ru => ru,
            Language.En => en,
        };
        if (!string.IsNullOrWhiteSpace(exact))
        {
            return exact;
        }

        return new[] { kk, ru, en }.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v)) ?? string.Empty;
    }
}
