using System.Globalization;
using System.Text;
using Qala.Engine.Mail.Mime;

namespace Qala.Engine.Tests.Mail;

/// <summary>Malformed and hostile messages: each is read as far as it can be, with the reason noted, and never throws.</summary>
public sealed class HostileMimeTests
{
    private static MailMessage Parse(string message, MimeLimits? limits = null) => MimeParser.Parse(Encoding.UTF8.GetBytes(message), limits);

    [Fact]
    public void A_multipart_whose_boundary_never_occurs_is_read_as_text()
    {
        var message = Parse("Subject: broken\nContent-Type: multipart/mixed; boundary=\"expected\"\n\n--other\nContent-Type: text/plain\n\nHello\n--other--\n");

        message.Issues.ShouldBe([new MimeIssue(MimeIssueKind.MissingBoundary, "multipart/mixed")]);
        message.Text.ShouldContain("Hello");
    }

    [Fact]
    public void A_multipart_without_a_boundary_parameter_is_read_as_text()
    {
        var message = Parse("Content-Type: multipart/alternative\n\nJust text.\n");

        message.Issues.ShouldBe([new MimeIssue(MimeIssueKind.MissingBoundary, "multipart/alternative")]);
        message.Text.ShouldBe("Just text.");
    }

    [Fact]
    public void A_multipart_without_its_closing_delimiter_runs_to_the_end()
    {
        var message = Parse("Content-Type: multipart/mixed; boundary=b\n\n--b\n\nFirst\n--b\nContent-Type: text/plain\n\nSecond, cut off");

        message.Issues.ShouldBe([new MimeIssue(MimeIssueKind.UnterminatedMultipart, "multipart/mixed")]);
        message.Text.ShouldBe("First\n\nSecond, cut off");
    }

    [Fact]
    public void A_nested_boundary_that_starts_with_the_outer_one_does_not_split_the_outer_part()
    {
        var message = Parse("""
            Content-Type: multipart/mixed; boundary="b"

            --b
            Content-Type: multipart/alternative; boundary="b-inner"

            --b-inner
            Content-Type: text/plain

            Plain
            --b-inner
            Content-Type: text/html

            <p>Html</p>
            --b-inner--
            --b
            Content-Type: application/octet-stream; name=data.bin

            xyz
            --b--
            """);

        message.Issues.ShouldBeEmpty();
        message.Text.ShouldBe("Plain");
        message.Attachments.Select(a => a.FileName).ShouldBe(["data.bin"]);
    }

    [Fact]
    public void A_body_in_an_unknown_charset_is_guessed_and_noted()
    {
        var bytes = Encoding.ASCII.GetBytes("Content-Type: text/plain; charset=x-martian\n\n")
            .Concat(Encoding.GetEncoding(1251).GetBytes("Привет")).ToArray();

        var message = MimeParser.Parse(bytes);

        message.Text.ShouldBe("Привет");
        message.Issues.ShouldBe([new MimeIssue(MimeIssueKind.UnknownCharset, "x-martian")]);
    }

    [Fact]
    public void Raw_Windows_1251_header_bytes_are_read_and_noted()
    {
        var bytes = Encoding.GetEncoding(1251).GetBytes("From: Иван <ivan@mail.ru>\nSubject: Жалоба\n\nТекст\n");

        var message = MimeParser.Parse(bytes);

        message.Subject.ShouldBe("Жалоба");
        message.From.ShouldBe(new MailboxAddress("ivan@mail.ru", "Иван"));
        message.Text.ShouldBe("Текст");
        message.Issues.ShouldBe([new MimeIssue(MimeIssueKind.UnencodedHeaderBytes, "header")]);
    }

    [Fact]
    public void Raw_UTF_8_headers_need_no_encoded_words()
    {
        var message = Parse("From: Айгүл <aigul@mail.kz>\nSubject: Ұсыныс\n\nМәтін\n");

        message.Subject.ShouldBe("Ұсыныс");
        message.Text.ShouldBe("Мәтін");
        message.Issues.ShouldBeEmpty();
    }

