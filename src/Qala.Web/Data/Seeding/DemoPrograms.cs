using Microsoft.EntityFrameworkCore;
using Qala.Engine.Indicators;
using Qala.Engine.Programs;
using Qala.Web.Features.Agencies;
using Qala.Web.Features.Indicators;
using Qala.Web.Features.Programs;
using Qala.Web.Features.Territories;

namespace Qala.Web.Data.Seeding;

/// <summary>
/// Demonstration programs, marked <c>IsDemo</c>, built from what the seed texts say: Almaty's development program
/// (economy and innovation, comfortable city, ecology and air, transport, mudflow protection with dams in the Aksai and
/// Ayusai gorges, the mountain tourism cluster), Karaganda's long-term strategy and roadmap (the SEZ, Industry 4.0 at 4
/// enterprises and 2 model digital factories, digital public services, the business development map, drinking water
/// for villages, heat supply and emissions) and Shymkent's strategy (industry and innovation, tourism, trade and
/// logistics, SME clusters, town-planning order, social infrastructure through PPP). Periods and activity dates are
/// set around the day of seeding, so progress, risk and overdue work are there to see; the targets follow the demo
/// statistics (<see cref="LinkIndicatorsAsync"/>).
/// </summary>
internal static class DemoPrograms
{
    private const string By = "demo";

    private sealed record ActivitySeed(string Kk, string Ru, string En, string Agency, int StartMonths, int DueMonths, ActivityStatus Status, decimal Percent, (FundingSource Source, decimal Planned, decimal Actual)[] Budget);

    private sealed record TaskSeed(string Kk, string Ru, string En, ActivitySeed[] Activities);

    private sealed record GoalSeed(string Kk, string Ru, string En, string[] Indicators, TaskSeed[] Tasks);

    private sealed record DirectionSeed(string Kk, string Ru, string En, GoalSeed[] Goals);

    private sealed record ProgramSeed(string Kk, string Ru, string En, ProgramKind Kind, string Territory, int YearsBack, int YearsAhead, DirectionSeed[] Directions);

    private const FundingSource Republican = FundingSource.RepublicanBudget;
    private const FundingSource Local = FundingSource.LocalBudget;
    private const FundingSource Ppp = FundingSource.PublicPrivatePartnership;
    private const FundingSource Private = FundingSource.PrivateInvestment;

    private const ActivityStatus Open = ActivityStatus.NotStarted;
    private const ActivityStatus Going = ActivityStatus.InProgress;
    private const ActivityStatus Done = ActivityStatus.Completed;

