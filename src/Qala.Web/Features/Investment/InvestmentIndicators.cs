using Microsoft.EntityFrameworkCore;
using Qala.Engine.Investment;
using Qala.Web.Data;
using Qala.Web.Features.Indicators;

namespace Qala.Web.Features.Investment;

/// <summary>
/// The governors' investment KPIs computed from the registry, as observations of two indicators of their own — never
/// written into the official statistics (investment in fixed capital, employment), which keep their own indicators
/// and appear beside these on the KPI scorecard:
/// <list type="bullet">
/// <item><see cref="AttractedCode"/>: the actual investment of zone participants (counted in the zone's territory) and
/// pipeline projects, by territory and year of the investment, whatever stage they are at now.</item>
/// <item><see cref="JobsCode"/>: the jobs of participants and projects, counted in the year they were first commissioned.</item>
/// </list>
/// Every save of a participant or project (<see cref="SaveAndRecomputeAsync"/>) and every import recomputes both, in
/// the same transaction as the change, so the KPIs never disagree with the registry; a changed value is a new revision
/// recorded by <see cref="ComputedBy"/>. A territory's value is its own registry's, not summed up from its districts.
/// </summary>
public sealed class InvestmentIndicators(QalaDbContext db, ObservationStore store, TimeProvider time)
{
    public const string AttractedCode = "QALA-INVESTMENT-ATTRACTED";
    public const string JobsCode = "QALA-JOBS-CREATED";
    public const string ComputedBy = "investment-registry";
    public const string Source = "Qala investment registry (computed)";

    /// <summary>Saves the pending changes of the registry and recomputes the KPIs from them in one transaction: both or neither.</summary>
    public async Task SaveAndRecomputeAsync(CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await RecomputeAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task RecomputeAsync(CancellationToken cancellationToken)
    {
        var attracted = await IndicatorAsync(AttractedCode, LocalizedText.Of(
            "Жобалар арқылы тартылған инвестициялар", "Инвестиции, привлечённые через проекты", "Investment attracted through projects"), "tenge", cancellationToken);
        var jobs = await IndicatorAsync(JobsCode, LocalizedText.Of(
            "Жобалар құрған жұмыс орындары", "Рабочие места, созданные проектами", "Jobs created by projects"), "jobs", cancellationToken);

        var participants = await db.Set<ZoneParticipant>().AsNoTracking().Include(p => p.Years).Include(p => p.Steps).AsSplitQuery()
            .Select(p => new { p.Zone!.TerritoryId, Record = p }).ToListAsync(cancellationToken);
        var projects = await db.Set<InvestmentProject>().AsNoTracking().Include(p => p.Years).Include(p => p.Steps).AsSplitQuery().ToListAsync(cancellationToken);
        var all = participants.Select(p => (p.TerritoryId, Record: p.Record.ToRecord()))
            .Concat(projects.Select(p => (p.TerritoryId, Record: p.ToRecord()))).ToList();

        var money = all.SelectMany(u => u.Record.ActualInvestment.Select(y => (u.TerritoryId, y.Year, y.Amount)))
            .GroupBy(x => (x.TerritoryId, x.Year)).Select(g => new ObservationValue(attracted, g.Key.TerritoryId, g.Key.Year, 0, "", g.Sum(x => x.Amount)));
        var created = all.Select(u => (u.TerritoryId, Commissioned: u.Record.Steps.FirstOrDefault(s => s.Stage == LifecycleStage.Commissioned)?.On, u.Record.ActualJobs))
            .Where(x => x.Commissioned is not null)
            .GroupBy(x => (x.TerritoryId, x.Commissioned!.Value.Year)).Select(g => new ObservationValue(jobs, g.Key.TerritoryId, g.Key.Year, 0, "", g.Sum(x => x.ActualJobs)));
        var values = money.Concat(created).ToList();
        var outcomes = await store.CompareAsync(values, cancellationToken);
        await store.ApplyAsync([.. values.Zip(outcomes)], null, time.GetUtcNow(), ComputedBy, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<int> IndicatorAsync(string code, LocalizedText name, string unit, CancellationToken cancellationToken)
    {
        if (await db.Set<Indicator>().Where(i => i.Code == code).Select(i => (int?)i.Id).SingleOrDefaultAsync(cancellationToken) is { } id)
        {
            return id;
        }

        var indicator = new Indicator
        {
            Code = code,
            Name = name,
            Unit = unit,
            Source = Source,
            Methodology = "Computed by Qala from the investment registry: zone participants and pipeline projects.",
            IsGovernorKpi = true,
        };
        db.Add(indicator);
        await db.SaveChangesAsync(cancellationToken);
        return indicator.Id;
    }
}