    [Fact]
    public void A_header_of_100_KB_is_read_in_full_under_the_default_limit()
    {
        var references = string.Join("\n ", Enumerable.Range(0, 3_000).Select(i => $"<message-{i:D6}@lists.example.kz>"));
        var message = Parse($"From: a@b.kz\nReferences: {references}\nSubject: long\n\nBody\n");

        references.Length.ShouldBeGreaterThan(100_000);
        message.References.Count.ShouldBe(3_000);
        message.Subject.ShouldBe("long");
        message.Text.ShouldBe("Body");
        message.Issues.ShouldBeEmpty();
    }

    [Fact]
    public void A_header_over_the_limit_is_cut_and_the_body_still_read()
    {
        var junk = string.Concat(Enumerable.Range(0, 5_000).Select(i => $"X-Junk-{i}: {new string('x', 30)}\n"));
        var message = Parse($"Subject: first\n{junk}\nBody after a huge header\n", MimeLimits.Default with { MaxHeaderBytes = 10_000 });

        message.Subject.ShouldBe("first");
        message.Text.ShouldBe("Body after a huge header");
        message.Issues.ShouldHaveSingleItem().Kind.ShouldBe(MimeIssueKind.HeaderTooLarge);
        message.Headers.Count.ShouldBeLessThan(500);
    }

    [Fact]
    public void A_single_header_line_of_a_megabyte_without_line_breaks_is_survived()
    {
        var message = Parse($"Subject: {new string('a', 1_000_000)}\n\nBody\n");

        message.Subject.ShouldBeEmpty();
        message.Text.ShouldBe("Body");
        message.Issues.ShouldHaveSingleItem().Kind.ShouldBe(MimeIssueKind.HeaderTooLarge);
    }

    [Fact]
    public void Parts_beyond_the_limit_are_ignored()
    {
        var parts = string.Concat(Enumerable.Range(0, 50).Select(i => $"--b\nContent-Type: application/octet-stream; name=f{i}.bin\n\n{i}\n"));
        var message = Parse($"Content-Type: multipart/mixed; boundary=b\n\n{parts}--b--\n", MimeLimits.Default with { MaxParts = 10 });

        message.Attachments.Count.ShouldBe(9);
        message.Issues.ShouldBe([new MimeIssue(MimeIssueKind.TooManyParts, "more than 10")]);
    }

    [Fact]
    public void Nesting_beyond_the_limit_is_ignored_without_exhausting_the_stack()
    {
        const int Depth = 5_000;
        var builder = new StringBuilder();
        for (var i = 0; i < Depth; i++)
        {
            builder.Append(CultureInfo.InvariantCulture, $"Content-Type: multipart/mixed; boundary=b{i}\n\n--b{i}\n");
        }

        builder.Append("Content-Type: text/plain\n\ndeep\n");
        for (var i = Depth - 1; i >= 0; i--)
        {
            builder.Append(CultureInfo.InvariantCulture, $"--b{i}--\n");
        }

        var message = Parse(builder.ToString(), MimeLimits.Default with { MaxParts = 100_000 });

        message.Text.ShouldBeEmpty();
        message.Issues.ShouldBe([new MimeIssue(MimeIssueKind.TooDeep, "deeper than 16")]);
    }

    [Fact]
    public void Forwarded_messages_count_towards_the_depth()
    {
        var message = "Subject: innermost\n\ntext\n";
        for (var i = 0; i < 40; i++)
        {
            message = $"Subject: level {i}\nContent-Type: message/rfc822\n\n{message}";
        }

        var parsed = Parse(message);

        parsed.Issues.ShouldBe([new MimeIssue(MimeIssueKind.TooDeep, "deeper than 16")]);
        var depth = 0;
        for (var current = parsed; current.Forwarded.Count > 0; current = current.Forwarded[0])
        {
            depth++;
        }

        depth.ShouldBe(16);
    }

