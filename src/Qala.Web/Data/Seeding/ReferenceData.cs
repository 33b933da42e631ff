using Qala.Web.Features.Territories;

namespace Qala.Web.Data.Seeding;

/// <summary>Kazakhstan's territories and the usual departments of an akimat, as first loaded into a new database.</summary>
internal static class ReferenceData
{
    private const string Kazakhstan = "000000000";
    private const string AlmatyRegion = "190000000";
    private const string Karaganda = "350000000";
    private const string SouthKazakhstan = "510000000";
    private const string EastKazakhstan = "630000000";
    private const string Almaty = "750000000";
    private const string Shymkent = "790000000";

    /// <summary>
    /// Ordered so that every parent and predecessor comes before the territories that refer to it. Codes are KATO codes;
    /// a region's first two digits are also its ISO 3166-2 number.
    /// </summary>
    public static IReadOnlyList<TerritorySeed> Territories { get; } =
    [
        new(Kazakhstan, null, TerritoryKind.Country, "Қазақстан Республикасы", "Республика Казахстан", "Republic of Kazakhstan"),

        new("110000000", Kazakhstan, TerritoryKind.Region, "Ақмола облысы", "Акмолинская область", "Akmola Region"),
        new("150000000", Kazakhstan, TerritoryKind.Region, "Ақтөбе облысы", "Актюбинская область", "Aktobe Region"),
        new(AlmatyRegion, Kazakhstan, TerritoryKind.Region, "Алматы облысы", "Алматинская область", "Almaty Region"),
        new("230000000", Kazakhstan, TerritoryKind.Region, "Атырау облысы", "Атырауская область", "Atyrau Region"),
        new("270000000", Kazakhstan, TerritoryKind.Region, "Батыс Қазақстан облысы", "Западно-Казахстанская область", "West Kazakhstan Region"),
        new("310000000", Kazakhstan, TerritoryKind.Region, "Жамбыл облысы", "Жамбылская область", "Zhambyl Region"),
        new(Karaganda, Kazakhstan, TerritoryKind.Region, "Қарағанды облысы", "Карагандинская область", "Karaganda Region"),
        new("390000000", Kazakhstan, TerritoryKind.Region, "Қостанай облысы", "Костанайская область", "Kostanay Region"),
        new("430000000", Kazakhstan, TerritoryKind.Region, "Қызылорда облысы", "Кызылординская область", "Kyzylorda Region"),
        new("470000000", Kazakhstan, TerritoryKind.Region, "Маңғыстау облысы", "Мангистауская область", "Mangystau Region"),
        new(SouthKazakhstan, Kazakhstan, TerritoryKind.Region, "Оңтүстік Қазақстан облысы", "Южно-Казахстанская область", "South Kazakhstan Region",
            ValidTo: new DateOnly(2018, 6, 19)),
        new("550000000", Kazakhstan, TerritoryKind.Region, "Павлодар облысы", "Павлодарская область", "Pavlodar Region"),
        new("590000000", Kazakhstan, TerritoryKind.Region, "Солтүстік Қазақстан облысы", "Северо-Казахстанская область", "North Kazakhstan Region"),
        new(EastKazakhstan, Kazakhstan, TerritoryKind.Region, "Шығыс Қазақстан облысы", "Восточно-Казахстанская область", "East Kazakhstan Region"),

        new("610000000", Kazakhstan, TerritoryKind.Region, "Түркістан облысы", "Туркестанская область", "Turkistan Region",
            ValidFrom: new DateOnly(2018, 6, 19), PredecessorCode: SouthKazakhstan),
        new("100000000", Kazakhstan, TerritoryKind.Region, "Абай облысы", "область Абай", "Abai Region",
            ValidFrom: new DateOnly(2022, 6, 8), PredecessorCode: EastKazakhstan),
        new("330000000", Kazakhstan, TerritoryKind.Region, "Жетісу облысы", "область Жетісу", "Zhetisu Region",
            ValidFrom: new DateOnly(2022, 6, 8), PredecessorCode: AlmatyRegion),
        new("620000000", Kazakhstan, TerritoryKind.Region, "Ұлытау облысы", "область Ұлытау", "Ulytau Region",
            ValidFrom: new DateOnly(2022, 6, 8), PredecessorCode: Karaganda),

        new("710000000", Kazakhstan, TerritoryKind.CityOfRepublicanSignificance, "Астана қаласы", "город Астана", "Astana"),
        new(Almaty, Kazakhstan, TerritoryKind.CityOfRepublicanSignificance, "Алматы қаласы", "город Алматы", "Almaty city"),
        new(Shymkent, Kazakhstan, TerritoryKind.CityOfRepublicanSignificance, "Шымкент қаласы", "город Шымкент", "Shymkent city",
            ValidFrom: new DateOnly(2018, 6, 19), PredecessorCode: SouthKazakhstan),

        new("751110000", Almaty, TerritoryKind.District, "Алмалы ауданы", "Алмалинский район", "Almaly District"),
        new("751210000", Almaty, TerritoryKind.District, "Алатау ауданы", "Алатауский район", "Alatau District"),
        new("751310000", Almaty, TerritoryKind.District, "Әуезов ауданы", "Ауэзовский район", "Auezov District"),
        new("751410000", Almaty, TerritoryKind.District, "Бостандық ауданы", "Бостандыкский район", "Bostandyk District"),
        new("751510000", Almaty, TerritoryKind.District, "Жетісу ауданы", "Жетысуский район", "Zhetysu District"),
        new("751710000", Almaty, TerritoryKind.District, "Медеу ауданы", "Медеуский район", "Medeu District"),
        new("751810000", Almaty, TerritoryKind.District, "Наурызбай ауданы", "Наурызбайский район", "Nauryzbay District"),
        new("751910000", Almaty, TerritoryKind.District, "Түрксіб ауданы", "Турксибский район", "Turksib District"),

        new("791110000", Shymkent, TerritoryKind.District, "Абай ауданы", "Абайский район", "Abai District"),
        new("791310000", Shymkent, TerritoryKind.District, "Әл-Фараби ауданы", "Аль-Фарабийский район", "Al-Farabi District"),
        new("791510000", Shymkent, TerritoryKind.District, "Еңбекші ауданы", "Енбекшинский район", "Enbekshi District"),
        new("791710000", Shymkent, TerritoryKind.District, "Қаратау ауданы", "Каратауский район", "Karatau District"),
        new("791910000", Shymkent, TerritoryKind.District, "Тұран ауданы", "район Тұран", "Turan District"),
    ];

