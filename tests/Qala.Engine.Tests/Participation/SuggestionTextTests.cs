using Qala.Engine.Participation;

namespace Qala.Engine.Tests.Participation;

public sealed class SuggestionTextTests
{
    [Theory]
    [InlineData("Снег  на\nДОРОГЕ ", "снег на дороге")]
    [InlineData("\t Ёлка у подъезда\r\n", "елка у подъезда")]
    [InlineData("ЁЁ ё", "ее е")]
    [InlineData("   ", "")]
    [InlineData("", "")]
    [InlineData("Жарық\u00A0жоқ", "жарық жоқ")]
    public void Normalises_case_yo_and_white_space(string text, string normal) =>
        SuggestionText.Normalise(text).ShouldBe(normal);
}
