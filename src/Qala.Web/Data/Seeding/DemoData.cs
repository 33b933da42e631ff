using Qala.Web.Features.SourceFacts;

namespace Qala.Web.Data.Seeding;

/// <summary>
/// The demo data: the official texts about Shymkent, Almaty and Karaganda that Qala was designed from, and the figures
/// they state. Every figure carries the sentence it was read from, which must occur in its document word for word.
/// </summary>
internal static class DemoData
{
    private const string Almaty = "750000000";
    private const string Shymkent = "790000000";
    private const string Karaganda = "350000000";

    public static IReadOnlyList<DocumentSeed> Documents { get; } =
    [
        new("almaty-2019-en", "Head of State held a meeting on Almaty's development", "en", new DateOnly(2019, 10, 29),
            "Akorda press service (Strategy 2050)", Almaty,
            [
                new("almaty.industrial-zone.companies-registered", "Индустриялық аймақта тіркелген компаниялар",
                    "Компании, зарегистрированные в индустриальной зоне", "Companies registered in the industrial zone",
                    33, FactQualifier.Exactly, Units.Companies, 2019,
                    "where 33 companies have been registered and over 156 billion tenge were invested"),
                new("almaty.industrial-zone.investment", "Индустриялық аймаққа салынған инвестиция",
                    "Инвестиции в индустриальную зону", "Investment in the industrial zone",
                    156, FactQualifier.MoreThan, Units.BillionTenge, 2019,
                    "where 33 companies have been registered and over 156 billion tenge were invested"),
                new("almaty.industrial-zone.enterprises-commissioned", "Аймақ құрылғаннан бері 7 жылда іске қосылған кәсіпорындар",
                    "Предприятия, введённые в эксплуатацию за 7 лет с создания зоны", "Enterprises commissioned in the 7 years since the zone was created",
                    6, FactQualifier.Exactly, Units.Enterprises, 2019,
                    "in 7 years since the creation of this zone, only 6 new enterprises were commissioned"),
                new("almaty.industrial-zone.plants-launched-this-year", "Биыл іске қосылған шағын зауыттар",
                    "Малые заводы, запущенные в этом году", "Small plants launched this year",
                    1, FactQualifier.Exactly, Units.Enterprises, 2019,
                    "only 1 small plant has been launched this year"),
                new("almaty.cars-entering-daily", "Қала кіреберісінен күн сайын кіретін көліктер",
                    "Автомобили, ежедневно въезжающие в город", "Cars entering the city every day",
                    200_000, FactQualifier.MoreThan, Units.CarsPerDay, 2019,
                    "more than 200 thousand cars drive into the city only from Kaskelen, Kapshagay, Talgar and through the Kuldzhinsky tract"),
                new("almaty.mountain-cluster.investment", "Тау кластерінің бас жоспары тартатын инвестиция",
                    "Инвестиции, которые может привлечь мастер-план горных локаций", "Investment the master plan of mountain locations can attract",
                    2, FactQualifier.MoreThan, Units.BillionDollars, null,
                    "This project can attract more than 2 billion dollars of investment and create at least 30 thousand workplaces"),
                new("almaty.mountain-cluster.jobs", "Тау кластерінің бас жоспары ашатын жұмыс орындары",
                    "Рабочие места, которые создаст мастер-план горных локаций", "Workplaces the master plan of mountain locations can create",
                    30_000, FactQualifier.AtLeast, Units.Workplaces, null,
                    "This project can attract more than 2 billion dollars of investment and create at least 30 thousand workplaces"),
            ]),
        new("almaty-2020-program-en", "«Almaty-2020» development program", "en", null,
            "Akimat of Almaty city (official website)", Almaty,
            [
                new("almaty.share-of-gdp", "Алматының ел ЖІӨ-індегі үлесі", "Доля Алматы в ВВП страны", "Almaty's share of the country's GDP",
                    20.9m, FactQualifier.Exactly, Units.Percent, null, "Almaty supplies 20,9% of GDP countrywide"),
                new("almaty.share-of-taxes", "Алматының салықтар мен салықтық емес түсімдердегі үлесі",
                    "Доля Алматы в налоговых и неналоговых поступлениях", "Almaty's share of tax and non-tax revenues",
                    32, FactQualifier.Exactly, Units.Percent, null, "32% of all taxes and non-tax revenues"),
                new("almaty.share-of-trade", "Алматының сауда операцияларындағы үлесі", "Доля Алматы в торговых операциях",
                    "Almaty's share of trade operations", 41, FactQualifier.Exactly, Units.Percent, null, "41% of all trade operations"),
                new("almaty.share-of-employment", "Ел бойынша жұмыс істейтіндердің Алматыдағы үлесі", "Доля работающих в стране, занятых в Алматы",
                    "Share of the country's working people who work in Almaty", 15, FactQualifier.Exactly, Units.Percent, null,
                    "engaging in work for 15% of the country’s working people"),
                new("almaty.share-of-finance-and-trade", "Алматының депозиттер, кредиттер, бөлшек және көтерме сауда айналымындағы үлесі",
                    "Доля Алматы в депозитах, кредитах, розничном и оптовом товарообороте", "Almaty's share of deposits, credits, retail and wholesale turnover",
                    40, FactQualifier.Exactly, Units.Percent, null, "40% of all deposits, credits, retail and wholesale turnovers are for the share of the city"),
                new("almaty.grp-per-capita", "Жан басына шаққандағы ЖӨӨ", "ВРП на душу населения", "Gross regional product per capita",
                    29_000, FactQualifier.Exactly, Units.Dollars, 2014,
                    "The Almaty city’s GRP according to the result of 2014 was 29000 USA dollars"),
                new("almaty.life-expectancy", "Орташа өмір сүру ұзақтығы", "Средняя продолжительность жизни", "Average life expectancy",
                    74, FactQualifier.About, Units.Years, null,
                    "the medium average of citizen’s life expectancy is rising and, nowadays, it is about 74 years"),
                new("almaty-2020.consultation.thematic-meetings", "«Алматы-2020» талқылауының тақырыптық кездесулері",
                    "Тематические встречи по обсуждению «Алматы-2020»", "Thematic meetings of the «Almaty-2020» discussion",
                    90, FactQualifier.Exactly, Units.Meetings, null, "there have been 90 thematic meeting with 12,500 people participation"),
                new("almaty-2020.consultation.participants", "Тақырыптық кездесулерге қатысушылар", "Участники тематических встреч",
                    "Participants of the thematic meetings", 12_500, FactQualifier.Exactly, Units.People, null,
                    "there have been 90 thematic meeting with 12,500 people participation"),
                new("almaty-2020.consultation.indirect-reach", "Халықты жанама қамту", "Косвенный охват населения",
                    "Indirect reach of the population", 417_000, FactQualifier.Exactly, Units.People, null,
                    "Indirect coverage of the population was 417000 people"),
                new("almaty-2020.consultation.suggestions-at-meetings", "Кездесулерде түскен ұсыныстар", "Предложения, полученные на встречах",
                    "Suggestions received at the meetings", 900, FactQualifier.Exactly, Units.Suggestions, null,
                    "there have been received 900 suggestions, responses and recommendations"),
                new("almaty-2020.consultation.suggestions-by-email", "Арнайы электрондық пошта арқылы түскен ұсыныстар",
                    "Предложения, поступившие на специальный электронный адрес", "Suggestions sent to the dedicated e-mail address",
                    478, FactQualifier.Exactly, Units.Suggestions, null, "which has had 478 suggestions"),
            ]),
        new("karaganda-en", "Head of State instructs to craft Karaganda long-term development strategy", "en", null,
            "Official website of the President of Kazakhstan", Karaganda,
            [
                new("karaganda.housing-commissioned-5y", "Соңғы бес жылда пайдалануға берілген тұрғын үй",
                    "Жильё, введённое за последние пять лет", "Housing put into service over the past five years",
                    1.7m, FactQualifier.Exactly, Units.MillionSquareMetres, null,
                    "Over the past five years, 1.7 million square meters of housing have been placed in service"),
                new("karaganda.housing-pace-rank", "Тұрғын үй құрылысы қарқыны бойынша елдегі орны",
                    "Место в стране по темпам жилищного строительства", "Rank in the country by pace of housing construction",
                    4, FactQualifier.Exactly, Units.Rank, null,
                    "In terms of the pace of housing construction, the region ranks fourth in the country"),
                new("karaganda.sez.participants", "АЭА-да тіркелген қатысушылар", "Участники, зарегистрированные в СЭЗ",
                    "Participants registered in the SEZ", 15, FactQualifier.Exactly, Units.Participants, null,
                    "15 participants, only 6 of which are operating enterprises, have been registered in the SEZ"),
                new("karaganda.sez.operating", "АЭА-дағы жұмыс істеп тұрған кәсіпорындар", "Действующие предприятия СЭЗ",
                    "Operating enterprises of the SEZ", 6, FactQualifier.Exactly, Units.Enterprises, null,
                    "15 participants, only 6 of which are operating enterprises, have been registered in the SEZ"),
                new("karaganda.emissions", "Атмосфераға жыл сайынғы зиянды шығарындылар", "Ежегодные выбросы вредных веществ в атмосферу",
                    "Harmful substances emitted into the atmosphere every year", 600_000, FactQualifier.About, Units.TonnesPerYear, null,
                    "about 600,000 tons of harmful substances are emitted into the atmosphere every year"),
                new("karaganda.emissions-share", "Елдегі шығарындылардағы үлесі", "Доля в выбросах страны", "Share of the country's emissions",
                    25, FactQualifier.About, Units.Percent, null, "It is a quarter of all emissions in the country"),
                new("karaganda.industry-4-0-enterprises", "Индустрия 4.0 элементтері енгізілетін ірі кәсіпорындар",
                    "Крупные предприятия, где внедрят элементы Индустрии 4.0", "Large enterprises to introduce elements of Industry 4.0",
                    4, FactQualifier.Exactly, Units.Enterprises, null,
                    "It is planned to introduce the elements of Industry 4.0 at 4 large enterprises"),
                new("karaganda.model-digital-factories", "Үлгілі цифрлық фабрика ретінде айқындалған кәсіпорындар",
                    "Предприятия, определённые модельными цифровыми фабриками", "Enterprises defined as model digital factories",
                    2, FactQualifier.Exactly, Units.Enterprises, null, "while 2 enterprises are defined as model digital factories"),
            ]),
        new("shymkent-2018-en", "Meeting on the socio-economic development of Shymkent city", "en", new DateOnly(2018, 9, 29),
            "Official website of the President of Kazakhstan", Shymkent,
            [
                new("shymkent.population", "Шымкент халқы", "Население Шымкента", "Population of Shymkent",
                    1_000_000, FactQualifier.MoreThan, Units.People, 2018,
                    "Having become the third metropolitan city in the country with a population of over one million people"),
            ]),
        new("shymkent-2018-kk", "Қазақстан Президенті Шымкент қаласының әлеуметтік-экономикалық даму мәселелері жөнінде кеңес өткізді",
            "kk", new DateOnly(2018, 9, 29), "Қазақстан Республикасы Президентінің ресми сайты", Shymkent, []),
    ];