    public static IReadOnlyList<AgencySeed> Agencies { get; } =
    [
        new("ALA-AKIMAT", Almaty, "Алматы қаласының әкімдігі", "Акимат города Алматы", "Akimat of Almaty city"),
        new("ALA-ECONOMY", Almaty, "Алматы қаласының экономика және бюджеттік жоспарлау басқармасы",
            "Управление экономики и бюджетного планирования города Алматы", "Department of Economy and Budget Planning of Almaty city"),
        new("ALA-EDU", Almaty, "Алматы қаласының білім басқармасы", "Управление образования города Алматы",
            "Department of Education of Almaty city"),
        new("ALA-HEALTH", Almaty, "Алматы қаласының қоғамдық денсаулық сақтау басқармасы",
            "Управление общественного здравоохранения города Алматы", "Department of Public Health of Almaty city"),
        new("ALA-TRANSPORT", Almaty, "Алматы қаласының жолаушылар көлігі және автомобиль жолдары басқармасы",
            "Управление пассажирского транспорта и автомобильных дорог города Алматы", "Department of Passenger Transport and Roads of Almaty city"),
        new("ALA-ECOLOGY", Almaty, "Алматы қаласының экология және қоршаған орта басқармасы",
            "Управление экологии и окружающей среды города Алматы", "Department of Ecology and Environment of Almaty city"),
        new("ALA-CONSTRUCTION", Almaty, "Алматы қаласының құрылыс басқармасы", "Управление строительства города Алматы",
            "Department of Construction of Almaty city"),
        new("ALA-URBAN", Almaty, "Алматы қаласының сәулет және қала құрылысы басқармасы",
            "Управление архитектуры и градостроительства города Алматы", "Department of Architecture and Urban Planning of Almaty city"),
        new("ALA-BUSINESS", Almaty, "Алматы қаласының кәсіпкерлік және инвестициялар басқармасы",
            "Управление предпринимательства и инвестиций города Алматы", "Department of Entrepreneurship and Investment of Almaty city"),
        new("ALA-ENERGY", Almaty, "Алматы қаласының энергетика және коммуналдық шаруашылық басқармасы",
            "Управление энергетики и коммунального хозяйства города Алматы", "Department of Energy and Utilities of Almaty city"),
        new("ALA-DIGITAL", Almaty, "Алматы қаласының цифрландыру басқармасы", "Управление цифровизации города Алматы",
            "Department of Digitalization of Almaty city"),

        new("SHY-AKIMAT", Shymkent, "Шымкент қаласының әкімдігі", "Акимат города Шымкент", "Akimat of Shymkent city"),
        new("SHY-ECONOMY", Shymkent, "Шымкент қаласының экономика және бюджеттік жоспарлау басқармасы",
            "Управление экономики и бюджетного планирования города Шымкент", "Department of Economy and Budget Planning of Shymkent city"),
        new("SHY-EDU", Shymkent, "Шымкент қаласының білім басқармасы", "Управление образования города Шымкент",
            "Department of Education of Shymkent city"),
        new("SHY-HEALTH", Shymkent, "Шымкент қаласының денсаулық сақтау басқармасы", "Управление здравоохранения города Шымкент",
            "Department of Health of Shymkent city"),
        new("SHY-TRANSPORT", Shymkent, "Шымкент қаласының жолаушылар көлігі және автомобиль жолдары басқармасы",
            "Управление пассажирского транспорта и автомобильных дорог города Шымкент", "Department of Passenger Transport and Roads of Shymkent city"),
        new("SHY-ECOLOGY", Shymkent, "Шымкент қаласының табиғи ресурстар және табиғат пайдалануды реттеу басқармасы",
            "Управление природных ресурсов и регулирования природопользования города Шымкент",
            "Department of Natural Resources and Environmental Management of Shymkent city"),
        new("SHY-CONSTRUCTION", Shymkent, "Шымкент қаласының құрылыс басқармасы", "Управление строительства города Шымкент",
            "Department of Construction of Shymkent city"),
        new("SHY-URBAN", Shymkent, "Шымкент қаласының сәулет және қала құрылысы басқармасы",
            "Управление архитектуры и градостроительства города Шымкент", "Department of Architecture and Urban Planning of Shymkent city"),
        new("SHY-BUSINESS", Shymkent, "Шымкент қаласының кәсіпкерлік және индустриялық-инновациялық даму басқармасы",
            "Управление предпринимательства и индустриально-инновационного развития города Шымкент",
            "Department of Entrepreneurship and Industrial-Innovative Development of Shymkent city"),
        new("SHY-ENERGY", Shymkent, "Шымкент қаласының энергетика және тұрғын үй-коммуналдық шаруашылық басқармасы",
            "Управление энергетики и жилищно-коммунального хозяйства города Шымкент",
            "Department of Energy and Housing and Communal Services of Shymkent city"),
        new("SHY-DIGITAL", Shymkent, "Шымкент қаласының цифрландыру басқармасы", "Управление цифровизации города Шымкент",
            "Department of Digitalization of Shymkent city"),

        new("KAR-AKIMAT", Karaganda, "Қарағанды облысының әкімдігі", "Акимат Карагандинской области", "Akimat of Karaganda Region"),
        new("KAR-ECONOMY", Karaganda, "Қарағанды облысының экономика және бюджеттік жоспарлау басқармасы",
            "Управление экономики и бюджетного планирования Карагандинской области",
            "Department of Economy and Budget Planning of Karaganda Region"),
        new("KAR-EDU", Karaganda, "Қарағанды облысының білім басқармасы", "Управление образования Карагандинской области",
            "Department of Education of Karaganda Region"),
        new("KAR-HEALTH", Karaganda, "Қарағанды облысының денсаулық сақтау басқармасы", "Управление здравоохранения Карагандинской области",
            "Department of Health of Karaganda Region"),
        new("KAR-TRANSPORT", Karaganda, "Қарағанды облысының жолаушылар көлігі және автомобиль жолдары басқармасы",
            "Управление пассажирского транспорта и автомобильных дорог Карагандинской области",
            "Department of Passenger Transport and Highways of Karaganda Region"),
        new("KAR-ECOLOGY", Karaganda, "Қарағанды облысының табиғи ресурстар және табиғат пайдалануды реттеу басқармасы",
            "Управление природных ресурсов и регулирования природопользования Карагандинской области",
            "Department of Natural Resources and Environmental Management of Karaganda Region"),
        new("KAR-CONSTRUCTION", Karaganda, "Қарағанды облысының құрылыс басқармасы", "Управление строительства Карагандинской области",
            "Department of Construction of Karaganda Region"),
        new("KAR-URBAN", Karaganda, "Қарағанды облысының сәулет және қала құрылысы басқармасы",
            "Управление архитектуры и градостроительства Карагандинской области",
            "Department of Architecture and Urban Planning of Karaganda Region"),
        new("KAR-BUSINESS", Karaganda, "Қарағанды облысының кәсіпкерлік және индустриялық-инновациялық даму басқармасы",
            "Управление предпринимательства и индустриально-инновационного развития Карагандинской области",
            "Department of Entrepreneurship and Industrial-Innovative Development of Karaganda Region"),
        new("KAR-ENERGY", Karaganda, "Қарағанды облысының энергетика және тұрғын үй-коммуналдық шаруашылық басқармасы",
            "Управление энергетики и жилищно-коммунального хозяйства Карагандинской области",
            "Department of Energy and Housing and Communal Services of Karaganda Region"),
        new("KAR-DIGITAL", Karaganda, "Қарағанды облысының цифрландыру басқармасы", "Управление цифровизации Карагандинской области",
            "Department of Digitalization of Karaganda Region"),
    ];

