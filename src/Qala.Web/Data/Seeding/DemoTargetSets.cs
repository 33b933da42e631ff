using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Qala.Engine.Indicators;
using Qala.Web.Features.Indicators;
using Qala.Web.Features.SourceFacts;
using Qala.Web.Features.Territories;

namespace Qala.Web.Data.Seeding;

/// <summary>
/// The demo's target sets read from the seed texts, one per document (both Shymkent texts report one meeting): the
/// Head of State's meeting on Almaty of 29 October 2019 (a governor's KPI set: it names "key indicators in the
/// activities of the Governors"), the «Almaty-2020» development program, the instructions for Karaganda's long-term
/// strategy and the meeting on Shymkent's updated strategy. Every value is a figure the document states — a
/// <see cref="SourceFact"/> of <see cref="DemoData"/>, so its value and its quote are kept once and tested to occur
/// word for word — and every row says which:
/// <list type="bullet">
/// <item>a <b>target</b> is a figure the text sets as a goal or plan (the mountain locations' "more than 2 billion
/// dollars" and "at least 30 thousand workplaces", Industry 4.0 at "4 large enterprises", "2 … model digital
/// factories");</item>
/// <item>a <b>baseline</b> is a figure the text states as the situation, recorded also as the observation of its year
/// (through <see cref="ObservationStore"/>, one import batch per document, of kind <see cref="BatchKind"/>), so the
/// scorecard shows the value beside the set.</item>
/// </list>
/// No text states an actual value for any of its targets, so no target shows an achievement from the seeds alone; no
/// figure is made up to give one. Where a text gives no year, <see cref="Row.YearNote"/> says which year was taken
/// and why. The table of sentences, figures and their use — and the figures left out, with the reason — is in
/// docs/architecture.md ("Demo target sets from the seed texts").
/// </summary>
/// <remarks>
/// The sets are created with the demo data (<see cref="AddSetsAsync"/>), before the programs' sets, so that the scorecard's
/// default — the newest set with targets for the territory — stays the development program's; their indicators,
/// observations and targets come with the demo statistics (<see cref="SeedAsync"/>), once: a start that finds the
/// seed indicators adds nothing.
/// </remarks>
internal sealed partial class DemoTargetSets(QalaDbContext db, ObservationStore store, TimeProvider time, ILogger<DemoTargetSets> logger)
{
    /// <summary>The kind of the import batch that records a seed document's facts.</summary>
    public const string BatchKind = "source-document";

    /// <summary>Every seed indicator's <see cref="Indicator.Source"/> starts with it, followed by the document's code.</summary>
    public const string SourcePrefix = "Source document ";

    private const string By = "demo";

    internal enum Use
    {
        /// <summary>The situation the text states: a baseline, and the observation of its year.</summary>
        Baseline,

        /// <summary>A goal or plan the text states.</summary>
        Target,
    }

    /// <summary>A target set, keyed by its document (the first of <paramref name="Documents"/> holds its facts).</summary>
    internal sealed record SetSeed(string[] Documents, TargetSetKind Kind, string Kk, string Ru, string En, string Note);

    internal sealed record IndicatorSeed(string Code, string Kk, string Ru, string En, string Unit, Polarity Polarity);

    /// <summary>One figure of a document (<paramref name="Fact"/>, a <see cref="FactSeed"/> code) used in its set for <paramref name="Indicator"/>.</summary>
    internal sealed record Row(string Document, string Indicator, string Fact, Use Use, int Year, string YearNote);

    private const string Almaty2019 = "almaty-2019-en";
    private const string Almaty2020 = "almaty-2020-program-en";
    private const string Karaganda = "karaganda-en";
    private const string Shymkent = "shymkent-2018-en";

