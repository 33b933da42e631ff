using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Qala.Web.Features.Participation;
using Qala.Web.Features.Participation.Mail;
using Qala.Web.Features.Programs;
using Qala.Web.Features.Territories;

namespace Qala.Web.Data.Seeding;

/// <summary>
/// The public discussion of the "Almaty-2020" program as the seed reports it: 90 thematic meetings with 12,500
/// participants and 417,000 people reached, 900 suggestions raised at the meetings and 478 sent to the special e-mail
/// address, a public council, and the topics citizens raised (ecology, public transport, street lighting, illegal
/// parking, storm sewers, the former districts of the region, corruption, law and order) — with decisions, some linked
/// to program items; plus a discussion open today. Suggestion texts are invented from those topics in kk, ru and en.
/// The topic model then learns from them. Loaded with the demo statistics, once.
/// </summary>
internal sealed class DemoParticipation(QalaDbContext db, TopicTraining training)
{
    private const string By = "demo";
    private const string Almaty = "750000000";

    private static readonly string[] Places = ["Aksai-1", "Orbita", "Samal", "Zhetysu", "Kalkaman", "Shanyrak", "Nurkent", "Almagul", "Tastak", "Mamyr", "Tausamaly", "Kulager"];

    private static readonly string[] Groups =
    [
        "civil society", "trade unions", "industry associations", "second-tier banks", "education", "health care", "mass media", "bloggers",
        "Bolashak graduates", "culture", "sport", "experts", "industrial companies", "small and medium business", "university rectors", "youth",
        "ethnocultural associations", "pensioners",
    ];

    /// <summary>Per topic code, templates in kk, ru and en; {0} is a micro-district.</summary>
    private static readonly (string Topic, string[] Kk, string[] Ru, string[] En)[] Templates =
    [
        ("ecology",
            ["{0} шағынауданында ағаш отырғызып, жасыл аймақтарды көбейту керек.", "{0} маңындағы қоқыс полигонын жабыңыздар, ауа ластанып жатыр.", "{0} ауданында жеке үйлерді газға қосу арқылы түтінді азайтыңыздар."],
            ["Посадить деревья и расширить зелёные зоны в микрорайоне {0}.", "Закрыть свалку возле {0}, воздух загрязнён.", "Перевести частные дома в {0} на газ, чтобы уменьшить смог."],
            ["Plant trees and add green areas in the {0} micro-district.", "Close the landfill near {0}: the air is polluted.", "Connect the private houses of {0} to gas to cut the smog."]),
        ("public-transport",
            ["{0} шағынауданына автобус бағыттарын көбейту керек.", "{0} аялдамаларында автобусты 30 минут күтеміз, кесте керек.", "{0} мен орталықты метро немесе LRT арқылы қосыңыздар."],
            ["Добавить автобусные маршруты в микрорайон {0}.", "На остановках {0} автобус ждём по 30 минут, нужен график.", "Соединить {0} с центром метро или LRT."],
            ["Add bus routes to the {0} micro-district.", "At the stops of {0} we wait 30 minutes for a bus: publish a timetable.", "Link {0} to the centre by metro or light rail."]),
        ("street-lighting",
            ["{0} көшелерінде кешке жарық жоқ, шамдар орнатыңыздар.", "{0} саябағындағы жол шамдарын жөндеу керек."],
            ["На улицах {0} вечером темно, установите фонари.", "Починить фонари в сквере {0}."],
            ["The streets of {0} are dark at night: install street lights.", "Repair the lamps in the {0} square."]),
        ("parking",
            ["{0} аулаларындағы заңсыз тұрақтарды реттеңіздер.", "{0} тротуарларына көлік қоюға тыйым салыңыздар."],
            ["Навести порядок с незаконными парковками во дворах {0}.", "Запретить парковку на тротуарах в {0}."],
            ["Deal with the illegal parking in the yards of {0}.", "Ban parking on the pavements of {0}."]),
        ("storm-sewers",
            ["Жаңбырдан кейін {0} көшелерін су басады, нөсер кәрізін салыңыздар.", "{0} арықтарын тазалау керек."],
            ["После дождя улицы {0} затапливает, нужна ливневая канализация.", "Почистить арыки в {0}."],
            ["After rain the streets of {0} flood: build storm sewers.", "Clean the irrigation ditches of {0}."]),
        ("urban-planning",
            ["Облыстан қосылған {0} ауданына су мен кәріз жүргізіңіздер.", "{0} ауданына мектеп пен емхана салу жоспарын жасаңыздар."],
            ["Провести воду и канализацию в {0}, присоединённый из области.", "Составить план строительства школы и поликлиники в {0}."],
            ["Bring water and sewerage to {0}, which joined the city from the region.", "Plan a school and a clinic for {0}."]),
        ("corruption",
            ["{0} ауданында жер телімін рәсімдеу үшін пара сұрады.", "{0} бойынша құрылыс рұқсатын ақшасыз бермейді."],
            ["В {0} за оформление земельного участка требовали взятку.", "Разрешение на строительство в {0} не дают без денег."],
            ["In {0} an official asked for a bribe to register a land plot.", "Building permits in {0} are not issued without a payment."]),
        ("safety",
            ["{0} шағынауданында кешке полиция патрулін көбейтіңіздер.", "{0} саябағына бейнебақылау камераларын орнатыңыздар."],
            ["Усилить вечерние полицейские патрули в {0}.", "Установить камеры видеонаблюдения в парке {0}."],
            ["More evening police patrols in {0}, please.", "Install CCTV cameras in the {0} park."]),
    ];

