using System.Text;
using Qala.Engine.Mail.Mime;

namespace Qala.Engine.Tests.Mail;

public sealed class TransferEncodingsTests
{
    [Theory]
    [InlineData("0JDQu9C80LDRgtGL", "Алматы")]
    [InlineData("0JDQu9C8\r\n0LDRgtGL\r\n", "Алматы")]
    [InlineData("0JDQu9C8 0LDR gtGL", "Алматы")]
    [InlineData("YWJjZA==", "abcd")]
    [InlineData("YWJjZA", "abcd")]
    [InlineData("YW*Jj!ZA==", "abcd")]
    [InlineData("", "")]
    public void Base64_ignores_line_breaks_stray_characters_and_missing_padding(string encoded, string expected)
    {
        var bytes = Encoding.ASCII.GetBytes(encoded);

        Encoding.UTF8.GetString(TransferEncodings.Base64(bytes)).ShouldBe(expected);
        TransferEncodings.DecodedBase64Length(bytes).ShouldBe(Encoding.UTF8.GetByteCount(expected));
    }

    [Theory]
    [InlineData("=D0=90=D0=BB=D0=BC=D0=B0=D1=82=D1=8B", "Алматы")]
    [InlineData("long line that was wrap=\r\nped here", "long line that was wrapped here")]
    [InlineData("soft break with spaces after it=  \nok", "soft break with spaces after itok")]
    [InlineData("trailing spaces are transport   \r\nnext", "trailing spaces are transport\r\nnext")]
    [InlineData("an encoded space stays=20\nnext", "an encoded space stays \nnext")]
    [InlineData("broken =ZZ escape and =4", "broken =ZZ escape and =4")]
    [InlineData("lower-case =d0=90 is read", "lower-case А is read")]
    [InlineData("ends with a soft break=", "ends with a soft break")]
    public void Quoted_printable_follows_RFC_2045_and_forgives_broken_escapes(string encoded, string expected) =>
        Encoding.UTF8.GetString(TransferEncodings.QuotedPrintable(Encoding.ASCII.GetBytes(encoded))).ShouldBe(expected);

    [Fact]
    public void The_Q_encoding_reads_underscores_as_spaces() =>
        Encoding.ASCII.GetString(TransferEncodings.QuotedPrintable("a_b=5Fc"u8, underscoreIsSpace: true)).ShouldBe("a b_c");
}