    private static class Units
    {
        public static readonly LocalizedText Companies = LocalizedText.Of("компания", "компаний", "companies");
        public static readonly LocalizedText Enterprises = LocalizedText.Of("кәсіпорын", "предприятий", "enterprises");
        public static readonly LocalizedText Participants = LocalizedText.Of("қатысушы", "участников", "participants");
        public static readonly LocalizedText BillionTenge = LocalizedText.Of("млрд теңге", "млрд тенге", "billion tenge");
        public static readonly LocalizedText BillionDollars = LocalizedText.Of("млрд АҚШ доллары", "млрд долларов США", "billion US dollars");
        public static readonly LocalizedText Dollars = LocalizedText.Of("АҚШ доллары", "долларов США", "US dollars");
        public static readonly LocalizedText CarsPerDay = LocalizedText.Of("көлік/тәулік", "автомобилей в сутки", "cars a day");
        public static readonly LocalizedText Workplaces = LocalizedText.Of("жұмыс орны", "рабочих мест", "workplaces");
        public static readonly LocalizedText Percent = LocalizedText.Of("%", "%", "%");
        public static readonly LocalizedText Years = LocalizedText.Of("жыл", "лет", "years");
        public static readonly LocalizedText Meetings = LocalizedText.Of("кездесу", "встреч", "meetings");
        public static readonly LocalizedText People = LocalizedText.Of("адам", "человек", "people");
        public static readonly LocalizedText Suggestions = LocalizedText.Of("ұсыныс", "предложений", "suggestions");
        public static readonly LocalizedText MillionSquareMetres = LocalizedText.Of("млн м²", "млн м²", "million m²");
        public static readonly LocalizedText Rank = LocalizedText.Of("орын", "место", "place");
        public static readonly LocalizedText TonnesPerYear = LocalizedText.Of("тонна/жыл", "тонн в год", "tonnes a year");
    }
}

internal sealed record DocumentSeed(
    string Code, string Title, string Language, DateOnly? PublishedOn, string Publisher, string TerritoryCode, IReadOnlyList<FactSeed> Facts);

internal sealed record FactSeed(
    string Code, string SubjectKk, string SubjectRu, string SubjectEn, decimal Value, FactQualifier Qualifier, LocalizedText Unit, int? Year, string Quote);
