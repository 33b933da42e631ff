using System.Text;
using Qala.Web.Infrastructure.Mail.Imap;

namespace Qala.Web.Tests.Mail;

/// <summary>The response parser on responses recorded from Dovecot, Gmail and Exchange.</summary>
public sealed class ImapResponseTests
{
    [Theory]
    [InlineData("* OK [CAPABILITY IMAP4rev1 SASL-IR LITERAL+ STARTTLS AUTH=PLAIN] Dovecot (Debian) ready.", "OK", "CAPABILITY IMAP4rev1 SASL-IR LITERAL+ STARTTLS AUTH=PLAIN", "Dovecot (Debian) ready.")]
    [InlineData("* OK [UIDVALIDITY 1795522619] UIDs valid", "OK", "UIDVALIDITY 1795522619", "UIDs valid")]
    [InlineData("* BYE Logging out", "BYE", null, "Logging out")]
    [InlineData("* PREAUTH IMAP4rev1 server logged in as Smith", "PREAUTH", null, "IMAP4rev1 server logged in as Smith")]
    [InlineData("* OK", "OK", null, "")]
    [InlineData("* ok [ALERT] lower case status", "OK", "ALERT", "lower case status")]
    public void Untagged_status_responses_carry_status_code_and_text(string line, string status, string? code, string text)
    {
        var response = ImapResponse.Parse(line, []);

        response.Kind.ShouldBe(ImapResponseKind.Untagged);
        response.Status.ShouldBe(status);
        response.Code.ShouldBe(code);
        response.Text.ShouldBe(text);
    }

    [Theory]
    [InlineData("Q0003 OK [READ-WRITE] Select completed (0.003 + 0.000 secs).", "OK", "READ-WRITE")]
    [InlineData("Q0002 NO [AUTHENTICATIONFAILED] Authentication failed.", "NO", "AUTHENTICATIONFAILED")]
    [InlineData("Q0009 BAD Error in IMAP command UID: Invalid uidset", "BAD", null)]
    [InlineData("Q0005 OK [APPENDUID 1795522619 7] Append completed.", "OK", "APPENDUID 1795522619 7")]
    public void Tagged_responses_end_a_command(string line, string status, string? code)
    {
        var response = ImapResponse.Parse(line, []);

        response.Kind.ShouldBe(ImapResponseKind.Tagged);
        response.Tag.ShouldBe(line.Split(' ')[0]);
        response.Status.ShouldBe(status);
        response.Code.ShouldBe(code);
    }

    [Theory]
    [InlineData("+ ", "")]
    [InlineData("+ Ready for literal data", "Ready for literal data")]
    [InlineData("+", "")]
    public void A_continuation_request_asks_for_the_rest(string line, string text)
    {
        var response = ImapResponse.Parse(line, []);

        response.Kind.ShouldBe(ImapResponseKind.Continuation);
        response.Text.ShouldBe(text);
    }

    [Fact]
    public void A_fetch_with_a_literal_keeps_the_bytes_exactly()
    {
        var message = Encoding.UTF8.GetBytes("Subject: Сәлем\r\n\r\nМәтін\r\n");

        var response = ImapResponse.Parse("* 12 FETCH (UID 4827 RFC822.SIZE 31 FLAGS (\\Seen $Forwarded) BODY[] \0)", [message]);

        response.Values.Count.ShouldBe(3);
        response.Values[0].ShouldBe(new ImapAtom("12"));
        response.Values[1].ShouldBe(new ImapAtom("FETCH"));
        var items = response.Values[2].ShouldBeOfType<ImapList>().Items;
        items[0].ShouldBe(new ImapAtom("UID"));
        items[1].ShouldBeOfType<ImapAtom>().Number.ShouldBe(4827u);
        items[5].ShouldBeOfType<ImapList>().Items.ShouldBe([new ImapAtom("\\Seen"), new ImapAtom("$Forwarded")]);
        items[6].ShouldBe(new ImapAtom("BODY[]"));
        items[7].ShouldBeOfType<ImapString>().Bytes.ShouldBe(message);
    }

