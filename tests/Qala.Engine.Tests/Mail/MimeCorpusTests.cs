using System.Text;
using Qala.Engine.Mail.Mime;

namespace Qala.Engine.Tests.Mail;

/// <summary>Messages written like those real mail programs send, each read with its own line ends and with CRLF.</summary>
public sealed class MimeCorpusTests
{
    public sealed record Expected(
        string File,
        string FromAddress,
        string? FromName,
        string Subject,
        MailTextSource Source,
        string NewTextStart,
        string NewTextEnd,
        string QuotedStart,
        string[] Attachments,
        int Forwarded = 0,
        bool IsDeliveryReport = false);

    public static TheoryData<Expected, bool> Corpus()
    {
        Expected[] cases =
        [
            new("outlook-ru-windows1251.eml", "ivanov.ip@mail.ru", "Иванов Иван", "RE: Ваше обращение зарегистрировано", MailTextSource.Plain,
                "Добрый день!\n\nПрошу рассмотреть предложение по освещению парка имени Гагарина: вечером\nтам",
                "тел. +7 701 234 56 78", "________________________________\nОт: Qala", ["Схема парка.pdf"]),
            new("gmail-kk-reply.eml", "aigul.nurlanova@gmail.com", "Айгүл Нұрланова", "Re: Абай даңғылындағы аялдама туралы ұсыныс", MailTextSource.Plain,
                "Сәлеметсіз бе!", "Рахмет,\nАйгүл", "2026 ж. 20 қар., дс, 09:30 Qala <qala@almaty.gov.kz> жазды:\n\n> Құрметті Айгүл!", []),
            new("apple-mail-en-photo.eml", "d.brooks@icloud.com", "Daniel Brooks", "Broken playground fence on Zheltoksan street", MailTextSource.Plain,
                "Hello, the fence around the playground behind house 112 is broken and children can reach the road. Photo below.",
                "Thank you,\nDaniel", "> On 20 Nov 2026, at 09:30, Qala <qala@almaty.gov.kz> wrote:", ["IMG_0042.jpeg"]),
            new("thunderbird-ru-koi8r.eml", "s.petrov@yandex.ru", "Сергей Петров", "Мусор во дворе", MailTextSource.Plain,
                "Здравствуйте!\n\nВо дворе дома 15 по улице Сатпаева уже месяц не вывозят мусор. Контейнеры переполнены",
                "фото во вложении.", "23.11.2026 10:15, Qala пишет:\n> Уточните, пожалуйста, адрес.", ["Фото мусорных баков у дома 15.jpg"]),
            new("mailru-mobile-ru-html-only.eml", "kim.a@mail.ru", "Алексей Ким", "Re: Ремонт дороги", MailTextSource.Html,
                "Добрый день! Когда отремонтируют дорогу на Розыбакиева?", "Отправлено из Почты Mail.ru",
                "Понедельник, 23 ноября 2026, 10:15 +05:00 от Qala <qala@almaty.gov.kz>:\n> Ваше обращение рассмотрено & передано в управление.", []),
            new("thunderbird-en-forward-as-attachment.eml", "marat.s@example.kz", "Marat Seitkali", "Fwd: Water leak in the basement", MailTextSource.Plain,
                "Forwarding my neighbour's letter", "please send someone to house 7.", string.Empty, [], Forwarded: 1),
            new("postfix-bounce.eml", "MAILER-DAEMON@mx.almaty.gov.kz", "Mail Delivery System", "Undelivered Mail Returned to Sender", MailTextSource.Plain,
                "This is the mail system at host mx.almaty.gov.kz.", "Recipient address rejected: User unknown", string.Empty,
                ["attachment-1.txt", "attachment-2.txt"], IsDeliveryReport: true),
            new("outlook-en-original-message.eml", "s.akhmetova@corp.example.kz", "Saule Akhmetova", "RE: Bus route 92", MailTextSource.Plain,
                "Route 92 should stop at the new clinic on Tole bi", "Saule", "-----Original Message-----\nFrom: Qala", []),
            new("iphone-kk.eml", "erlan.s@icloud.com", "Ерлан Сәрсенбаев", "Бағдаршам", MailTextSource.Plain,
                "Сәлеметсіз бе! Жамбыл көшесіндегі бағдаршам үш күннен бері жұмыс істемейді.", "iPhone құрылғысынан жіберілді", string.Empty, []),
            new("gmail-ru-inline-forward.eml", "samat.ospanov@gmail.com", "Самат Оспанов", "Fwd: Детская площадка", MailTextSource.Plain,
                "Добрый день! Пересылаю письмо соседей, прошу рассмотреть.\n\n---------- Пересылаемое сообщение ---------\nОт: Жильцы дома 21",
                "Просим установить освещение на детской площадке во дворе дома 21.", string.Empty, []),
            new("outlook-kk-embedded-picture.eml", "d.zhumabekova@outlook.kz", "Динара Жұмабекова", "RE: Өтінішіңіз тіркелді", MailTextSource.Plain,
                "Құрметті әкімдік!", "Құрметпен,\nДинара Жұмабекова", "Кімнен: Qala <qala@almaty.gov.kz>\nЖіберілді: 20 қараша 2026 ж. 9:30", ["image001.png"]),
        ];
        var data = new TheoryData<Expected, bool>();
        foreach (var expected in cases)
        {
            data.Add(expected, false);
            data.Add(expected, true);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public void A_message_from_a_real_mail_program_reads_completely(Expected expected, bool crlf)
    {
        var message = MimeParser.Parse(Read(expected.File, crlf));

        message.Issues.ShouldBeEmpty();
        message.From.ShouldBe(new MailboxAddress(expected.FromAddress, expected.FromName));
        message.Subject.ShouldBe(expected.Subject);
        message.TextSource.ShouldBe(expected.Source);
        message.Reply.NewText.ShouldStartWith(expected.NewTextStart);
        message.Reply.NewText.ShouldEndWith(expected.NewTextEnd);
        message.Reply.Quoted.ShouldStartWith(expected.QuotedStart);
        message.Attachments.Select(a => a.FileName).ShouldBe(expected.Attachments);
        message.Forwarded.Count.ShouldBe(expected.Forwarded);
        message.IsDeliveryReport.ShouldBe(expected.IsDeliveryReport);
        message.Date.ShouldNotBeNull();
        message.MessageId.ShouldNotBeNullOrEmpty();
        message.Text.ShouldNotContain("\r");
    }

    [Fact]
    public void Outlook_gives_recipients_thread_identifiers_and_the_attachment_bytes()
    {
        var message = MimeParser.Parse(Read("outlook-ru-windows1251.eml"));

        message.To.ShouldBe([new MailboxAddress("otinish@almaty.gov.kz", "Акимат Алматы")]);
        message.MessageId.ShouldBe("DB9PR02MB7292A1C5E8F1A0B3C@DB9PR02MB7292.eurprd02.prod.outlook.com");
        message.InReplyTo.ShouldBe("qala-2026-118@almaty.gov.kz");
        message.References.ShouldBe(["qala-2026-118@almaty.gov.kz"]);
        message.Date.ShouldBe(new DateTimeOffset(2026, 11, 23, 5, 14, 58, TimeSpan.Zero));
        var pdf = message.Attachments.ShouldHaveSingleItem();
        pdf.ContentType.ShouldBe("application/pdf");
        Encoding.ASCII.GetString(pdf.Content).ShouldStartWith("%PDF-1.4");
        message.Header("Thread-Topic").ShouldBe("Ваше обращение зарегистрировано");
    }

    [Fact]
    public void Apple_Mail_keeps_the_inline_photo_byte_for_byte()
    {
        var message = MimeParser.Parse(Read("apple-mail-en-photo.eml"));

        var photo = message.Attachments.ShouldHaveSingleItem();
        photo.ContentType.ShouldBe("image/jpeg");
        photo.Content[..4].ShouldBe(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 });
        photo.Content[^2..].ShouldBe(new byte[] { 0xFF, 0xD9 });
        photo.Content.Length.ShouldBe(6 + 5 + 256 + 2);
    }

    [Fact]
    public void A_picture_embedded_in_Outlook_HTML_is_an_attachment_with_its_content_id()
    {
        var message = MimeParser.Parse(Read("outlook-kk-embedded-picture.eml"));

        var picture = message.Attachments.ShouldHaveSingleItem();
        picture.ContentType.ShouldBe("image/png");
        picture.ContentId.ShouldBe("image001.png@01DB3D8A.1A2B3C40");
        picture.Content[..4].ShouldBe(new byte[] { 0x89, 0x50, 0x4E, 0x47 });
    }

    [Fact]
    public void A_message_forwarded_as_an_attachment_is_read_as_a_message_with_its_own_attachment()
    {
        var message = MimeParser.Parse(Read("thunderbird-en-forward-as-attachment.eml"));

        var forwarded = message.Forwarded.ShouldHaveSingleItem();
        forwarded.From.ShouldBe(new MailboxAddress("neighbour@example.com", "Neighbour"));
        forwarded.Subject.ShouldBe("Water leak in the basement");
        forwarded.Text.ShouldBe("Water has been leaking into the basement of house 7 for three days.");
        var csv = forwarded.Attachments.ShouldHaveSingleItem();
        csv.FileName.ShouldBe("readings.csv");
        Encoding.UTF8.GetString(csv.Content).ReplaceLineEndings("\n").ShouldBe("day,litres\n1,120\n2,180\n");
    }

    [Fact]
    public void A_bounce_is_recognised_and_keeps_its_delivery_report()
    {
        var message = MimeParser.Parse(Read("postfix-bounce.eml"));

        message.Header("Auto-Submitted").ShouldBe("auto-replied");
        message.Attachments[0].ContentType.ShouldBe("message/delivery-status");
        Encoding.ASCII.GetString(message.Attachments[0].Content).ShouldContain("Status: 5.1.1");
        message.Attachments[1].ContentType.ShouldBe("text/rfc822-headers");
    }

    [Fact]
    public void The_html_alternative_is_not_read_when_there_is_plain_text()
    {
        var message = MimeParser.Parse(Read("gmail-kk-reply.eml"));

        message.Text.ShouldNotContain("gmail_quote");
        message.Text.ShouldNotContain("<div");
        message.Reply.Quoted.ShouldContain("Сіздің ұсынысыңыз тіркелді, нөмірі 2026-204.");
    }

    internal static byte[] Read(string file, bool crlf = false)
    {
        var bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Mail", "Corpus", file));
        if (!crlf)
        {
            return bytes;
        }

        var converted = new List<byte>(bytes.Length + 200);
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == '\n' && (i == 0 || bytes[i - 1] != '\r'))
            {
                converted.Add((byte)'\r');
            }

            converted.Add(bytes[i]);
        }

        return [.. converted];
    }
}
