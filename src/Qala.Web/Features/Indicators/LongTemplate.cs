using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qala.Engine.Indicators;
using Qala.Web.Data;
using Qala.Web.Features.Territories;
using Qala.Web.Infrastructure.Documents;

namespace Qala.Web.Features.Indicators;

/// <summary>
/// The .xlsx template of <see cref="LongImport"/> for one indicator and year: a row for every period of the year and
/// every territory of the user's scope that existed then, with the dimension columns the indicator already uses and
/// the current values filled in, so a planner types the new values and imports the file back.
/// </summary>
public sealed class LongTemplate(QalaDbContext db, IStringLocalizer<SharedResource> t)
{
    public async Task<ReportDocument> WriteAsync(Indicator indicator, int year, Func<int, bool> inScope, CancellationToken cancellationToken)
    {
        var periods = PeriodsOf(indicator.Periodicity, year);
        var territories = (await db.Set<Territory>().AsNoTracking().Where(x => x.Kind != TerritoryKind.District).ToListAsync(cancellationToken))
            .Where(x => inScope(x.Id) && LongImport.ExistedIn(x, Period.OfYear(year)))
            .OrderBy(x => x.Kind).ThenBy(x => x.Code, StringComparer.Ordinal).ToList();
        var current = await db.Set<Observation>().AsNoTracking()
            .Where(o => o.IndicatorId == indicator.Id && o.IsCurrent && o.Year == year && o.Dimensions == "")
            .ToDictionaryAsync(o => (o.TerritoryId, o.PeriodNumber), o => o.Value, cancellationToken);
        var dimensions = (await db.Set<Observation>().AsNoTracking().Where(o => o.IndicatorId == indicator.Id && o.Dimensions != "")
                .Select(o => o.Dimensions).Distinct().Take(1000).ToListAsync(cancellationToken))
            .SelectMany(d => d.Split(';').Select(pair => pair.Split('=')[0])).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

        var values = new ReportTable(
            "values",
            [
                new ReportColumn(LongImport.IndicatorColumn), new ReportColumn(LongImport.TerritoryColumn), new ReportColumn(LongImport.PeriodColumn),
                new ReportColumn(LongImport.ValueColumn, ColumnKind.Number, 2), .. dimensions.Select(d => new ReportColumn(d)),
            ],
            territories.SelectMany(territory => periods.Select(period => (IReadOnlyList<object?>)
            [
                indicator.Code, territory.Code, period.ToString(),
                current.TryGetValue((territory.Id, period.Number), out var value) ? value : null,
                .. dimensions.Select(_ => (object?)null),
            ])));
        var names = new ReportTable(
            "territories",
            [new ReportColumn(t["Code"]), new ReportColumn(t["Name"])],
            territories.Select(x => (IReadOnlyList<object?>)[x.Code, x.Name.Current]));
        return new ReportDocument($"{indicator.Code} {indicator.Name.Current}", [values, names])
        {
            Subtitle = t["Type the values in the value column and import the file; rows left empty are passed over."],
        };
    }

    private static List<Period> PeriodsOf(Periodicity periodicity, int year)
    {
        var periods = new List<Period>();
        for (var day = new DateOnly(year, 1, 1); day.Year == year; day = day.AddDays(1))
        {
            var period = Period.Containing(periodicity, day);
            if (period.Year == year && (periods.Count == 0 || periods[^1] != period))
            {
                periods.Add(period);
            }
        }

        return periods;
    }
}