    [Fact]
    public void Section_specifiers_with_spaces_and_partial_ranges_are_one_atom()
    {
        var response = ImapResponse.Parse("* 1 FETCH (BODY[HEADER.FIELDS (FROM SUBJECT)] \0 BODY[]<0> \"x\")", ["From: a\r\n\r\n"u8.ToArray()]);

        var items = response.Values[2].ShouldBeOfType<ImapList>().Items;
        items[0].ShouldBe(new ImapAtom("BODY[HEADER.FIELDS (FROM SUBJECT)]"));
        items[2].ShouldBe(new ImapAtom("BODY[]<0>"));
        items[3].ShouldBeOfType<ImapString>().Text.ShouldBe("x");
    }

    [Fact]
    public void Quoted_strings_unescape_and_NIL_is_nil()
    {
        var response = ImapResponse.Parse("* LIST (\\HasNoChildren) \"/\" \"Archive \\\"2026\\\" \\\\ done\"", []);
        var envelope = ImapResponse.Parse("* 1 FETCH (ENVELOPE (NIL \"subject\" ((\"Name\" NIL \"a\" \"b.kz\")) nil))", []);

        response.Values[3].ShouldBeOfType<ImapString>().Text.ShouldBe("Archive \"2026\" \\ done");
        var parts = envelope.Values[2].ShouldBeOfType<ImapList>().Items[1].ShouldBeOfType<ImapList>().Items;
        parts[0].ShouldBe(ImapNil.Value);
        parts[2].ShouldBeOfType<ImapList>().Items[0].ShouldBeOfType<ImapList>().Items[1].ShouldBe(ImapNil.Value);
        parts[3].ShouldBe(ImapNil.Value);
    }

    [Theory]
    [InlineData("* SEARCH", new uint[0])]
    [InlineData("* SEARCH 2 84 882", new uint[] { 2, 84, 882 })]
    [InlineData("* 18 EXISTS", new uint[] { 18 })]
    public void Numbers_read_as_numbers(string line, uint[] expected) =>
        ImapResponse.Parse(line, []).Values.OfType<ImapAtom>().Select(a => a.Number).OfType<uint>().ShouldBe(expected);

    [Theory]
    [InlineData("garbage")]
    [InlineData("Q0001 HELLO there")]
    [InlineData("* 1 FETCH (UID 1")]
    [InlineData("* 1 FETCH (BODY[] \"unterminated)")]
    [InlineData("* 1 FETCH (BODY[] \0)")]
    public void A_malformed_response_is_a_connection_error(string line) =>
        Should.Throw<ImapConnectionException>(() => ImapResponse.Parse(line, []));

    [Theory]
    [InlineData("INBOX", "INBOX")]
    [InlineData("Өңделген", "&BOgEowQ0BDUEOwQzBDUEPQ-")]
    [InlineData("Обработано/2026", "&BB4EMQRABDAEMQQ+BEIEMAQ9BD4-/2026")]
    [InlineData("R&D", "R&-D")]
    [InlineData("~peter/mail/台北/日本語", "~peter/mail/&U,BTFw-/&ZeVnLIqe-")]
    public void Mailbox_names_travel_as_modified_UTF_7(string name, string encoded)
    {
        ImapMailboxName.Encode(name).ShouldBe(encoded);
        ImapMailboxName.Decode(encoded).ShouldBe(name);
    }

    [Theory]
    [InlineData(new uint[] { 1, 2, 3, 7 }, "1:3,7")]
    [InlineData(new uint[] { 9, 3, 4, 3, 10, 11 }, "3:4,9:11")]
    [InlineData(new uint[] { 5 }, "5")]
    [InlineData(new uint[] { 0 }, "")]
    [InlineData(new uint[0], "")]
    public void Uid_sets_are_written_as_ranges(uint[] uids, string expected) => ImapClient.UidSet(uids).ShouldBe(expected);
}
