using Qala.Engine.Mail.Mime;

namespace Qala.Engine.Tests.Mail;

public sealed class ReplySplitterTests
{
    [Theory]
    [InlineData("New text\n\n> old\n> older", "New text", "> old\n> older")]
    [InlineData("New text\n\nOn Mon, 23 Nov 2026 at 10:15, Qala <qala@almaty.gov.kz> wrote:\n> old", "New text", "On Mon, 23 Nov 2026 at 10:15, Qala <qala@almaty.gov.kz> wrote:\n> old")]
    [InlineData("New\n\nOn Mon, 23 Nov 2026 at 10:15, Qala <\nqala@almaty.gov.kz> wrote:\n\n> old", "New", "On Mon, 23 Nov 2026 at 10:15, Qala <\nqala@almaty.gov.kz> wrote:\n\n> old")]
    [InlineData("Новый\n\n23.11.2026 10:15, Qala пишет:\n> старое", "Новый", "23.11.2026 10:15, Qala пишет:\n> старое")]
    [InlineData("Новый\n\nПонедельник, 23 ноября 2026, 10:15 +05:00 от Qala <qala@almaty.gov.kz>:\n> старое", "Новый", "Понедельник, 23 ноября 2026, 10:15 +05:00 от Qala <qala@almaty.gov.kz>:\n> старое")]
    [InlineData("Новый\n\n23 нояб. 2026 г., в 10:15, Иван <ivan@mail.ru> написал(а):\n\nстарое", "Новый", "23 нояб. 2026 г., в 10:15, Иван <ivan@mail.ru> написал(а):\n\nстарое")]
    [InlineData("Жаңа\n\n2026 ж. 20 қар., дс, 09:30 Qala <qala@almaty.gov.kz> жазды:\n> ескі", "Жаңа", "2026 ж. 20 қар., дс, 09:30 Qala <qala@almaty.gov.kz> жазды:\n> ескі")]
    [InlineData("New\n\n-----Original Message-----\nFrom: Qala\nold", "New", "-----Original Message-----\nFrom: Qala\nold")]
    [InlineData("Новый\n\n----- Исходное сообщение -----\nОт: Qala\nстарое", "Новый", "----- Исходное сообщение -----\nОт: Qala\nстарое")]
    [InlineData("New\n\nFrom: Qala <qala@almaty.gov.kz>\nSent: Friday, November 20, 2026 9:30 AM\nTo: me\nold", "New", "From: Qala <qala@almaty.gov.kz>\nSent: Friday, November 20, 2026 9:30 AM\nTo: me\nold")]
    [InlineData("Новый\n\n________________________________\nОт: Qala <qala@almaty.gov.kz>\nОтправлено: 20 ноября 2026 г. 9:30\nстарое", "Новый", "________________________________\nОт: Qala <qala@almaty.gov.kz>\nОтправлено: 20 ноября 2026 г. 9:30\nстарое")]
    [InlineData("Жаңа\n\nКімнен: Qala <qala@almaty.gov.kz>\nЖіберілді: 20 қараша 2026 ж.\nескі", "Жаңа", "Кімнен: Qala <qala@almaty.gov.kz>\nЖіберілді: 20 қараша 2026 ж.\nескі")]
    public void The_quoted_history_is_split_from_the_new_text(string text, string newText, string quoted) =>
        ReplySplitter.Split(text).ShouldBe(new MailReply(newText, quoted));

    [Theory]
    [InlineData("My neighbour wrote:\nthe road is bad.")]
    [InlineData("From: the residents of house 7\nWe ask for a new bench.")]
    [InlineData("Please fix the light.\n\n---------- Forwarded message ---------\nFrom: Neighbour <n@example.com>\nDate: Sun, 22 Nov 2026\nSubject: Light\n\nIt is dark.")]
    [InlineData("Please fix the light.\n\n-------- Пересылаемое сообщение --------\n22.11.2026, 20:11, Сосед:\nТемно.")]
    [InlineData("")]
    public void Text_without_history_is_all_new(string text)
    {
        var reply = ReplySplitter.Split(text);

        reply.Quoted.ShouldBeEmpty();
        reply.NewText.ShouldBe(text);
    }

    [Fact]
    public void A_message_that_is_only_a_quote_has_no_new_text() =>
        ReplySplitter.Split("> only\n> quoted").ShouldBe(new MailReply(string.Empty, "> only\n> quoted"));
}
