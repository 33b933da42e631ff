using Microsoft.EntityFrameworkCore;
using Qala.Web.Data;

namespace Qala.Web.Features.Indicators;

/// <summary>What the pages and the API read about indicators.</summary>
internal static class IndicatorQueries
{
    /// <summary>Every indicator with its number of current observations, ordered by code as people read it (8.5.2 before 11.6.2).</summary>
    public static async Task<IReadOnlyList<(Indicator Indicator, int Observations)>> CatalogAsync(QalaDbContext db, CancellationToken cancellationToken)
    {
        var indicators = await db.Set<Indicator>().AsNoTracking().ToListAsync(cancellationToken);
        var counts = await db.Set<Observation>().Where(o => o.IsCurrent).GroupBy(o => o.IndicatorId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return [.. indicators.OrderBy(i => i.Code, CodeComparer.Instance).Select(i => (i, counts.GetValueOrDefault(i.Id)))];
    }

    /// <summary>Compares codes such as "8.5.2" and "11.6.2" part by part, numbers as numbers.</summary>
    private sealed class CodeComparer : IComparer<string>
    {
        public static readonly CodeComparer Instance = new();

        public int Compare(string? x, string? y)
        {
            var a = (x ?? "").Split('.');
            var b = (y ?? "").Split('.');
            for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
            {
                var order = int.TryParse(a[i], out var m) && int.TryParse(b[i], out var n) ? m.CompareTo(n) : string.CompareOrdinal(a[i], b[i]);
                if (order != 0)
                {
                    return order;
                }
            }

            return a.Length.CompareTo(b.Length);
        }
    }
}