    public static IReadOnlyList<CodeMappingSeed> CodeMappings { get; } =
    [
        // The bureau's codes follow the ISO 3166-2 letter codes in use before 2020; KZONT, KZNS and those of the 2018 and 2022
        // units (KZYUZ, KZSHY, KZABY, KZZHS, KZULU) are as supplied and not checked against the bureau's own lists.
        new("kazstat", "KZAKM", "110000000"),
        new("kazstat", "KZAKT", "150000000"),
        new("kazstat", "KZALM", AlmatyRegion),
        new("kazstat", "KZALA", Almaty),
        new("kazstat", "KZATY", "230000000"),
        new("kazstat", "KZVOS", EastKazakhstan),
        new("kazstat", "KZZHA", "310000000"),
        new("kazstat", "KZZAP", "270000000"),
        new("kazstat", "KZKAR", Karaganda),
        new("kazstat", "KZKUS", "390000000"),
        new("kazstat", "KZKZY", "430000000"),
        new("kazstat", "KZMAN", "470000000"),
        new("kazstat", "KZPAV", "550000000"),
        new("kazstat", "KZSEV", "590000000"),
        new("kazstat", "KZONT", SouthKazakhstan),
        new("kazstat", "KZYUZ", "610000000"),
        new("kazstat", "KZNS", "710000000"),
        new("kazstat", "KZSHY", Shymkent),
        new("kazstat", "KZABY", "100000000"),
        new("kazstat", "KZZHS", "330000000"),
        new("kazstat", "KZULU", "620000000"),

        new("iso3166-2", "KZ-10", "100000000"),
        new("iso3166-2", "KZ-11", "110000000"),
        new("iso3166-2", "KZ-15", "150000000"),
        new("iso3166-2", "KZ-19", AlmatyRegion),
        new("iso3166-2", "KZ-23", "230000000"),
        new("iso3166-2", "KZ-27", "270000000"),
        new("iso3166-2", "KZ-31", "310000000"),
        new("iso3166-2", "KZ-33", "330000000"),
        new("iso3166-2", "KZ-35", Karaganda),
        new("iso3166-2", "KZ-39", "390000000"),
        new("iso3166-2", "KZ-43", "430000000"),
        new("iso3166-2", "KZ-47", "470000000"),
        new("iso3166-2", "KZ-55", "550000000"),
        new("iso3166-2", "KZ-59", "590000000"),
        new("iso3166-2", "KZ-61", "610000000"),
        new("iso3166-2", "KZ-62", "620000000"),
        new("iso3166-2", "KZ-63", EastKazakhstan),
        new("iso3166-2", "KZ-71", "710000000"),
        new("iso3166-2", "KZ-75", Almaty),
        new("iso3166-2", "KZ-79", Shymkent),
    ];