    private static readonly ProgramSeed[] Programs =
    [
        new("Алматы қаласының даму бағдарламасы", "Программа развития города Алматы", "Development program of Almaty city", ProgramKind.Program, "750000000", 1, 3,
        [
            new("Экономика және инновациялар", "Экономика и инновации", "Economy and innovation",
            [
                new("Жан басына шаққандағы ЖӨӨ-нің тұрақты өсуі", "Устойчивый рост ВРП на душу населения", "Steady growth of GRP per capita", ["8.1.1", "9.5.1"],
                [
                    new("Кәсіпкерлікті қолдау", "Поддержка предпринимательства", "Support for entrepreneurship",
                    [
                        new("Индустриялық аймақтың инфрақұрылымын аяқтау", "Завершение инфраструктуры индустриальной зоны", "Complete the infrastructure of the industrial zone", "ALA-BUSINESS", -10, 8, Going, 45, [(Local, 4_200_000_000, 1_900_000_000), (Private, 6_000_000_000, 2_500_000_000)]),
                        new("IT-стартаптарға арналған технопарк", "Технопарк для IT-стартапов", "Technology park for IT start-ups", "ALA-DIGITAL", -6, 12, Going, 20, [(Ppp, 3_500_000_000, 600_000_000)]),
                    ]),
                ]),
            ]),
            new("Жайлы қала", "Комфортный город", "Comfortable city",
            [
                new("Әр үйге жол, жарық, су, газ және жылу", "Дорога, свет, вода, газ и тепло в каждый дом", "Roads, lighting, water, gas and heating for every home", ["7.1.1", "11.3.1"],
                [
                    new("Шеткері аудандарды инженерлік желілермен қамту", "Инженерные сети в окраинных микрорайонах", "Utility networks in the outlying districts",
                    [
                        new("Наурызбай ауданын газдандыру", "Газификация Наурызбайского района", "Gas supply for Nauryzbay district", "ALA-ENERGY", -14, -2, Going, 85, [(Republican, 5_800_000_000, 5_100_000_000), (Local, 1_200_000_000, 1_000_000_000)]),
                        new("Көшелерді LED-жарықтандыру", "LED-освещение улиц", "LED street lighting", "ALA-ENERGY", -12, -1, Done, 100, [(Local, 2_300_000_000, 2_250_000_000)]),
                        new("Алатау ауданында ауыз су желілері", "Сети питьевой воды в Алатауском районе", "Drinking water networks in Alatau district", "ALA-ENERGY", -8, 6, Going, 30, [(Republican, 4_000_000_000, 1_100_000_000)]),
                    ]),
                ]),
            ]),
            new("Экология және ауа сапасы", "Экология и качество воздуха", "Ecology and air quality",
            [
                new("Ауадағы зиянды заттарды азайту", "Снижение загрязнения воздуха", "Cleaner air", ["11.6.2", "11.6.1"],
                [
                    new("ЖЭО-2 газға көшіру", "Перевод ТЭЦ-2 на газ", "Switch the CHP-2 plant to gas",
                    [
                        new("ЖЭО-2 газға көшіру жобасы", "Проект перевода ТЭЦ-2 на газ", "Gas conversion of the CHP-2 plant", "ALA-ECOLOGY", -18, 10, Going, 35, [(Republican, 20_000_000_000, 6_500_000_000), (Private, 15_000_000_000, 4_000_000_000)]),
                    ]),
                ]),
            ]),
            new("Көлік", "Транспорт", "Transport",
            [
                new("Қоғамдық көлікпен жүру уақытын қысқарту", "Сокращение времени в пути на общественном транспорте", "Shorter journeys by public transport", [],
                [
                    new("Метро мен қала маңы көлігі", "Метро и пригородный транспорт", "Metro and suburban transport",
                    [
                        new("Метроның екінші желісінің құрылысы", "Строительство второй линии метро", "Build the second metro line", "ALA-TRANSPORT", -20, 14, Going, 25, [(Republican, 60_000_000_000, 14_000_000_000), (Local, 10_000_000_000, 2_000_000_000)]),
                        new("Қала мен облысты байланыстыратын электричкалар", "Пригородные электрички между городом и областью", "Suburban trains between the city and the region", "ALA-TRANSPORT", -9, -1, Going, 60, [(Ppp, 8_000_000_000, 3_000_000_000)]),
                    ]),
                ]),
            ]),
            new("Сел қауіпсіздігі", "Селевая безопасность", "Mudflow protection",
            [
                new("Қаланың селден толық қорғалуы", "Полная защита города от селей", "Full mudflow safety of the city", [],
                [
                    new("Ақсай және Аюсай шатқалдарындағы бөгеттер", "Плотины в ущельях Аксай и Аюсай", "Dams in the Aksai and Ayusai gorges",
                    [
                        new("Ақсай шатқалындағы сел бөгеті", "Селезащитная плотина в ущелье Аксай", "Mudflow dam in the Aksai gorge", "ALA-CONSTRUCTION", -7, 17, Going, 15, [(Republican, 12_000_000_000, 1_800_000_000)]),
                        new("Аюсай шатқалындағы сел бөгеті", "Селезащитная плотина в ущелье Аюсай", "Mudflow dam in the Ayusai gorge", "ALA-CONSTRUCTION", 2, 20, Open, 0, [(Republican, 9_000_000_000, 0)]),
                    ]),
                ]),
            ]),
            new("Туризм", "Туризм", "Tourism",
            [
                new("Тау кластерін дамыту", "Развитие горного кластера", "Develop the mountain cluster", [],
                [
                    new("Тау кластерінің бас жоспары", "Мастер-план горного кластера", "Master plan of the mountain cluster",
                    [
                        new("Алматы тау кластерінің бас жоспарын әзірлеу", "Разработка мастер-плана горного кластера Алматы", "Draw up the master plan of the Almaty mountain cluster", "ALA-URBAN", -11, -3, Going, 70, [(Local, 450_000_000, 300_000_000)]),
                    ]),
                ]),
            ]),
        ]),
        new("Қарағанды өңірінің ұзақ мерзімді даму стратегиясы және жол картасы", "Долгосрочная стратегия развития Карагандинского региона и дорожная карта", "Long-term development strategy of the Karaganda region and its roadmap", ProgramKind.Strategy, "350000000", 2, 4,
        [
            new("Индустрия 4.0 және АЭА", "Индустрия 4.0 и СЭЗ", "Industry 4.0 and the SEZ",
            [
                new("Өңдеу өнеркәсібінің үлесін арттыру", "Рост доли обрабатывающей промышленности", "A larger share of manufacturing", ["9.2.1"],
                [
                    new("Кәсіпорындарды цифрландыру", "Цифровизация предприятий", "Digital enterprises",
                    [
                        new("4 ірі кәсіпорында Индустрия 4.0 элементтерін енгізу", "Внедрение элементов Индустрии 4.0 на 4 крупных предприятиях", "Industry 4.0 elements at 4 large enterprises", "KAR-BUSINESS", -12, 12, Going, 40, [(Private, 18_000_000_000, 7_000_000_000)]),
                        new("2 үлгілі цифрлық фабрика", "2 модельные цифровые фабрики", "2 model digital factories", "KAR-DIGITAL", -10, -1, Going, 65, [(Private, 6_000_000_000, 3_900_000_000), (Local, 500_000_000, 400_000_000)]),
                        new("«Сарыарқа» АЭА жаңа қатысушылары", "Новые участники СЭЗ «Сарыарка»", "New participants of the Saryarka SEZ", "KAR-BUSINESS", -16, 8, Going, 55, [(Republican, 3_000_000_000, 1_700_000_000), (Ppp, 2_500_000_000, 900_000_000)]),
                    ]),
                ]),
            ]),
            new("Цифрлық мемлекеттік қызметтер және бизнес", "Цифровые госуслуги и бизнес", "Digital public services and business",
            [
                new("Шағын және орта бизнестің өсуі", "Рост малого и среднего бизнеса", "Growth of small and medium business", ["8.5.2"],
                [
                    new("Бизнесті дамыту картасы", "Карта развития бизнеса", "Business development map",
                    [
                        new("Өңірдің бизнесті дамыту картасын жариялау", "Публикация карты развития бизнеса региона", "Publish the region's business development map", "KAR-ECONOMY", -8, -2, Done, 100, [(Local, 120_000_000, 115_000_000)]),
                        new("Мемлекеттік қызметтерді толық цифрлық форматқа көшіру", "Перевод госуслуг в полностью цифровой формат", "Public services fully online", "KAR-DIGITAL", -6, 6, Going, 35, [(Local, 800_000_000, 250_000_000)]),
                    ]),
                ]),
            ]),
            new("Ауыз су, жылу және экология", "Питьевая вода, тепло и экология", "Drinking water, heat and ecology",
            [
                new("Ауылдарды сапалы ауыз сумен қамту", "Качественная питьевая вода в сёлах", "Quality drinking water in the villages", ["7.1.1"],
                [
                    new("Ауылдық елді мекендердің сумен жабдықталуы", "Водоснабжение сельских населённых пунктов", "Water supply of rural settlements",
                    [
                        new("40 ауылда су құбырын салу", "Строительство водопроводов в 40 сёлах", "Water pipes in 40 villages", "KAR-ENERGY", -15, -1, Going, 70, [(Republican, 9_000_000_000, 6_800_000_000), (Local, 1_500_000_000, 1_100_000_000)]),
                        new("Қарағанды ЖЭО-3 жылу желілерін жаңарту", "Модернизация тепловых сетей Карагандинской ТЭЦ-3", "Renew the heat networks of the Karaganda CHP-3", "KAR-ENERGY", -9, 9, Going, 30, [(Ppp, 7_000_000_000, 2_000_000_000)]),
                        new("Шығарындыларды азайтатын жасыл технологиялар", "Зелёные технологии для снижения выбросов", "Green technologies to cut emissions", "KAR-ECOLOGY", -4, 14, Going, 10, [(Private, 4_000_000_000, 300_000_000)]),
                    ]),
                ]),
            ]),
        ]),
        new("Шымкент қаласының даму стратегиясы", "Стратегия развития города Шымкент", "Development strategy of Shymkent city", ProgramKind.Strategy, "790000000", 2, 4,
        [
            new("Өнеркәсіп және инновациялар", "Промышленность и инновации", "Industry and innovation",
            [
                new("Ірі индустриялық орталық", "Крупный индустриальный центр", "A large industrial centre", ["9.2.1", "17.3.1.2"],
                [
                    new("Шағын және орта бизнес кластерлері", "Кластеры малого и среднего бизнеса", "Clusters of small and medium business",
                    [
                        new("Жеңіл өнеркәсіп кластері", "Кластер лёгкой промышленности", "Light industry cluster", "SHY-BUSINESS", -12, 6, Going, 50, [(Private, 5_000_000_000, 2_600_000_000), (Local, 700_000_000, 400_000_000)]),
                        new("Фармацевтика және медициналық қызметтер кластері", "Кластер фармацевтики и медицинских услуг", "Pharmaceuticals and medical services cluster", "SHY-BUSINESS", -9, 9, Going, 25, [(Private, 7_500_000_000, 1_500_000_000)]),
                    ]),
                ]),
            ]),
            new("Туризм, сауда және логистика", "Туризм, торговля и логистика", "Tourism, trade and logistics",
            [
                new("Өңірлік сауда-логистикалық хаб", "Региональный торгово-логистический хаб", "A regional trade and logistics hub", [],
                [
                    new("Логистика инфрақұрылымы", "Логистическая инфраструктура", "Logistics infrastructure",
                    [
                        new("Көлік-логистикалық орталық", "Транспортно-логистический центр", "Transport and logistics centre", "SHY-TRANSPORT", -14, -2, Going, 75, [(Ppp, 11_000_000_000, 8_000_000_000)]),
                        new("Тарихи орталықтағы туристік маршруттар", "Туристические маршруты в историческом центре", "Tourist routes in the historic centre", "SHY-URBAN", -5, 7, Going, 45, [(Local, 900_000_000, 350_000_000)]),
                    ]),
                ]),
            ]),
            new("Қала құрылысы тәртібі және әлеуметтік инфрақұрылым", "Градостроительный порядок и социальная инфраструктура", "Town-planning order and social infrastructure",
            [
                new("Мектептер мен балабақшалар жеткілікті", "Достаточно школ и детских садов", "Enough schools and kindergartens", ["4.2.2", "11.1.1"],
                [
                    new("МЖӘ арқылы әлеуметтік нысандар", "Социальные объекты через ГЧП", "Social facilities through PPP",
                    [
                        new("МЖӘ арқылы 10 балабақша", "10 детских садов через ГЧП", "10 kindergartens through PPP", "SHY-EDU", -13, 5, Going, 60, [(Ppp, 6_000_000_000, 3_800_000_000)]),
                        new("МЖӘ арқылы 5 мектеп", "5 школ через ГЧП", "5 schools through PPP", "SHY-EDU", -10, -1, Going, 55, [(Ppp, 15_000_000_000, 7_000_000_000), (Local, 2_000_000_000, 900_000_000)]),
                        new("Қаланың жаңа бас жоспары", "Новый генеральный план города", "The city's new master plan", "SHY-URBAN", -16, -4, Done, 100, [(Local, 600_000_000, 580_000_000)]),
                    ]),
                ]),
            ]),
        ]),
    ];