    internal static readonly SetSeed[] Sets =
    [
        new([Almaty2020], TargetSetKind.Program,
            "«Алматы-2020» даму бағдарламасы", "Программа развития «Алматы-2020»", "«Almaty-2020» development program",
            "baselines only: the page names the program's indicators but quotes no target"),
        new([Almaty2019], TargetSetKind.GovernorKpi,
            "Мемлекет басшысының Алматының дамуы жөніндегі кеңесі (2019 жылғы 29 қазан)",
            "Совещание Главы государства по развитию Алматы (29 октября 2019 года)",
            "Head of State's meeting on Almaty's development (29 October 2019)",
            "the tasks set to the akim; investment, new workplaces, infrastructure, SMEs and the environment named as the governors' key indicators"),
        new([Karaganda], TargetSetKind.Strategy,
            "Мемлекет басшысының Қарағандының ұзақ мерзімді даму стратегиясы жөніндегі тапсырмалары (2018)",
            "Поручения Главы государства по долгосрочной стратегии развития Караганды (2018)",
            "Head of State's instructions for Karaganda's long-term development strategy (2018)",
            "undated text, 2018"),
        new([Shymkent, "shymkent-2018-kk"], TargetSetKind.Strategy,
            "Шымкент қаласының әлеуметтік-экономикалық даму мәселелері жөніндегі кеңес (2018 жылғы 29 қыркүйек)",
            "Совещание по социально-экономическому развитию Шымкента (29 сентября 2018 года)",
            "Meeting on the socio-economic development of Shymkent city (29 September 2018)",
            "the city's updated strategy; the only figure either text states is the population"),
    ];

    internal static readonly IndicatorSeed[] Indicators =
    [
        new("SEED-ALA-IZ-COMPANIES", "Индустриялық аймақта тіркелген компаниялар", "Компании, зарегистрированные в индустриальной зоне",
            "Companies registered in the industrial zone", "companies", Polarity.HigherIsBetter),
        new("SEED-ALA-IZ-INVESTMENT", "Индустриялық аймаққа құрылғаннан бері салынған инвестиция", "Инвестиции в индустриальную зону с её создания",
            "Investment in the industrial zone since its creation", "bn tenge", Polarity.HigherIsBetter),
        new("SEED-ALA-IZ-COMMISSIONED", "Индустриялық аймақта құрылғаннан бері іске қосылған жаңа кәсіпорындар",
            "Новые предприятия, введённые в индустриальной зоне с её создания", "New enterprises commissioned in the industrial zone since its creation",
            "enterprises", Polarity.HigherIsBetter),
        new("SEED-ALA-IZ-LAUNCHED", "Индустриялық аймақта жыл ішінде іске қосылған зауыттар", "Заводы, запущенные в индустриальной зоне за год",
            "Plants launched in the industrial zone in the year", "plants", Polarity.HigherIsBetter),
        new("SEED-ALA-CARS-INBOUND", "Қаскелең, Қапшағай, Талғар жақтан және Құлжа трактісімен қалаға күн сайын кіретін көліктер",
            "Автомобили, ежедневно въезжающие в город из Каскелена, Капшагая, Талгара и по Кульджинскому тракту",
            "Cars entering the city every day from Kaskelen, Kapshagay, Talgar and along the Kuldzhinsky tract", "cars a day", Polarity.LowerIsBetter),
        new("SEED-ALA-MOUNTAIN-INVEST", "Тау локацияларының бас жоспары тартатын инвестиция", "Инвестиции, которые привлечёт мастер-план горных локаций",
            "Investment attracted by the master plan of mountain locations", "bn USD", Polarity.HigherIsBetter),
        new("SEED-ALA-MOUNTAIN-JOBS", "Тау локацияларының бас жоспары ашатын жұмыс орындары", "Рабочие места, которые создаст мастер-план горных локаций",
            "Workplaces created by the master plan of mountain locations", "workplaces", Polarity.HigherIsBetter),
        new("SEED-ALA-GDP-SHARE", "Алматының ел ЖІӨ-індегі үлесі", "Доля Алматы в ВВП страны", "Almaty's share of the country's GDP", "%", Polarity.HigherIsBetter),
        new("SEED-ALA-TAX-SHARE", "Алматының салықтық және салықтық емес түсімдердегі үлесі", "Доля Алматы в налоговых и неналоговых поступлениях",
            "Almaty's share of tax and non-tax revenues", "%", Polarity.HigherIsBetter),
        new("SEED-ALA-TRADE-SHARE", "Алматының сауда операцияларындағы үлесі", "Доля Алматы в торговых операциях", "Almaty's share of trade operations",
            "%", Polarity.HigherIsBetter),
        new("SEED-ALA-EMPLOYED-SHARE", "Ел бойынша жұмыс істейтіндердің Алматыдағы үлесі", "Доля работающих в стране, занятых в Алматы",
            "Share of the country's working people who work in Almaty", "%", Polarity.HigherIsBetter),
        new("SEED-ALA-FINANCE-SHARE", "Алматының депозиттер, кредиттер, бөлшек және көтерме сауда айналымындағы үлесі",
            "Доля Алматы в депозитах, кредитах, розничном и оптовом товарообороте", "Almaty's share of deposits, credits, retail and wholesale turnover",
            "%", Polarity.HigherIsBetter),
        new("SEED-ALA-GRP-PER-CAPITA", "Алматының жан басына шаққандағы ЖӨӨ", "ВРП Алматы на душу населения", "Almaty's gross regional product per capita",
            "USD", Polarity.HigherIsBetter),
        new("SEED-ALA-LIFE-EXPECTANCY", "Алматы тұрғындарының орташа өмір сүру ұзақтығы", "Средняя продолжительность жизни жителей Алматы",
            "Average life expectancy of Almaty's residents", "years", Polarity.HigherIsBetter),
        new("SEED-KAR-HOUSING-5Y", "Соңғы бес жылда пайдалануға берілген тұрғын үй", "Жильё, введённое за последние пять лет",
            "Housing put into service over the past five years", "mln m²", Polarity.HigherIsBetter),
        new("SEED-KAR-SEZ-PARTICIPANTS", "АЭА-да тіркелген қатысушылар", "Участники, зарегистрированные в СЭЗ", "Participants registered in the SEZ",
            "participants", Polarity.HigherIsBetter),
        new("SEED-KAR-SEZ-OPERATING", "АЭА-дағы жұмыс істеп тұрған кәсіпорындар", "Действующие предприятия СЭЗ", "Operating enterprises of the SEZ",
            "enterprises", Polarity.HigherIsBetter),
        new("SEED-KAR-INDUSTRY-4-0", "Индустрия 4.0 элементтері енгізілген ірі кәсіпорындар", "Крупные предприятия с элементами Индустрии 4.0",
            "Large enterprises with elements of Industry 4.0", "enterprises", Polarity.HigherIsBetter),
        new("SEED-KAR-DIGITAL-FACTORIES", "Үлгілі цифрлық фабрикалар", "Модельные цифровые фабрики", "Model digital factories", "enterprises", Polarity.HigherIsBetter),
        new("SEED-KAR-EMISSIONS", "Атмосфераға жыл сайын шығарылатын зиянды заттар", "Ежегодные выбросы вредных веществ в атмосферу",
            "Harmful substances emitted into the atmosphere every year", "tonnes a year", Polarity.LowerIsBetter),
        new("SEED-KAR-EMISSIONS-SHARE", "Өңірдің елдегі шығарындылардағы үлесі", "Доля региона в выбросах страны", "The region's share of the country's emissions",
            "%", Polarity.LowerIsBetter),
        new("SEED-SHY-POPULATION", "Шымкент халқы", "Население Шымкента", "Population of Shymkent", "persons", Polarity.HigherIsBetter),
    ];

