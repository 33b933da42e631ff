using Qala.Engine.Investment;

namespace Qala.Engine.Tests.Investment;

public sealed class BinTests
{
    [Theory]
    [InlineData("940140000385")] // Halyk Bank, as printed on its payment documents
    [InlineData("971240001315")] // Kaspi Bank
    [InlineData("020240000555")] // KazMunayGas
    [InlineData("980440000757")]
    [InlineData("181240006529")]
    public void Published_numbers_are_valid(string bin) => Bin.IsValid(bin).ShouldBeTrue();

    [Theory]
    [InlineData("940140000386")] // one check digit off
    [InlineData("971240001316")]
    [InlineData("94014000038")] // eleven digits
    [InlineData("9401400003851")] // thirteen
    [InlineData("94014000038A")]
    [InlineData("９４０１４００００３８５")] // full-width digits are not ASCII digits
    [InlineData("")]
    [InlineData(null)]
    public void Other_text_is_not(string? bin) => Bin.IsValid(bin).ShouldBeFalse();

    [Theory]
    [InlineData("94014000038", 5)] // the first weights give the digit
    [InlineData("00000000010", 1)] // 10 × 1 = 10 → second weights: 1 × 1 = 1
    [InlineData("00000000001", 0)] // 1 × 11 = 11 ≡ 0: the first weights suffice
    public void The_check_digit_uses_the_second_weights_when_the_first_give_ten(string first11, int expected) =>
        Bin.CheckDigit(first11).ShouldBe(expected);

    [Fact]
    public void Eleven_digits_that_give_ten_twice_have_no_check_digit()
    {
        var none = Enumerable.Range(0, 100_000).Select(n => n.ToString("D11", System.Globalization.CultureInfo.InvariantCulture))
            .First(d => Bin.CheckDigit(d) is null);
        foreach (var digit in "0123456789")
        {
            Bin.IsValid(none + digit).ShouldBeFalse();
        }
    }

    [Theory]
    [InlineData(" 9401 4000 0385 ", "940140000385")]
    [InlineData("940140-000385", "940140000385")]
    [InlineData(null, "")]
    public void Spaces_and_dashes_are_removed(string? typed, string expected) => Bin.Normalize(typed).ShouldBe(expected);
}