    /// <summary>Adds the demonstration programs, in implementation, with activities dated around <paramref name="today"/>.</summary>
    public static void Seed(QalaDbContext db, IReadOnlyDictionary<string, Territory> territories, IReadOnlyDictionary<string, Agency> agencies, DateOnly today, DateTimeOffset now)
    {
        foreach (var p in Programs)
        {
            var from = new DateOnly(today.Year - p.YearsBack, 1, 1);
            var program = DevelopmentProgram.Create(LocalizedText.Of(p.Kk, p.Ru, p.En), p.Kind, territories[p.Territory].Id, from, new DateOnly(today.Year + p.YearsAhead, 12, 31), By, now);
            program.IsDemo = true;
            foreach (var status in new[] { ProgramStatus.PublicDiscussion, ProgramStatus.Approved, ProgramStatus.InImplementation })
            {
                program.MoveTo(status, By, now, from);
            }

            foreach (var (d, di) in p.Directions.Select((d, i) => (d, i + 1)))
            {
                var direction = new ProgramDirection { Title = LocalizedText.Of(d.Kk, d.Ru, d.En), Position = di };
                program.Directions.Add(direction);
                foreach (var (g, gi) in d.Goals.Select((g, i) => (g, i + 1)))
                {
                    var goal = new ProgramGoal { Title = LocalizedText.Of(g.Kk, g.Ru, g.En), Position = gi };
                    direction.Goals.Add(goal);
                    foreach (var (t, ti) in g.Tasks.Select((t, i) => (t, i + 1)))
                    {
                        var task = new ProgramTask { Title = LocalizedText.Of(t.Kk, t.Ru, t.En), Position = ti };
                        goal.Tasks.Add(task);
                        foreach (var (a, ai) in t.Activities.Select((a, i) => (a, i + 1)))
                        {
                            task.Activities.Add(Activity(a, ai, agencies, from, today, now));
                        }
                    }
                }
            }

            db.Add(program);
        }
    }