    [Theory]
    [InlineData(32_000_000L, true)]
    [InlineData(20_000_000L, false)]
    public void A_30_MB_attachment_is_accepted_or_left_out_by_the_configured_limit(long limit, bool accepted)
    {
        var content = new byte[30 * 1024 * 1024];
        new Random(8).NextBytes(content);
        var message = Encoding.ASCII.GetBytes(
            $"From: a@b.kz\nContent-Type: multipart/mixed; boundary=b\n\n--b\n\nSee the video.\n--b\nContent-Type: video/mp4\nContent-Disposition: attachment; filename=\"yard.mp4\"\nContent-Transfer-Encoding: base64\n\n"
            + Convert.ToBase64String(content, Base64FormattingOptions.InsertLineBreaks) + "\n--b--\n");

        var parsed = MimeParser.Parse(message, MimeLimits.Default with { MaxAttachmentBytes = limit });

        parsed.Text.ShouldBe("See the video.");
        if (accepted)
        {
            parsed.Attachments.ShouldHaveSingleItem().Content.AsSpan().SequenceEqual(content).ShouldBeTrue();
            parsed.Issues.ShouldBeEmpty();
        }
        else
        {
            parsed.Attachments.ShouldBeEmpty();
            parsed.Issues.ShouldBe([new MimeIssue(MimeIssueKind.AttachmentTooLarge, $"yard.mp4: {content.Length} bytes")]);
        }
    }

    [Fact]
    public void A_message_over_the_size_limit_keeps_its_header_only()
    {
        var message = Parse("From: a@b.kz\nSubject: big\n\n" + new string('x', 5_000), MimeLimits.Default with { MaxMessageBytes = 1_000 });

        message.Subject.ShouldBe("big");
        message.Text.ShouldBeEmpty();
        message.Issues.ShouldHaveSingleItem().Kind.ShouldBe(MimeIssueKind.MessageTooLarge);
    }

    [Fact]
    public void A_zip_bomb_is_kept_as_its_own_bytes_and_never_opened()
    {
        // A ZIP local file header claiming a 4 GB entry: the parser never looks inside attachments.
        var zip = new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x10, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF };
        var message = MimeParser.Parse(Encoding.ASCII.GetBytes(
            $"Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: application/zip; name=\"42.zip\"\nContent-Transfer-Encoding: base64\n\n{Convert.ToBase64String(zip)}\n--b--\n"));

        message.Attachments.ShouldHaveSingleItem().Content.ShouldBe(zip);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n\n")]
    [InlineData("Subject: no body")]
    [InlineData("Subject: empty body\n\n")]
    [InlineData("no colon at all\nanother line")]
    [InlineData("Content-Type: text/plain; charset=\"\nContent-Transfer-Encoding: base64\n\n!!!!")]
    [InlineData("Content-Type: multipart/mixed; boundary=\"\"\n\n--\n--")]
    [InlineData("Content-Type: multipart/mixed; boundary=b\n\n--b--")]
    [InlineData("Content-Type: message/rfc822\n\n")]
    [InlineData("Content-Disposition: attachment; filename*0*=bad'%ZZ; filename*x=1\n\nx")]
    [InlineData("Content-Type: text/plain; format=flowed; delsp=yes\n\n \n")]
    public void A_message_with_no_usable_body_reads_without_throwing(string raw) =>
        Should.NotThrow(() => Parse(raw));

    [Fact]
    public void Random_bytes_never_throw()
    {
        var random = new Random(2026);
        for (var i = 0; i < 300; i++)
        {
            var bytes = new byte[random.Next(0, 4_000)];
            random.NextBytes(bytes);
            if (i % 2 == 0)
            {
                var header = Encoding.ASCII.GetBytes("Content-Type: multipart/mixed; boundary=x\n\n--x\n");
                bytes = [.. header, .. bytes];
            }

            Should.NotThrow(() => MimeParser.Parse(bytes));
        }
    }

