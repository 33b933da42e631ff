using System.Globalization;
using Qala.Engine.Investment;
using Qala.Web.Features.Agencies;
using Qala.Web.Features.Investment;
using Qala.Web.Features.Territories;

namespace Qala.Web.Data.Seeding;

/// <summary>
/// Demonstration investment data, every record marked <c>IsDemo</c>: the Almaty industrial zone and the Karaganda SEZ
/// with participants whose lifecycles reproduce the seeds' figures — Almaty on 29 October 2019, "33 companies
/// registered and over 156 billion tenge invested … in 7 years only 6 new enterprises were commissioned, and only 1
/// … this year"; Karaganda, "15 participants, only 6 of which are operating" — and PPP projects for kindergartens and
/// schools in Shymkent. The companies are invented; their BINs are generated with valid check digits.
/// </summary>
internal static class DemoInvestment
{
    public static readonly DateOnly AlmatySeedDay = new(2019, 10, 29);

    private const string By = "demo";

    public static void Seed(QalaDbContext db, IReadOnlyDictionary<string, Territory> territories, IReadOnlyDictionary<string, Agency> agencies)
    {
        var bins = Bins().GetEnumerator();
        string NextBin()
        {
            bins.MoveNext();
            return bins.Current;
        }

        var almaty = new InvestmentZone
        {
            Kind = ZoneKind.IndustrialZone,
            Name = LocalizedText.Of("Алматы қаласының индустриялық аймағы", "Индустриальная зона города Алматы", "Almaty city industrial zone"),
            TerritoryId = territories["750000000"].Id,
            ResponsibleAgencyId = agencies["ALA-BUSINESS"].Id,
            AreaHectares = 525,
            EstablishedOn = new DateOnly(2012, 9, 1),
            PrioritySectors = "Food, building materials, light industry, pharmaceuticals, metalworking",
            ManagementCompany = "Demo management company",
            Power = Readiness.Ready,
            Gas = Readiness.Ready,
            Water = Readiness.Ready,
            Roads = Readiness.Planned,
            Latitude = 43.3455,
            Longitude = 76.8702,
            IsDemo = true,
        };

        // 33 registered on the seed day: 6 commissioned (one in 2019), 10 building, 17 registered; two more excluded earlier.
        // Their investment: 0.25 bn × 1…32 = 132 bn, and 24.3 bn for the last, 156.3 bn in all.
        for (var i = 0; i < 35; i++)
        {
            var registered = new DateOnly(2013 + (i % 6), 1 + (i % 12), 10);
            var participant = new ZoneParticipant
            {
                CompanyName = string.Format(CultureInfo.InvariantCulture, "Demo Almaty Plant {0:00}", i + 1),
                Bin = NextBin(),
                Oked = (i % 4) switch { 0 => "10.71.1", 1 => "23.61.0", 2 => "25.11.0", _ => "21.20.0" },
                Description = "Demonstration project",
                LandPlot = string.Format(CultureInfo.InvariantCulture, "IZ-{0:000}", i + 1),
                IsAnchor = i == 0,
                IsHighTech = i % 7 == 3,
                IsExportOriented = i % 5 == 2,
                PlannedJobs = 40 + (i * 5),
                IsDemo = true,
            };
            (participant.Latitude, participant.Longitude) = PlotOf(almaty, i, 6);
            participant.Start(LifecycleStage.Registered, registered, "Contract with the management company", By, Stamp(registered));
            if (i < 33)
            {
                var amount = i < 32 ? 250_000_000m * (i + 1) : 24_300_000_000m;
                participant.SetYears([(registered.Year + 1, amount, amount)]);
            }

            switch (i)
            {
                case < 6:
                    var building = registered.AddMonths(4);
                    var commissioned = i == 5 ? new DateOnly(2019, 5, 20) : new DateOnly(2014 + i, 11, 15);
                    participant.MoveTo(LifecycleStage.UnderConstruction, building, "Construction permit", By, Stamp(building));
                    participant.MoveTo(LifecycleStage.Commissioned, commissioned, "Act of commissioning", By, Stamp(commissioned));
                    participant.ActualJobs = participant.PlannedJobs - 5;
                    break;
                case < 16:
                    var started = registered.AddMonths(6);
                    participant.MoveTo(LifecycleStage.UnderConstruction, started, "Construction permit", By, Stamp(started));
                    break;
                case >= 33:
                    var excluded = registered.AddYears(1);
                    participant.MoveTo(LifecycleStage.Excluded, excluded, "Construction did not start within a year", By, Stamp(excluded));
                    break;
                default:
                    break;
            }

            almaty.Participants.Add(participant);
        }

        var karaganda = new InvestmentZone
        {
            Kind = ZoneKind.SpecialEconomicZone,
            Name = LocalizedText.Of("«Сарыарқа» арнайы экономикалық аймағы", "Специальная экономическая зона «Сарыарка»", "Saryarka special economic zone"),
            TerritoryId = territories["350000000"].Id,
            ResponsibleAgencyId = agencies["KAR-BUSINESS"].Id,
            AreaHectares = 534.7m,
            EstablishedOn = new DateOnly(2011, 11, 24),
            ExpiresOn = new DateOnly(2036, 12, 31),
            PrioritySectors = "Metallurgy, metalworking, chemical industry, construction materials",
            ManagementCompany = "Demo SEZ management company",
            Power = Readiness.Ready,
            Gas = Readiness.Planned,
            Water = Readiness.Ready,
            Roads = Readiness.Ready,
            Latitude = 49.7842,
            Longitude = 73.2089,
            IsDemo = true,
        };

        // 15 participants: 6 operating, 5 building, 4 registered; one more applied and not yet registered.
        for (var i = 0; i < 16; i++)
        {
            var registered = new DateOnly(2013 + (i % 5), 3 + (i % 9), 1);
            var participant = new ZoneParticipant
            {
                CompanyName = string.Format(CultureInfo.InvariantCulture, "Demo Saryarka Works {0:00}", i + 1),
                Bin = NextBin(),
                Oked = (i % 3) switch { 0 => "24.10.0", 1 => "20.14.0", _ => "25.62.0" },
                Description = "Demonstration project",
                LandPlot = string.Format(CultureInfo.InvariantCulture, "SEZ-{0:00}", i + 1),
                IsAnchor = i < 2,
                IsExportOriented = i % 2 == 0,
                PlannedJobs = 100 + (i * 10),
                IsDemo = true,
            };
            (participant.Latitude, participant.Longitude) = PlotOf(karaganda, i, 4);
            participant.SetYears([(registered.Year + 1, 3_000_000_000m + (i * 500_000_000m), i < 15 ? 2_000_000_000m + (i * 400_000_000m) : 0)]);
            if (i == 15)
            {
                participant.Start(LifecycleStage.Applied, new DateOnly(2018, 6, 1), "Application to the management company", By, Stamp(new DateOnly(2018, 6, 1)));
                karaganda.Participants.Add(participant);
                continue;
            }

            participant.Start(LifecycleStage.Registered, registered, "Contract with the management company", By, Stamp(registered));
            if (i < 11)
            {
                var building = registered.AddMonths(5);
                participant.MoveTo(LifecycleStage.UnderConstruction, building, "Construction permit", By, Stamp(building));
            }

            if (i < 6)
            {
                var commissioned = registered.AddYears(2);
                participant.MoveTo(LifecycleStage.Commissioned, commissioned, "Act of commissioning", By, Stamp(commissioned));
                participant.ActualJobs = participant.PlannedJobs;
            }

            karaganda.Participants.Add(participant);
        }

        db.AddRange(almaty, karaganda);
        SeedPpp(db, territories["790000000"].Id, agencies);
    }