    public async Task<bool> SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Set<Consultation>().AnyAsync(cancellationToken))
        {
            return false;
        }

        var almaty = await db.Set<Territory>().SingleAsync(t => t.Code == Almaty, cancellationToken);
        var districts = await db.Set<Territory>().Where(t => t.ParentId == almaty.Id && t.ValidTo == null).OrderBy(t => t.Code).ToListAsync(cancellationToken);
        var topics = await db.Set<Topic>().ToDictionaryAsync(t => t.Code, StringComparer.Ordinal, cancellationToken);
        var routes = await db.Set<TopicRoute>().Where(r => r.TerritoryId == almaty.Id).ToDictionaryAsync(r => r.TopicId, r => r.AgencyId, cancellationToken);
        var goal = await db.Set<ProgramGoal>().Where(g => g.Direction!.Program!.TerritoryId == almaty.Id).OrderBy(g => g.Id).Select(g => (int?)g.Id).FirstOrDefaultAsync(cancellationToken);

        var discussion = Consultation.Create(
            LocalizedText.Of("«Алматы-2020» даму бағдарламасын қоғамдық талқылау", "Общественное обсуждение программы развития «Алматы-2020»", "Public discussion of the Almaty-2020 development program"),
            LocalizedText.Of(
                "Бағдарламаны пысықтау үшін тұрғындардың пікірі мен ұсыныстары: тақырыптық кездесулер, almaty2020@a-a.kz арнайы мекенжайы және қоғамдық кеңес.",
                "Мнения и предложения жителей для доработки программы: тематические встречи, специальный адрес almaty2020@a-a.kz и общественный совет.",
                "The residents' opinions and suggestions for refining the program: thematic meetings, the special address almaty2020@a-a.kz and a public council."),
            almaty.Id, new DateOnly(2015, 9, 1), new DateOnly(2015, 12, 15), By, new DateTimeOffset(2015, 8, 20, 4, 0, 0, TimeSpan.Zero));
        discussion.PublicCouncil = "Public opinion leaders, heads of NGOs, business associations, party leaders, deputies of the maslikhat and state bodies";
        foreach (var phase in new[] { ConsultationPhase.Open, ConsultationPhase.Summarising, ConsultationPhase.ReportPublished })
        {
            discussion.MoveTo(phase, By, new DateTimeOffset(2015, 12, 20, 4, 0, 0, TimeSpan.Zero));
        }

        db.Add(discussion);

        // 90 meetings: 12,500 participants (80 × 139 + 10 × 138) and 417,000 reached (30 × 4,634 + 60 × 4,633).
        var meetings = new List<ThematicMeeting>();
        for (var i = 0; i < 90; i++)
        {
            meetings.Add(new ThematicMeeting
            {
                Consultation = discussion,
                HeldOn = new DateOnly(2015, 9, 7).AddDays(i),
                Topic = string.Create(CultureInfo.InvariantCulture, $"Almaty-2020 with {Groups[i % Groups.Length]}"),
                Venue = "Akimat of Almaty",
                DistrictId = districts.Count == 0 ? null : districts[i % districts.Count].Id,
                Organiser = "Strategy office of the akimat",
                Participants = i < 80 ? 139 : 138,
                Reach = i < 30 ? 4_634 : 4_633,
            });
        }

        db.AddRange(meetings);
        await db.SaveChangesAsync(cancellationToken);

        // 900 suggestions from the meetings and 478 from the e-mail address.
        for (var n = 0; n < 900 + 478; n++)
        {
            var meeting = n < 900 ? meetings[n % meetings.Count] : null;
            var submitted = meeting is null
                ? new DateTimeOffset(2015, 9, 1, 6, 0, 0, TimeSpan.Zero).AddHours(n * 5)
                : new DateTimeOffset(meeting.HeldOn.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
            var suggestion = Demo(n, meeting?.Id, discussion, districts, submitted, topics, out var topic);
            if (routes.TryGetValue(topic.Id, out var agency))
            {
                suggestion.RouteTo(agency, DateOnly.FromDateTime(submitted.UtcDateTime).AddDays(21));
            }

            suggestion.Publish(By, submitted.AddDays(1));

            if (n % 5 != 4)
            {
                suggestion.Decide(Answer(topic.Code, suggestion.Language, n, goal), By, submitted.AddDays(14));
            }

            db.Add(suggestion);
        }

        await db.SaveChangesAsync(cancellationToken);
        await SeedOpenDiscussionAsync(almaty, districts, topics, cancellationToken);
        await training.TrainAsync(cancellationToken);
        return true;
    }

    /// <summary>A discussion open today: a citizen of the demo can send a suggestion and follow it.</summary>
    private async Task SeedOpenDiscussionAsync(Territory almaty, List<Territory> districts, Dictionary<string, Topic> topics, CancellationToken cancellationToken)
    {
        var open = Consultation.Create(
            LocalizedText.Of("Алматы қаласының 2030 жылға дейінгі даму бағдарламасын талқылау", "Обсуждение программы развития Алматы до 2030 года", "Discussion of the Almaty development program to 2030"),
            LocalizedText.Of("Бағдарлама жобасы бойынша ұсыныстар қабылданады.", "Принимаются предложения по проекту программы.", "Suggestions on the draft program are welcome."),
            almaty.Id, new DateOnly(2026, 11, 1), new DateOnly(2027, 1, 31), By, new DateTimeOffset(2026, 10, 25, 4, 0, 0, TimeSpan.Zero));
        open.MoveTo(ConsultationPhase.Open, By, new DateTimeOffset(2026, 11, 1, 4, 0, 0, TimeSpan.Zero));
        db.Add(open);
        await db.SaveChangesAsync(cancellationToken);

        // A sample of the discussion's mailbox, switched off: the demo needs no mail server; an administrator enters
        // a real server and password on /participation/mailbox.
        db.Add(new Mailbox { Host = "imap.example.kz", UserName = "ideas@almaty.example.kz", ConsultationId = open.Id, Enabled = false });
        await db.SaveChangesAsync(cancellationToken);
        for (var n = 0; n < 24; n++)
        {
            var suggestion = Demo(n + 7, null, open, districts, new DateTimeOffset(2026, 11, 2, 6, 0, 0, TimeSpan.Zero).AddHours(n * 9), topics, out _);
            suggestion.Channel = SuggestionChannel.WebForm;
            suggestion.EnteredBy = null;
            if (n == 5)
            {
                suggestion.Hide("Abusive language", By, suggestion.SubmittedAt.AddHours(6));
            }
            else if (n % 3 == 0)
            {
                suggestion.Publish(By, suggestion.SubmittedAt.AddHours(6));
            }

            db.Add(suggestion);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static Suggestion Demo(int n, int? meetingId, Consultation consultation, List<Territory> districts, DateTimeOffset submitted, Dictionary<string, Topic> topics, out Topic topic)
    {
        var (code, kk, ru, en) = Templates[n % Templates.Length];
        var language = ((n / Templates.Length) % 20) switch { < 11 => "ru", < 17 => "kk", _ => "en" };
        var templates = language switch { "kk" => kk, "ru" => ru, _ => en };
        var text = string.Format(CultureInfo.InvariantCulture, templates[(n / 7) % templates.Length], Places[(n / 3) % Places.Length]);
        topic = topics[code];
        var suggestion = new Suggestion
        {
            Consultation = consultation,
            Channel = meetingId is null ? SuggestionChannel.Email : SuggestionChannel.Meeting,
            MeetingId = meetingId,
            Text = text,
            Language = language,
            TerritoryId = consultation.TerritoryId,
            DistrictId = districts.Count == 0 ? null : districts[n % districts.Count].Id,
            SubmittedAt = submitted,
            EnteredBy = meetingId is null ? null : By,
        };
        suggestion.ChooseTopic(topic, By);
        return suggestion;
    }

    /// <summary>The akimat's answers, in the language the citizen wrote in.</summary>
    private static readonly Dictionary<string, string[]> Answers = new(StringComparer.Ordinal)
    {
        ["kk"] =
        [
            "Тексеру үшін Сыбайлас жемқорлыққа қарсы іс-қимыл агенттігіне жолданды.", "Бағдарламаның 2016–2020 жылдарға арналған мақсаттарына енгізілді.",
            "Қаланың бағдарламаларында жоспарланған.", "Бағдарламаны іске асыру жөніндегі іс-шаралар жоспарында ескерілді.", "Бағдарламаға енгізілмеді.",
            "Бұл нақты шара емес, тұжырымдамалық ұсыныс; іс-шаралар жоспарын әзірлегенде қаралады.",
        ],
        ["ru"] =
        [
            "Направлено на проверку в Агентство по противодействию коррупции.", "Включено в цели программы на 2016–2020 годы.",
            "Уже запланировано в программах города.", "Учтено в плане мероприятий по реализации программы.", "Не включено в программу.",
            "Это концептуальное предложение, а не конкретная мера; оно будет рассмотрено при разработке плана мероприятий.",
        ],
        ["en"] =
        [
            "Passed to the Anti-Corruption Agency for checking.", "Included in the program's goals for 2016–2020.",
            "Already planned in the city's programs.", "Taken into account in the plan of activities for implementing the program.", "Not included in the program.",
            "It is conceptual rather than a concrete measure; it will be considered when the plan of activities is drawn up.",
        ],
    };

    private static SuggestionAnswer Answer(string topic, string language, int n, int? goal)
    {
        var text = Answers[language];
        return (topic, n % 4) switch
        {
            ("corruption", _) => new SuggestionAnswer(SuggestionDecision.Forwarded, text[0], null, null, null, "Anti-Corruption Agency of the Republic of Kazakhstan"),
            (_, 0) when goal is not null => new SuggestionAnswer(SuggestionDecision.Included, text[1], null, goal, null, null),
            (_, 2) when goal is not null => new SuggestionAnswer(SuggestionDecision.AlreadyPlanned, text[2], null, goal, null, null),
            (_, < 3) => new SuggestionAnswer(SuggestionDecision.PartlyTaken, text[3], null, null, null, null),
            _ => new SuggestionAnswer(SuggestionDecision.NotAccepted, text[4], text[5], null, null, null),
        };
    }
}