    [Fact]
    public void A_message_with_only_an_attachment_has_no_text()
    {
        var message = Parse("Content-Type: application/pdf\nContent-Disposition: attachment; filename=plan.pdf\nContent-Transfer-Encoding: base64\n\nJVBERi0xLjQ=\n");

        message.Text.ShouldBeEmpty();
        message.TextSource.ShouldBe(MailTextSource.None);
        message.Reply.ShouldBe(new MailReply(string.Empty, string.Empty));
        message.Attachments.ShouldHaveSingleItem().Content.ShouldBe(Encoding.ASCII.GetBytes("%PDF-1.4"));
    }

    [Theory]
    [InlineData("attachment; filename*=UTF-8''%D2%9A%D0%B0%D1%80%D1%82%D0%B0.pdf", "Қарта.pdf")]
    [InlineData("attachment; filename*=windows-1251'ru'%CF%EB%E0%ED.pdf", "План.pdf")]
    [InlineData("attachment; filename*0=\"long \"; filename*1=\"name.pdf\"", "long name.pdf")]
    [InlineData("attachment; filename*1*=%D0%B0.pdf; filename*0*=utf-8''%D0%9A%D0%B0%D1%80%D1%82", "Карта.pdf")]
    [InlineData("attachment; filename=\"=?UTF-8?B?0J/Qu9Cw0L0ucGRm?=\"", "План.pdf")]
    [InlineData("attachment; filename=plain.pdf; filename*=UTF-8''%D0%9F.pdf", "П.pdf")]
    [InlineData("attachment; filename=\"C:\\\\Users\\\\a\\\\photo.jpg\"", "photo.jpg")]
    [InlineData("attachment; filename=\"../../etc/passwd\"", "passwd")]
    [InlineData("attachment; filename=\"\"", "attachment-1.pdf")]
    [InlineData("attachment", "attachment-1.pdf")]
    public void File_names_read_from_RFC_2231_encoded_words_and_plain_parameters(string disposition, string expected)
    {
        var message = Parse($"Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: application/pdf\nContent-Disposition: {disposition}\n\n%PDF\n--b--\n");

        message.Attachments.ShouldHaveSingleItem().FileName.ShouldBe(expected);
    }

    [Fact]
    public void A_digest_holds_messages_by_default()
    {
        var message = Parse("Content-Type: multipart/digest; boundary=d\n\n--d\n\nSubject: first\n\none\n--d\n\nSubject: second\n\ntwo\n--d--\n");

        message.Forwarded.Select(m => m.Subject).ShouldBe(["first", "second"]);
    }

    [Fact]
    public void A_signature_part_is_not_an_attachment()
    {
        var message = Parse("Content-Type: multipart/signed; boundary=s; protocol=\"application/pkcs7-signature\"\n\n--s\nContent-Type: text/plain\n\nSigned text\n--s\nContent-Type: application/pkcs7-signature; name=smime.p7s\nContent-Transfer-Encoding: base64\n\nAAAA\n--s--\n");

        message.Text.ShouldBe("Signed text");
        message.Attachments.ShouldBeEmpty();
    }

    [Fact]
    public void A_base64_forwarded_message_is_decoded_before_it_is_read()
    {
        var inner = Convert.ToBase64String(Encoding.UTF8.GetBytes("Subject: =?UTF-8?B?0JbQsNC70L7QsdCw?=\n\nМәтін\n"));
        var message = Parse($"Content-Type: message/rfc822\nContent-Transfer-Encoding: base64\n\n{inner}\n");

        var forwarded = message.Forwarded.ShouldHaveSingleItem();
        forwarded.Subject.ShouldBe("Жалоба");
        forwarded.Text.ShouldBe("Мәтін");
    }
}
