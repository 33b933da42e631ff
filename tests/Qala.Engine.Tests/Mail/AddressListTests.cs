using Qala.Engine.Mail.Mime;

namespace Qala.Engine.Tests.Mail;

public sealed class AddressListTests
{
    public static TheoryData<string, MailboxAddress[]> Lists() => new()
    {
        { "aigul@mail.kz", [new("aigul@mail.kz", null)] },
        { "<aigul@mail.kz>", [new("aigul@mail.kz", null)] },
        { "Айгүл Нұрланова <aigul@mail.kz>", [new("aigul@mail.kz", "Айгүл Нұрланова")] },
        { "\"Nurlanova, Aigul\" <aigul@mail.kz>, bob@example.com", [new("aigul@mail.kz", "Nurlanova, Aigul"), new("bob@example.com", null)] },
        { "=?UTF-8?B?0JDQudCz0q/Quw==?= <aigul@mail.kz>", [new("aigul@mail.kz", "Айгүл")] },
        { "\"=?windows-1251?B?yOLg7e7iIMji4O0=?=\" <ivanov@mail.ru>", [new("ivanov@mail.ru", "Иванов Иван")] },
        { "aigul@mail.kz (Aigul N.)", [new("aigul@mail.kz", "Aigul N.")] },
        { "Council: a@akimat.kz, \"B\" <b@akimat.kz>;, c@akimat.kz", [new("a@akimat.kz", null), new("b@akimat.kz", "B"), new("c@akimat.kz", null)] },
        { "undisclosed-recipients:;", [] },
        { "\"a \\\"quoted\\\" name\" <q@x.kz>", [new("q@x.kz", "a \"quoted\" name")] },
        { "Broken <no-closing@x.kz", [new("no-closing@x.kz", "Broken")] },
        { "", [] },
        { " , ,", [] },
    };

    [Theory]
    [MemberData(nameof(Lists))]
    public void Address_lists_read_as_mail_programs_write_them(string header, MailboxAddress[] expected) =>
        AddressList.Parse(header, new List<MimeIssue>()).ShouldBe(expected);
}
