using Qala.Engine.Privacy;

namespace Qala.Engine.Tests.Privacy;

public sealed class PersonalDataMaskTests
{
    [Theory]
    [InlineData("aigul.nurlanova@mail.kz", "a***@m***.kz")]
    [InlineData("d@almaty.gov.kz", "d***@a***.kz")]
    [InlineData("almaty2020@a-a.kz", "a***@a***.kz")]
    [InlineData("no-at-sign", "n***")]
    [InlineData("trailing@", "t***")]
    [InlineData("@leading.kz", "@***")]
    [InlineData("x@localhost", "x***@l***")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Email_keeps_the_first_letters_and_the_top_level_domain(string? email, string expected) =>
        PersonalDataMask.Email(email).ShouldBe(expected);

    [Theory]
    [InlineData("+7 701 234 56 78", "+7 *** ** 78")]
    [InlineData("87012345678", "*** ** 78")]
    [InlineData("12", "***")]
    [InlineData(null, "")]
    public void Phone_keeps_the_country_code_and_the_last_two_digits(string? phone, string expected) =>
        PersonalDataMask.Phone(phone).ShouldBe(expected);

    [Theory]
    [InlineData("Айгүл Нұрланова", "А. Н.")]
    [InlineData("  ұлан  ", "Ұ.")]
    [InlineData("", "")]
    public void Name_becomes_initials(string name, string expected) =>
        PersonalDataMask.Name(name).ShouldBe(expected);

    [Fact]
    public void A_masked_email_never_contains_the_local_part_or_the_full_domain()
    {
        var masked = PersonalDataMask.Email("secretname@privatedomain.kz");

        masked.ShouldNotContain("secretname");
        masked.ShouldNotContain("privatedomain");
    }
}