    private const string MeetingYear = "the year of the meeting (29 October 2019)";
    private const string MountainYear = "no year stated; 2025 is the horizon of the State Program for the Development of the Tourism Industry until 2025, in which, the text recalls just before, the Mountain Cluster of Almaty region was identified as a priority";
    private const string ProgramYear = "2014: the page gives its GRP figure \"according to the result of 2014\" and the other figures as \"nowadays\" beside it";
    private const string KaragandaYear = "the text is undated; it names the Five Social Initiatives (March 2018) and Nazarbayev as President (until March 2019): 2018";
    private const string KaragandaPlanYear = "no year stated; 2020 is assumed, the only horizon the text names (the 2020 Business Roadmap): change it when the strategy sets one";
    private const string ShymkentYear = "the year of the meeting (29 September 2018)";

    internal static readonly Row[] Rows =
    [
        new(Almaty2019, "SEED-ALA-IZ-COMPANIES", "almaty.industrial-zone.companies-registered", Use.Baseline, 2019, MeetingYear),
        new(Almaty2019, "SEED-ALA-IZ-INVESTMENT", "almaty.industrial-zone.investment", Use.Baseline, 2019, MeetingYear),
        new(Almaty2019, "SEED-ALA-IZ-COMMISSIONED", "almaty.industrial-zone.enterprises-commissioned", Use.Baseline, 2019, MeetingYear),
        new(Almaty2019, "SEED-ALA-IZ-LAUNCHED", "almaty.industrial-zone.plants-launched-this-year", Use.Baseline, 2019, MeetingYear),
        new(Almaty2019, "SEED-ALA-CARS-INBOUND", "almaty.cars-entering-daily", Use.Baseline, 2019, MeetingYear),
        new(Almaty2019, "SEED-ALA-MOUNTAIN-INVEST", "almaty.mountain-cluster.investment", Use.Target, 2025, MountainYear),
        new(Almaty2019, "SEED-ALA-MOUNTAIN-JOBS", "almaty.mountain-cluster.jobs", Use.Target, 2025, MountainYear),
        new(Almaty2020, "SEED-ALA-GDP-SHARE", "almaty.share-of-gdp", Use.Baseline, 2014, ProgramYear),
        new(Almaty2020, "SEED-ALA-TAX-SHARE", "almaty.share-of-taxes", Use.Baseline, 2014, ProgramYear),
        new(Almaty2020, "SEED-ALA-TRADE-SHARE", "almaty.share-of-trade", Use.Baseline, 2014, ProgramYear),
        new(Almaty2020, "SEED-ALA-EMPLOYED-SHARE", "almaty.share-of-employment", Use.Baseline, 2014, ProgramYear),
        new(Almaty2020, "SEED-ALA-FINANCE-SHARE", "almaty.share-of-finance-and-trade", Use.Baseline, 2014, ProgramYear),
        new(Almaty2020, "SEED-ALA-GRP-PER-CAPITA", "almaty.grp-per-capita", Use.Baseline, 2014, ProgramYear),
        new(Almaty2020, "SEED-ALA-LIFE-EXPECTANCY", "almaty.life-expectancy", Use.Baseline, 2014, ProgramYear),
        new(Karaganda, "SEED-KAR-HOUSING-5Y", "karaganda.housing-commissioned-5y", Use.Baseline, 2018, KaragandaYear),
        new(Karaganda, "SEED-KAR-SEZ-PARTICIPANTS", "karaganda.sez.participants", Use.Baseline, 2018, KaragandaYear),
        new(Karaganda, "SEED-KAR-SEZ-OPERATING", "karaganda.sez.operating", Use.Baseline, 2018, KaragandaYear),
        new(Karaganda, "SEED-KAR-INDUSTRY-4-0", "karaganda.industry-4-0-enterprises", Use.Target, 2020, KaragandaPlanYear),
        new(Karaganda, "SEED-KAR-DIGITAL-FACTORIES", "karaganda.model-digital-factories", Use.Target, 2020, KaragandaPlanYear),
        new(Karaganda, "SEED-KAR-EMISSIONS", "karaganda.emissions", Use.Baseline, 2018, KaragandaYear),
        new(Karaganda, "SEED-KAR-EMISSIONS-SHARE", "karaganda.emissions-share", Use.Baseline, 2018, KaragandaYear),
        new(Shymkent, "SEED-SHY-POPULATION", "shymkent.population", Use.Baseline, 2018, ShymkentYear),
    ];