    private static void SeedPpp(QalaDbContext db, int shymkent, IReadOnlyDictionary<string, Agency> agencies)
    {
        var education = agencies["SHY-EDU"].Id;
        // Sites in the named districts of Shymkent (approximate, for the demo map).
        (LocalizedText Name, PppSector Sector, PppStage Stage, decimal Value, int From, double Latitude, double Longitude)[] projects =
        [
            (LocalizedText.Of("Абай ауданындағы 320 орындық балабақша", "Детский сад на 320 мест в Абайском районе", "Kindergarten for 320 children in Abai District"),
                PppSector.Kindergartens, PppStage.Operation, 1_450_000_000m, 2020, 42.3417, 69.5201),
            (LocalizedText.Of("Тұран ауданындағы 280 орындық балабақша", "Детский сад на 280 мест в районе Тұран", "Kindergarten for 280 children in Turan District"),
                PppSector.Kindergartens, PppStage.Construction, 1_280_000_000m, 2022, 42.3702, 69.6498),
            (LocalizedText.Of("Қаратау ауданындағы 1200 орындық мектеп", "Школа на 1200 мест в Каратауском районе", "School for 1,200 pupils in Karatau District"),
                PppSector.Schools, PppStage.Contract, 6_900_000_000m, 2023, 42.2936, 69.6402),
            (LocalizedText.Of("Еңбекші ауданындағы 900 орындық мектеп", "Школа на 900 мест в Енбекшинском районе", "School for 900 pupils in Enbekshi District"),
                PppSector.Schools, PppStage.Tender, 0m, 2024, 42.3068, 69.5712),
        ];
        var concept = new DateOnly(2019, 2, 1);
        foreach (var (name, sector, stage, value, from, latitude, longitude) in projects)
        {
            var project = PppProject.Create(name, sector, shymkent, education, concept);
            (project.IsDemo, project.Latitude, project.Longitude) = (true, latitude, longitude);
            if (stage >= PppStage.Contract)
            {
                project.PrivatePartner = "Demo private partner";
                project.ContractValue = value;
                // The republican budget co-finances the availability payments; the city pays the rest.
                project.SetObligations(Enumerable.Range(from, 10).Select(year => (year, Math.Round(value * 0.08m, 2), Math.Round(value * 0.06m, 2))));
            }

            for (var next = PppStage.Tender; next <= stage; next++)
            {
                project.MoveTo(next, new DateOnly(from - 1, 1 + (2 * (int)next), 1));
            }

            db.Add(project);
        }
    }

    /// <summary>The <paramref name="index"/>th plot of a zone laid out in rows of <paramref name="perRow"/>, about 250 m apart around its centre.</summary>
    private static (double Latitude, double Longitude) PlotOf(InvestmentZone zone, int index, int perRow) =>
        (Math.Round(zone.Latitude!.Value + (((index / perRow) - 2.5) * 0.0023), 6), Math.Round(zone.Longitude!.Value + (((index % perRow) - (perRow / 2)) * 0.0031), 6));

    /// <summary>Twelve-digit numbers shaped like legal entities' BINs (year and month, 4 for a resident legal entity) with valid check digits.</summary>
    private static IEnumerable<string> Bins()
    {
        for (var serial = 1; ; serial++)
        {
            var first11 = string.Format(CultureInfo.InvariantCulture, "1206400{0:0000}", serial);
            if (Bin.CheckDigit(first11) is { } check)
            {
                yield return first11 + check.ToString(CultureInfo.InvariantCulture);
            }
        }
    }

    private static DateTimeOffset Stamp(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
