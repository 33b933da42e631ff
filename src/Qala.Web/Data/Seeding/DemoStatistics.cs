using Microsoft.EntityFrameworkCore;
using Qala.Engine.Indicators;
using Qala.Web.Features.Indicators;
using Qala.Web.Infrastructure.Imports;

namespace Qala.Web.Data.Seeding;

/// <summary>
/// The demo's real statistics: the SDG indicator files of the national statistics office (open-sdg format, MIT
/// licence, <c>Data/Seeding/Demo/kazstat-sdg</c>), named in three languages with their polarity and imported through
/// the same import as an administrator's, so every region has real series, comparisons and rankings. Four of them
/// stand in for governors' KPIs on the demo scorecard.
/// </summary>
internal sealed partial class DemoStatistics(QalaDbContext db, IServiceScopeFactory scopes, ILogger<DemoStatistics> logger)
{
    private const string ResourcePrefix = "Qala.Demo.kazstat-sdg.";

    /// <summary>code, kk, ru, en, unit, polarity, governor's KPI.</summary>
    internal static readonly (string Code, string Kk, string Ru, string En, string Unit, Polarity Polarity, bool Kpi)[] Catalog =
    [
        ("1.2.1", "Ұлттық кедейлік шегінен төмен тұратын халықтың үлесі", "Доля населения, живущего за национальной чертой бедности", "Population living below the national poverty line", "%", Polarity.LowerIsBetter, false),
        ("3.7.2", "Жасөспірімдер арасындағы туу коэффициенті (1000 әйелге)", "Коэффициент рождаемости среди девушек-подростков (на 1000 женщин)", "Adolescent birth rate (per 1,000 women)", "‰", Polarity.LowerIsBetter, false),
        ("4.2.2", "Мектепке дейінгі ұйымдастырылған оқуға қатысу деңгейі", "Уровень участия в организованном обучении за год до школы", "Participation rate in organized learning one year before primary school", "%", Polarity.HigherIsBetter, false),
        ("7.1.1", "Электр энергиясына қол жеткізе алатын халықтың үлесі", "Доля населения, имеющего доступ к электроэнергии", "Population with access to electricity", "%", Polarity.HigherIsBetter, false),
        ("8.1.1", "Жан басына шаққандағы нақты ЖӨӨ-нің өсу қарқыны", "Темп роста реального ВРП на душу населения", "Growth of real GRP per capita", "%", Polarity.HigherIsBetter, true),
        ("8.2.1", "Бір жұмыспен қамтылған адамға шаққандағы нақты ЖӨӨ-нің өсу қарқыны", "Темп роста реального ВРП на одного занятого", "Growth of real GRP per employed person", "%", Polarity.HigherIsBetter, false),
        ("8.5.2", "Жұмыссыздық деңгейі", "Уровень безработицы", "Unemployment rate", "%", Polarity.LowerIsBetter, true),
        ("8.6.1", "Оқымайтын және жұмыс істемейтін жастардың үлесі (NEET)", "Доля молодёжи, которая не учится и не работает (NEET)", "Youth not in education, employment or training (NEET)", "%", Polarity.LowerIsBetter, false),
        ("9.2.1", "Өңдеу өнеркәсібінің ЖӨӨ-дегі үлесі", "Доля обрабатывающей промышленности в ВРП", "Manufacturing value added as a share of GRP", "%", Polarity.HigherIsBetter, true),
        ("9.5.1", "Ғылыми зерттеулер мен әзірлемелерге жұмсалатын шығыстар (ЖӨӨ-ге %)", "Расходы на научные исследования и разработки (% ВРП)", "Research and development expenditure (% of GRP)", "%", Polarity.HigherIsBetter, false),
        ("11.1.1", "Апатты үйлерде тұратын қала халқы", "Городское население, проживающее в аварийном жилье", "Urban population living in dilapidated housing", "persons", Polarity.LowerIsBetter, false),
        ("11.3.1", "Бір тұрғынға шаққандағы тұрғын үй алаңы", "Жилая площадь на одного жителя", "Housing floor area per resident", "m²", Polarity.HigherIsBetter, false),
        ("11.6.1", "Жиналған қатты тұрмыстық қалдықтардың қайта өңделген үлесі", "Доля переработанных твёрдых бытовых отходов", "Share of municipal solid waste processed", "%", Polarity.HigherIsBetter, false),
        ("11.6.2", "Ауадағы қалқыма бөлшектердің орташа жылдық деңгейі (PM2.5/PM10)", "Среднегодовой уровень взвешенных частиц (PM2,5/PM10)", "Annual mean levels of fine particulate matter (PM2.5/PM10)", "mg/m³", Polarity.LowerIsBetter, false),
        ("17.3.1.2", "Тікелей шетелдік инвестициялардың ЖІӨ-ге қатынасы", "Прямые иностранные инвестиции в % к ВВП", "Foreign direct investment as a share of GDP", "%", Polarity.HigherIsBetter, true),
    ];

    /// <summary>Adds the catalog and imports the files once, each file in its own transaction; false when already there.</summary>
    public async Task<bool> SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Set<Indicator>().AnyAsync(i => i.Source == OpenSdgImport.SourceName, cancellationToken))
        {
            return false;
        }

        db.AddRange(Catalog.Select(c => new Indicator
        {
            Code = c.Code,
            Name = LocalizedText.Of(c.Kk, c.Ru, c.En),
            Unit = c.Unit,
            Polarity = c.Polarity,
            Source = OpenSdgImport.SourceName,
            Methodology = "https://kazstat.github.io/sdg-site-kazstat/",
            IsGovernorKpi = c.Kpi,
            Version = Guid.NewGuid(),
        }));
        await db.SaveChangesAsync(cancellationToken);

        var assembly = typeof(DemoStatistics).Assembly;
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            await using var scope = scopes.CreateAsyncScope();
            var importer = scope.ServiceProvider.GetRequiredService<Importer>();
            var definition = scope.ServiceProvider.GetRequiredService<OpenSdgImport>();
            await using var content = assembly.GetManifestResourceStream(resource)!;
            var upload = await importer.UploadAsync(definition.Kind, resource[ResourcePrefix.Length..], content, cancellationToken);
            var report = await importer.CommitAsync(definition, upload, ImportMode.SkipInvalidRows, cancellationToken);
            LogImported(logger, upload.FileName, report.Added, report.Skipped, report.WarningCount);
        }

        return true;
    }

    [LoggerMessage(LogLevel.Information, "Demo statistics {File}: {Added} values, {Skipped} rows skipped, {Warnings} warnings")]
    private static partial void LogImported(ILogger logger, string file, int added, int skipped, int warnings);
}
