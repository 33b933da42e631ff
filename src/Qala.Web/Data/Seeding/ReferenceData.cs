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

        // Cities, towns, settlements and monitoring sites that the statistics office's SDG files report on (11.6.2's air
        // quality). Names: the office's translations/{kk,ru,en}/REF_AREA.yml (kazstat/sdg-data-kazstat). Codes: KATO as
        // listed in "KATO NK RK 11-2025" (Eliasans02/pulse109), whose cities' four-digit city administrations ("Г.А.")
        // and districts agree with a second list of KATO prefixes; settlements from a list of KATO codes of places (a
        // "KaspiCities" table) whose district digits match that list. Each is under the region it belongs to today, and
        // valid throughout (a town did not move when its region was formed or renamed). docs/architecture.md
        // "Cities, towns and monitoring sites" says which code is verified by what.
        new("111010000", "110000000", TerritoryKind.City, "Көкшетау қаласы", "город Кокшетау", "Kokshetau"),
        new("111810000", "110000000", TerritoryKind.City, "Степногорск қаласы", "город Степногорск", "Stepnogorsk"),
        new("151010000", "150000000", TerritoryKind.City, "Ақтөбе қаласы", "город Актобе", "Aktobe"),
        new("231010000", "230000000", TerritoryKind.City, "Атырау қаласы", "город Атырау", "Atyrau"),
        new("233620100", "230000000", TerritoryKind.Town, "Құлсары қаласы", "город Кульсары", "Kulsary"),
        new("271010000", "270000000", TerritoryKind.City, "Орал қаласы", "город Уральск", "Uralsk"),
        new("273620100", "270000000", TerritoryKind.Town, "Ақсай қаласы", "город Аксай", "Aksay"),
        new("311010000", "310000000", TerritoryKind.City, "Тараз қаласы", "город Тараз", "Taraz"),
        new("316020100", "310000000", TerritoryKind.Town, "Жаңатас қаласы", "город Жанатас", "Zhanatas"),
        new("316220100", "310000000", TerritoryKind.Town, "Қаратау қаласы", "город Каратау", "Karatau"),
        new("316621100", "310000000", TerritoryKind.Town, "Шу қаласы", "город Шу", "Shu"),
        new("331010000", "330000000", TerritoryKind.City, "Талдықорған қаласы", "город Талдыкорган", "Taldykorgan"),
        new("351010000", Karaganda, TerritoryKind.City, "Қарағанды қаласы", "город Караганда", "Karagandy"),
        new("351610000", Karaganda, TerritoryKind.City, "Балқаш қаласы", "город Балхаш", "Balkhash"),
        new("352210000", Karaganda, TerritoryKind.City, "Саран қаласы", "город Сарань", "Saran"),
        new("352410000", Karaganda, TerritoryKind.City, "Теміртау қаласы", "город Темиртау", "Temirtau"),
        new("391010000", "390000000", TerritoryKind.City, "Қостанай қаласы", "город Костанай", "Kostanay"),
        new("391610000", "390000000", TerritoryKind.City, "Арқалық қаласы", "город Аркалык", "Arkalyk"),
        new("392010000", "390000000", TerritoryKind.City, "Лисаков қаласы", "город Лисаковск", "Lisakovsk"),
        new("392410000", "390000000", TerritoryKind.City, "Рудный қаласы", "город Рудный", "Rudny"),
        new("394420100", "390000000", TerritoryKind.Town, "Жітіқара қаласы", "город Житикара", "Zhitikara"),
        new("431010000", "430000000", TerritoryKind.City, "Қызылорда қаласы", "город Кызылорда", "Kyzylorda"),
        new("471010000", "470000000", TerritoryKind.City, "Ақтау қаласы", "город Актау", "Aktau"),
        new("471810000", "470000000", TerritoryKind.City, "Жаңаөзен қаласы", "город Жанаозен", "Zhanaozen"),
        new("551010000", "550000000", TerritoryKind.City, "Павлодар қаласы", "город Павлодар", "Pavlodar"),
        new("551610000", "550000000", TerritoryKind.City, "Ақсу қаласы", "город Аксу", "Aksu"),
        new("552210000", "550000000", TerritoryKind.City, "Екібастұз қаласы", "город Экибастуз", "Ekibastuz"),
        new("591010000", "590000000", TerritoryKind.City, "Петропавл қаласы", "город Петропавловск", "Petropavl"),
        new("611010000", "610000000", TerritoryKind.City, "Түркістан қаласы", "город Туркестан", "Turkistan"),
        new("612010000", "610000000", TerritoryKind.City, "Кентау қаласы", "город Кентау", "Kentau"),
        new("621010000", "620000000", TerritoryKind.City, "Жезқазған қаласы", "город Жезказган", "Zhezkazgan"),
        new("631010000", EastKazakhstan, TerritoryKind.City, "Өскемен қаласы", "город Усть-Каменогорск", "Ust-Kamenogorsk"),
        new("632410000", EastKazakhstan, TerritoryKind.City, "Риддер қаласы", "город Риддер", "Ridder"),
        new("634820100", EastKazakhstan, TerritoryKind.Town, "Алтай (Зыряновск) қаласы", "город Алтай (Зыряновск)", "Altai (Zyryanovsk)"),
        new("101010000", "100000000", TerritoryKind.City, "Семей қаласы", "город Семей", "Semey"),

        new("473630100", "470000000", TerritoryKind.Settlement, "Бейнеу кенті", "посёлок Бейнеу", "Beineu"),
        new("634030100", EastKazakhstan, TerritoryKind.Settlement, "Глубокое кенті", "посёлок Глубокое", "Glubokoye"),
        new("395030100", "390000000", TerritoryKind.Settlement, "Қарабалық кенті", "посёлок Карабалык", "Karabalyk"),

        // Settlements whose KATO code no source at hand confirms keep Qala's own code until an administrator sets it.
        new("QALA-KZKOR", "310000000", TerritoryKind.Settlement, "Қордай кенті", "посёлок Кордай", "Kordai"),
        new("QALA-KZAKY", "430000000", TerritoryKind.Settlement, "Ақай кенті", "посёлок Акай", "Akay"),
        new("QALA-KZTRT", "430000000", TerritoryKind.Settlement, "Төретам кенті", "посёлок Торетам", "Toretam"),
        new("QALA-KZBER", "270000000", TerritoryKind.Settlement, "Березовка кенті", "посёлок Березовка", "Berezovka"),
        new("QALA-KZYAN", "270000000", TerritoryKind.Settlement, "Январцев кенті", "посёлок Январцево", "Yanvartsevo"),
        new("QALA-KZSRB", "110000000", TerritoryKind.Settlement, "Сарыбұлақ кенті", "посёлок Сарыбулак", "Sarybulak"),

        new("QALA-KZBOR", "110000000", TerritoryKind.MonitoringSite, "«Бурабай» МКҚК", "СКФМ «Боровое»", "Borovoe background monitoring station (SKFM)"),
        new("QALA-KZSHB", "110000000", TerritoryKind.MonitoringSite, "ЩБКЗ (Щучинск-Бурабай курорттық аймағы)", "ЩБКЗ (Щучинско-Боровская курортная зона)",
            "Shchuchinsk–Borovoe resort area (SHBKZ)"),
        new("QALA-KZUKK", Kazakhstan, TerritoryKind.MonitoringSite, "KZUKK (Бюро атауын бермеген)", "KZUKK (Бюро не указало название)", "KZUKK (not named by the bureau)"),
        new("QALA-KZDMB", Kazakhstan, TerritoryKind.MonitoringSite, "KZDMB (Бюро атауын бермеген)", "KZDMB (Бюро не указало название)", "KZDMB (not named by the bureau)"),
        new("QALA-KZAYB", Kazakhstan, TerritoryKind.MonitoringSite, "KZAYB (Бюро атауын бермеген)", "KZAYB (Бюро не указало название)", "KZAYB (not named by the bureau)"),
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

        // The cities, towns, settlements and sites of 11.6.2 (air quality).
        new("kazstat", "KZKSH", "111010000"),
        new("kazstat", "KZSTG", "111810000"),
        new("kazstat", "KZATB", "151010000"),
        new("kazstat", "KZATR", "231010000"),
        new("kazstat", "KZKLS", "233620100"),
        new("kazstat", "KZURL", "271010000"),
        new("kazstat", "KZAKS", "273620100"),
        new("kazstat", "KZTRZ", "311010000"),
        new("kazstat", "KZZHT", "316020100"),
        new("kazstat", "KZKAT", "316220100"),
        new("kazstat", "KZSHU", "316621100"),
        new("kazstat", "KZTDK", "331010000"),
        new("kazstat", "KZKRG", "351010000"),
        new("kazstat", "KZBLH", "351610000"),
        new("kazstat", "KZSRN", "352210000"),
        new("kazstat", "KZTMT", "352410000"),
        new("kazstat", "KZKOS", "391010000"),
        new("kazstat", "KZARK", "391610000"),
        new("kazstat", "KZLIS", "392010000"),
        new("kazstat", "KZRDN", "392410000"),
        new("kazstat", "KZZHR", "394420100"),
        new("kazstat", "KZKZL", "431010000"),
        new("kazstat", "KZZHO", "471810000"),
        new("kazstat", "KZPVL", "551010000"),
        new("kazstat", "KZAKSU", "551610000"),
        new("kazstat", "KZEBT", "552210000"),
        new("kazstat", "KZTUR", "611010000"),
        new("kazstat", "KZKET", "612010000"),
        new("kazstat", "KZZHK", "621010000"),
        new("kazstat", "KZUSK", "631010000"),
        new("kazstat", "KZRDD", "632410000"),
        new("kazstat", "KZZRV", "634820100"),
        new("kazstat", "KZSEM", "101010000"),
        new("kazstat", "KZBEI", "473630100"),
        new("kazstat", "KZGLU", "634030100"),
        new("kazstat", "KZKBL", "395030100"),
        new("kazstat", "KZKOR", "QALA-KZKOR"),
        new("kazstat", "KZAKY", "QALA-KZAKY"),
        new("kazstat", "KZTRT", "QALA-KZTRT"),
        new("kazstat", "KZBER", "QALA-KZBER"),
        new("kazstat", "KZYAN", "QALA-KZYAN"),
        new("kazstat", "KZSRB", "QALA-KZSRB"),
        new("kazstat", "KZBOR", "QALA-KZBOR"),
        new("kazstat", "KZSHB", "QALA-KZSHB"),
        new("kazstat", "KZUKK", "QALA-KZUKK"),
        new("kazstat", "KZDMB", "QALA-KZDMB"),
        new("kazstat", "KZAYB", "QALA-KZAYB"),

        // In 11.6.2 alone KZAKT and KZONT (Aktobe and South Kazakhstan regions everywhere else) carry the values that the
        // bureau's own earlier 11-6-2.csv gives for Aktau and Petropavl (2015–2018 agree value for value); a mapping of
        // the scheme "kazstat:{indicator}" wins over the general one for that indicator's files.
        new("kazstat:11.6.2", "KZAKT", "471010000"),
        new("kazstat:11.6.2", "KZONT", "591010000"),

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
