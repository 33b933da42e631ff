using Qala.Engine.Investment;

namespace Qala.Engine.Tests.Investment;

public sealed class OkedTests
{
    [Theory]
    [InlineData("10", "10")] // division
    [InlineData("10.7", "10.7")] // group
    [InlineData("10.71", "10.71")] // class
    [InlineData("10.71.1", "10.71.1")] // national subclass
    [InlineData("10711", "10.71.1")] // subclass without dots
    [InlineData(" 24.10.0 ", "24.10.0")]
    [InlineData("01.11.0", "01.11.0")]
    [InlineData("99", "99")]
    public void Codes_are_read_in_their_dotted_form(string typed, string expected) => Oked.Normalize(typed).ShouldBe(expected);

    [Theory]
    [InlineData("04")] // no division 04 (between A and B)
    [InlineData("34.10")] // no division 34
    [InlineData("40")]
    [InlineData("00")]
    [InlineData("1")]
    [InlineData("107")]
    [InlineData("10.711")]
    [InlineData("10.71.12")]
    [InlineData("1071")]
    [InlineData("10,71")]
    [InlineData("C10")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_refused(string? typed) => Oked.IsValid(typed).ShouldBeFalse();

    [Theory]
    [InlineData(1, 'A')]
    [InlineData(10, 'C')]
    [InlineData(33, 'C')]
    [InlineData(35, 'D')]
    [InlineData(47, 'G')]
    [InlineData(85, 'P')]
    [InlineData(99, 'U')]
    public void Divisions_belong_to_sections(int division, char section) => Oked.SectionOf(division).ShouldBe(section);

    [Theory]
    [InlineData('C', "10", "33", 24)]
    [InlineData('d', "35", "35", 1)]
    [InlineData('A', "01", "03", 3)]
    public void A_section_lists_its_divisions(char section, string first, string last, int count)
    {
        var divisions = Oked.DivisionsOf(section);
        divisions.Count.ShouldBe(count);
        (divisions[0], divisions[^1]).ShouldBe((first, last));
        divisions.ShouldAllBe(d => Oked.SectionOf(int.Parse(d, System.Globalization.CultureInfo.InvariantCulture)) == char.ToUpperInvariant(section));
    }

    [Fact]
    public void No_section_has_no_divisions() => Oked.DivisionsOf('Z').ShouldBeEmpty();
}