    /// <summary>
    /// The topics of citizens' suggestions, in the order the Almaty-2020 discussion named the first of them, each
    /// routed to the agency of every akimat whose code ends with <see cref="TopicSeed.AgencySuffix"/>.
    /// </summary>
    public static IReadOnlyList<TopicSeed> Topics { get; } =
    [
        new("ecology", "Экология", "Экология", "Ecology", "ECOLOGY"),
        new("public-transport", "Қоғамдық көлік", "Общественный транспорт", "Public transport", "TRANSPORT"),
        new("street-lighting", "Көше жарығы", "Уличное освещение", "Street lighting", "ENERGY"),
        new("parking", "Заңсыз тұрақтар", "Незаконные парковки", "Illegal parking", "TRANSPORT"),
        new("storm-sewers", "Нөсер кәрізі", "Ливневая канализация", "Storm sewers", "ENERGY"),
        new("corruption", "Сыбайлас жемқорлық", "Коррупция", "Corruption", "AKIMAT", Confidential: true),
        new("roads", "Жолдар", "Дороги", "Roads", "TRANSPORT"),
        new("housing-utilities", "Тұрғын үй-коммуналдық шаруашылық", "Жилищно-коммунальное хозяйство", "Housing and utilities", "ENERGY"),
        new("schools-kindergartens", "Мектептер мен балабақшалар", "Школы и детские сады", "Schools and kindergartens", "EDU"),
        new("health", "Денсаулық сақтау", "Здравоохранение", "Health", "HEALTH"),
        new("urban-planning", "Қала құрылысы", "Градостроительство", "Urban planning", "URBAN"),
        new("business", "Кәсіпкерлік", "Предпринимательство", "Business", "BUSINESS"),
        new("safety", "Қауіпсіздік және құқық тәртібі", "Безопасность и правопорядок", "Safety and public order", "AKIMAT"),
        new("other", "Басқа", "Другое", "Other", "AKIMAT"),
    ];
}

internal sealed record TerritorySeed(string Code, string? ParentCode, TerritoryKind Kind, string Kk, string Ru, string En, DateOnly? ValidFrom = null,
    DateOnly? ValidTo = null, string? PredecessorCode = null);

internal sealed record AgencySeed(string Code, string TerritoryCode, string Kk, string Ru, string En);

internal sealed record CodeMappingSeed(string Scheme, string ExternalCode, string TerritoryCode);

internal sealed record TopicSeed(string Code, string Kk, string Ru, string En, string AgencySuffix, bool Confidential = false);
