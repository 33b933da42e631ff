using Qala.Engine.Languages;

namespace Qala.Engine.Tests.Languages;

public sealed class LanguageCodesTests
{
    [Theory]
    [InlineData("kk", Language.Kk)]
    [InlineData("KK", Language.Kk)]
    [InlineData("kk-KZ", Language.Kk)]
    [InlineData("kk-Cyrl-KZ", Language.Kk)]
    [InlineData("ru", Language.Ru)]
    [InlineData("ru-RU", Language.Ru)]
    [InlineData("ru_KZ", Language.Ru)]
    [InlineData(" en ", Language.En)]
    [InlineData("en-US", Language.En)]
    public void Parse_reads_the_primary_language_of_a_tag(string tag, Language expected) =>
        LanguageCodes.Parse(tag).ShouldBe(expected);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("de")]
    [InlineData("kz")]
    [InlineData("english")]
    [InlineData("-")]
    public void Parse_returns_null_for_languages_Qala_does_not_speak(string? tag) =>
        LanguageCodes.Parse(tag).ShouldBeNull();

    [Fact]
    public void Codes_round_trip_through_parse()
    {
        foreach (var language in LanguageCodes.All)
        {
            LanguageCodes.Parse(language.Code()).ShouldBe(language);
        }

        LanguageCodes.All.Select(l => l.Code()).ShouldBe(["kk", "ru", "en"]);
    }

    [Theory]
    [InlineData(Language.Kk, "Алматы", "Алматы", "Almaty", "Алматы")]
    [InlineData(Language.En, "Алматы", "Алматы", "Almaty", "Almaty")]
    [InlineData(Language.En, "Шымкент", "Шымкент", "", "Шымкент")]
    [InlineData(Language.Kk, "", "Город", "City", "Город")]
    [InlineData(Language.Kk, " ", null, "City", "City")]
    [InlineData(Language.Ru, null, null, null, "")]
    public void Pick_falls_back_in_the_order_kk_ru_en_when_the_wanted_text_is_blank(
        Language wanted, string? kk, string? ru, string? en, string expected) =>
        LanguageCodes.Pick(wanted, kk, ru, en).ShouldBe(expected);
}