    /// <summary>What a set's <see cref="TargetSet.Source"/> says: its documents, their titles, publishers and dates, and the set's note.</summary>
    internal static string SourceOf(SetSeed set)
    {
        var documents = set.Documents.Select(code => DemoData.Documents.Single(d => d.Code == code)).ToList();
        var date = documents[0].PublishedOn is { } on ? on.ToString("d MMMM yyyy", CultureInfo.InvariantCulture) + ", " : "";
        return $"{(documents.Count == 1 ? "Source document" : "Source documents")} {string.Join(" and ", documents.Select(d => d.Code))}: " +
            $"“{documents[0].Title}”, {documents[0].Publisher}, {date}{set.Note}";
    }

    /// <summary>Adds the sets the database lacks, without targets (the demo data's part, before the programs' sets).</summary>
    public static async Task AddSetsAsync(QalaDbContext db, CancellationToken cancellationToken)
    {
        var sources = Sets.Select(SourceOf).ToList();
        var present = await db.Set<TargetSet>().Where(s => sources.Contains(s.Source!)).Select(s => s.Source!).ToListAsync(cancellationToken);
        db.AddRange(Sets.Where(s => !present.Contains(SourceOf(s))).Select(s => new TargetSet
        {
            Name = LocalizedText.Of(s.Kk, s.Ru, s.En),
            Kind = s.Kind,
            Source = SourceOf(s),
        }));
    }

