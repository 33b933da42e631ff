using System.Globalization;
using Qala.Engine.Languages;
using Qala.Web.Infrastructure.Localization;

namespace Qala.Web.Data;

/// <summary>
/// A name or title kept in Kazakh, Russian and English, stored as three columns of its owner
/// (<c>Name_Kk</c>, <c>Name_Ru</c>, <c>Name_En</c>).
/// </summary>
public sealed record LocalizedText
{
    public required string Kk { get; init; }

    public required string Ru { get; init; }

    public required string En { get; init; }

    public static LocalizedText Of(string kk, string ru, string en) => new() { Kk = kk, Ru = ru, En = en };

    /// <summary>The text in the language of the current request, falling back to another language when blank.</summary>
    public string Current => In(QalaCultures.LanguageOf(CultureInfo.CurrentUICulture));

    public string In(Language language) => LanguageCodes.Pick(language, Kk, Ru, En);

    public override string ToString() => Current;
}
