using System.Globalization;
using Qala.Engine.Languages;

namespace Qala.Web.Infrastructure.Localization;

/// <summary>The culture that formats numbers and dates for each of Qala's languages.</summary>
public static class QalaCultures
{
    public static CultureInfo For(Language language) => language switch
    {
        Language.Kk => CultureInfo.GetCultureInfo("kk-KZ"),
        Language.Ru => CultureInfo.GetCultureInfo("ru-KZ"),
        Language.En => CultureInfo.GetCultureInfo("en-GB"),
    };

    public static IReadOnlyList<CultureInfo> All { get; } = [.. LanguageCodes.All.Select(For)];

    public static Language LanguageOf(CultureInfo culture) =>
        LanguageCodes.Parse(culture.Name) ?? LanguageCodes.Parse(culture.TwoLetterISOLanguageName) ?? Language.En;
}