    /// <summary>
    /// Adds the seed indicators, records the documents' facts as observations and fills the sets (adding any that are
    /// missing), in one transaction; false, doing nothing, when the seed indicators are there already.
    /// </summary>
    public async Task<bool> SeedAsync(CancellationToken cancellationToken)
    {
        var codes = Indicators.Select(i => i.Code).ToList();
        if (await db.Set<Indicator>().AnyAsync(i => codes.Contains(i.Code), cancellationToken))
        {
            return false;
        }

        var started = time.GetTimestamp();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await AddSetsAsync(db, cancellationToken);
        var documents = DemoData.Documents.ToDictionary(d => d.Code, StringComparer.Ordinal);
        var territoryCodes = documents.Values.Select(d => d.TerritoryCode).Distinct().ToList();
        var territories = await db.Set<Territory>().Where(t => territoryCodes.Contains(t.Code)).ToDictionaryAsync(t => t.Code, t => t.Id, StringComparer.Ordinal, cancellationToken);
        var indicators = Indicators.ToDictionary(i => i.Code, i =>
        {
            var row = Rows.First(r => r.Indicator == i.Code);
            var document = documents[row.Document];
            var fact = FactOf(row);
            return new Indicator
            {
                Code = i.Code,
                Name = LocalizedText.Of(i.Kk, i.Ru, i.En),
                Description = LocalizedText.Of(
                    $"{document.Code} бастапқы құжатынан алынған көрсеткіш («{document.Title}»): “{fact.Quote}”.",
                    $"Показатель из исходного документа {document.Code} («{document.Title}»): “{fact.Quote}”.",
                    $"A figure of the source document {document.Code} (“{document.Title}”): “{fact.Quote}”."),
                Unit = i.Unit,
                Polarity = i.Polarity,
                Source = SourcePrefix + document.Code,
                Methodology = $"The figure as the text states it ({Stated(fact)}), not computed. Year {row.Year}: {row.YearNote}.",
            };
        }, StringComparer.Ordinal);
        db.AddRange(indicators.Values);
        await db.SaveChangesAsync(cancellationToken);

        var sources = Sets.Select(SourceOf).ToList();
        var sets = (await db.Set<TargetSet>().Where(s => sources.Contains(s.Source!)).Select(s => new { s.Id, s.Source }).ToListAsync(cancellationToken))
            .GroupBy(s => s.Source!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Min(s => s.Id), StringComparer.Ordinal);
        foreach (var row in Rows)
        {
            var set = Sets.Single(s => s.Documents.Contains(row.Document));
            db.Add(new IndicatorTarget
            {
                TargetSetId = sets[SourceOf(set)],
                IndicatorId = indicators[row.Indicator].Id,
                TerritoryId = territories[documents[row.Document].TerritoryCode],
                Year = row.Year,
                IsBaseline = row.Use == Use.Baseline,
                Value = FactOf(row).Value,
            });
        }

        await db.SaveChangesAsync(cancellationToken);

        // The facts as observations, one batch per document: its name is the document, its hash that of the text.
        foreach (var group in Rows.Where(r => r.Use == Use.Baseline).GroupBy(r => r.Document))
        {
            var values = group.Select(r => new ObservationValue(
                indicators[r.Indicator].Id, territories[documents[r.Document].TerritoryCode], r.Year, 0, "", FactOf(r).Value)).ToList();
            await store.RecordFromTextAsync(BatchKind, group.Key + ".txt", DemoDataSeeder.ReadText(group.Key), values, By, time.GetUtcNow(), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        LogSeeded(logger, Sets.Length, Rows.Count(r => r.Use == Use.Target), Rows.Count(r => r.Use == Use.Baseline), time.GetElapsedTime(started).TotalMilliseconds);
        return true;
    }

    [LoggerMessage(LogLevel.Information, "Demo target sets from the seed texts: {Sets} sets, {Targets} targets, {Baselines} baselines and observed facts, in {Milliseconds:0} ms")]
    private static partial void LogSeeded(ILogger logger, int sets, int targets, int baselines, double milliseconds);

    /// <summary>"more than 156 billion tenge": the figure with its qualifier and unit, as the text puts it.</summary>
    internal static string Stated(FactSeed fact) => (fact.Qualifier switch
    {
        FactQualifier.About => "about ",
        FactQualifier.MoreThan => "more than ",
        FactQualifier.AtLeast => "at least ",
        FactQualifier.Exactly => "",
    }) + $"{fact.Value.ToString(CultureInfo.InvariantCulture)} {fact.Unit.En}";

    internal static FactSeed FactOf(Row row) => DemoData.Documents.Single(d => d.Code == row.Document).Facts.Single(f => f.Code == row.Fact);
}
