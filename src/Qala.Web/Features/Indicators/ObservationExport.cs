using System.Globalization;
using System.Text;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Qala.Engine.Indicators;
using Qala.Web.Data;
using Qala.Web.Infrastructure.Documents;

namespace Qala.Web.Features.Indicators;

/// <summary>One current value of an indicator as the exports write it: the long layout that <see cref="LongImport"/> reads back.</summary>
public sealed record ExportedObservation(string Territory, string Period, IReadOnlyDictionary<string, string> Dimensions, decimal Value, int Revision);

/// <summary>
/// Writes an indicator's current values as CSV, .xlsx or JSON in the long layout — indicator, territory, period, value
/// and one column per dimension — so that an export imports back unchanged.
/// </summary>
public sealed class ObservationExport(QalaDbContext db)
{
    public async Task<(IReadOnlyList<string> Dimensions, IReadOnlyList<ExportedObservation> Rows)> ReadAsync(Indicator indicator, CancellationToken cancellationToken)
    {
        var rows = await db.Set<Observation>().AsNoTracking().Where(o => o.IndicatorId == indicator.Id && o.IsCurrent)
            .OrderBy(o => o.Territory!.Code).ThenBy(o => o.Year).ThenBy(o => o.PeriodNumber).ThenBy(o => o.Dimensions)
            .Select(o => new { Territory = o.Territory!.Code, o.Year, o.PeriodNumber, o.Dimensions, o.Value, o.Revision })
            .ToListAsync(cancellationToken);
        var exported = rows.Select(o => new ExportedObservation(
            o.Territory,
            Period.Of(indicator.Periodicity, o.Year, o.PeriodNumber).ToString(),
            o.Dimensions.Length == 0 ? new Dictionary<string, string>() : o.Dimensions.Split(';').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]),
            o.Value,
            o.Revision)).ToList();
        var dimensions = exported.SelectMany(e => e.Dimensions.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return (dimensions, exported);
    }

    public static byte[] Csv(Indicator indicator, IReadOnlyList<string> dimensions, IReadOnlyList<ExportedObservation> rows)
    {
        using var buffer = new MemoryStream();
        using (var text = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
        using (var csv = CsvWriter.Create(text, new CsvWriterOptions { Injection = CsvInjection.Escape, InjectionCharacters = "=@\t\r" }, leaveOpen: true))
        {
            foreach (var name in Header(dimensions))
            {
                csv.WriteField(name);
            }

            csv.EndRecord();
            foreach (var row in rows)
            {
                csv.WriteField(indicator.Code);
                csv.WriteField(row.Territory);
                csv.WriteField(row.Period);
                csv.WriteField(row.Value.ToString(CultureInfo.InvariantCulture));
                foreach (var dimension in dimensions)
                {
                    csv.WriteField(row.Dimensions.GetValueOrDefault(dimension, ""));
                }

                csv.EndRecord();
            }
        }

        return buffer.ToArray();
    }

    public static ReportDocument Workbook(Indicator indicator, IReadOnlyList<string> dimensions, IReadOnlyList<ExportedObservation> rows) =>
        new($"{indicator.Code} {indicator.Name.Current}",
        [
            new ReportTable(
                "values",
                [.. Header(dimensions).Select((h, i) => new ReportColumn(h, i == 3 ? ColumnKind.Number : ColumnKind.Text, i == 3 ? 6 : 0))],
                rows.Select(r => (IReadOnlyList<object?>)[indicator.Code, r.Territory, r.Period, r.Value, .. dimensions.Select(d => (object?)r.Dimensions.GetValueOrDefault(d, ""))])),
        ]);

    private static IEnumerable<string> Header(IReadOnlyList<string> dimensions) =>
        [LongImport.IndicatorColumn, LongImport.TerritoryColumn, LongImport.PeriodColumn, LongImport.ValueColumn, .. dimensions];
}