    /// <summary>
    /// Links the demo goals to the demo statistics' indicators and sets their baselines (the latest value) and targets
    /// (a tenth better by the program's last year) in each program's target set; nothing without those statistics.
    /// </summary>
    public static async Task LinkIndicatorsAsync(QalaDbContext db, Scorecards scorecards, CancellationToken cancellationToken)
    {
        var programs = await db.Set<DevelopmentProgram>().Where(p => p.IsDemo)
            .Include(p => p.Versions).Include(p => p.Directions).ThenInclude(d => d.Goals).ThenInclude(g => g.Indicators)
            .ToListAsync(cancellationToken);
        var codes = Programs.SelectMany(p => p.Directions).SelectMany(d => d.Goals).SelectMany(g => g.Indicators).Distinct().ToList();
        var indicators = await db.Set<Indicator>().Where(i => codes.Contains(i.Code)).ToDictionaryAsync(i => i.Code, StringComparer.Ordinal, cancellationToken);
        foreach (var program in programs)
        {
            var seed = Programs.Single(p => p.En == program.Name.En);
            var set = program.Versions.MaxBy(v => v.Number)!.TargetSetId;
            foreach (var goal in program.Directions.SelectMany(d => d.Goals))
            {
                var wanted = seed.Directions.SelectMany(d => d.Goals).Single(g => g.En == goal.Title.En).Indicators;
                foreach (var indicator in wanted.Where(indicators.ContainsKey).Select(c => indicators[c]).Where(i => goal.Indicators.All(x => x.IndicatorId != i.Id)))
                {
                    var series = await scorecards.YearlyAsync([indicator.Id], [program.TerritoryId], null, cancellationToken);
                    var latest = (series.GetValueOrDefault((indicator.Id, program.TerritoryId)) ?? []).Where(v => v.Value is not null).Select(v => (YearValue?)v).LastOrDefault();
                    if (latest is not { Value: { } value } point)
                    {
                        continue;
                    }

                    goal.Indicators.Add(new GoalIndicator { IndicatorId = indicator.Id });
                    var better = indicator.Polarity == Polarity.LowerIsBetter ? 0.9m : 1.1m;
                    db.Add(new IndicatorTarget { TargetSetId = set, IndicatorId = indicator.Id, TerritoryId = program.TerritoryId, Year = point.Year, IsBaseline = true, Value = Math.Round((decimal)value, 2) });
                    db.Add(new IndicatorTarget { TargetSetId = set, IndicatorId = indicator.Id, TerritoryId = program.TerritoryId, Year = program.PeriodTo.Year, Value = Math.Round((decimal)value * better, 2) });
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static RoadmapActivity Activity(ActivitySeed a, int position, IReadOnlyDictionary<string, Agency> agencies, DateOnly from, DateOnly today, DateTimeOffset now)
    {
        var start = Max(today.AddMonths(a.StartMonths), from);
        var activity = new RoadmapActivity
        {
            Title = LocalizedText.Of(a.Kk, a.Ru, a.En),
            Position = position,
            ResponsibleAgencyId = agencies[a.Agency].Id,
            StartDate = start,
            DueDate = today.AddMonths(a.DueMonths),
        };
        activity.Budget.AddRange(a.Budget.Select(b => new ActivityBudgetLine { Source = b.Source, Planned = b.Planned, Actual = b.Actual }));
        if (a.Percent > 0)
        {
            // Two reports: one halfway to the reported progress, one with it.
            var reportedOn = Min(today.AddDays(-7), activity.DueDate);
            activity.Report("Work is under way as planned in the contract.", Math.Round(a.Percent / 2), ActivityStatus.InProgress, reportedOn.AddMonths(-2), By, now);
            activity.Report(a.Status == ActivityStatus.Completed ? "The work is done and accepted." : "Progress confirmed by the agency's monthly report.", a.Percent, a.Status, reportedOn, By, now);
        }

        return activity;
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
