using Qala.Engine.Mail.Mime;

namespace Qala.Engine.Tests.Mail;

public sealed class EncodedWordsTests
{
    [Theory]
    [InlineData("=?UTF-8?B?0JDQu9C80LDRgtGL?=", "Алматы")]
    [InlineData("=?utf-8?q?=D0=90=D0=BB=D0=BC=D0=B0=D1=82=D1=8B?=", "Алматы")]
    [InlineData("=?windows-1251?B?wOvs4PL7?=", "Алматы")]
    [InlineData("=?windows-1251?Q?=C0=EB=EC=E0=F2=FB_2020?=", "Алматы 2020")]
    [InlineData("=?KOI8-R?B?4czNwdTZ?=", "Алматы")]
    [InlineData("=?koi8-r?Q?=E1=CC=CD=C1=D4=D9?=", "Алматы")]
    [InlineData("=?UTF-8*kk?B?0JDQu9C80LDRgtGL?=", "Алматы")]
    [InlineData("Re: =?UTF-8?B?0JDQu9C80LDRgtGL?= 2020", "Re: Алматы 2020")]
    [InlineData("=?UTF-8?B?0JDQu9C8?= =?UTF-8?B?0LDRgtGL?=", "Алматы")]
    [InlineData("=?UTF-8?B?0JDQu9C8?=\r\n =?UTF-8?B?0LDRgtGL?=", "Алматы")]
    [InlineData("=?UTF-8?Q?=D0=90=D0?= =?UTF-8?Q?=BB=D0=BC=D0=B0=D1=82=D1=8B?=", "Алматы")]
    [InlineData("=?windows-1251?B?wOvs?= =?UTF-8?B?0LDRgtGL?=", "Алматы")]
    [InlineData("=?UTF-8?B?0JDQu9C80LDRgtGL?= and =?UTF-8?B?0JDQu9C80LDRgtGL?=", "Алматы and Алматы")]
    [InlineData("plain text, no words", "plain text, no words")]
    [InlineData("=?UTF-8?X?abc?=", "=?UTF-8?X?abc?=")]
    [InlineData("=?UTF-8?B?unterminated", "=?UTF-8?B?unterminated")]
    [InlineData("=??B?YWJj?=", "=??B?YWJj?=")]
    [InlineData("=?UTF-8?B?0JDQu9C80LDRgtG?=", "Алмат\uFFFD")]
    public void Encoded_words_decode_in_every_charset_and_adjacent_words_join(string header, string expected)
    {
        var issues = new List<MimeIssue>();

        EncodedWords.Decode(header, issues).ShouldBe(expected);
        issues.ShouldBeEmpty();
    }

    [Fact]
    public void An_unknown_charset_is_guessed_and_noted_never_thrown()
    {
        var issues = new List<MimeIssue>();

        EncodedWords.Decode("=?x-no-such-charset?B?0JDQu9C80LDRgtGL?= / =?x-other?B?wOvs4PL7?=", issues).ShouldBe("Алматы / Алматы");
        issues.ShouldBe([new MimeIssue(MimeIssueKind.UnknownCharset, "x-no-such-charset"), new MimeIssue(MimeIssueKind.UnknownCharset, "x-other")]);
    }
}
