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
/// Every save of a participant or project (<see cref="SaveAndRecomputeAsync"/>) and every import recomputes both for the
/// territories it touched, in the same transaction as the change, so the KPIs never disagree with the registry; a
/// changed value is a new revision recorded by <see cref="ComputedBy"/>, a value whose registry entries have gone
/// becomes zero, and other territories' observations are not read or written. A territory's value is its own
/// registry's, not summed up from its districts.
/// </summary>
public sealed class InvestmentIndicators(QalaDbContext db, ObservationStore store, TimeProvider time)
{
    public const string AttractedCode = "QALA-INVESTMENT-ATTRACTED";
    public const string JobsCode = "QALA-JOBS-CREATED";
    public const string ComputedBy = "investment-registry";
    public const string Source = "Qala investment registry (computed)";

    /// <summary>
    /// Saves the pending changes of the registry and recomputes the KPIs of the territories they touch (before and
    /// after: a project moved to another territory changes both) in one transaction: both or neither.
    /// </summary>
    public async Task SaveAndRecomputeAsync(CancellationToken cancellationToken)
    {
        var territories = await TouchedTerritoriesAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await RecomputeAsync(territories, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Recomputes the KPIs of the whole registry (at start-up, after the demo data).</summary>
    public Task RecomputeAsync(CancellationToken cancellationToken) => RecomputeAsync(null, cancellationToken);

    /// <summary>Recomputes the KPIs of <paramref name="territories"/> only; null for every territory.</summary>
    public async Task RecomputeAsync(IReadOnlyCollection<int>? territories, CancellationToken cancellationToken)
    {
        var attracted = await IndicatorAsync(AttractedCode, LocalizedText.Of(
            "Жобалар арқылы тартылған инвестициялар", "Инвестиции, привлечённые через проекты", "Investment attracted through projects"), "tenge", cancellationToken);
        var jobs = await IndicatorAsync(JobsCode, LocalizedText.Of(
            "Жобалар құрған жұмыс орындары", "Рабочие места, созданные проектами", "Jobs created by projects"), "jobs", cancellationToken);

        var participantQuery = db.Set<ZoneParticipant>().AsNoTracking().Include(p => p.Years).Include(p => p.Steps).AsSplitQuery();
        var projectQuery = db.Set<InvestmentProject>().AsNoTracking().Include(p => p.Years).Include(p => p.Steps).AsSplitQuery();
        if (territories is not null)
        {
            participantQuery = participantQuery.Where(p => territories.Contains(p.Zone!.TerritoryId));
            projectQuery = projectQuery.Where(p => territories.Contains(p.TerritoryId));
        }

        var participants = await participantQuery.Select(p => new { p.Zone!.TerritoryId, Record = p }).ToListAsync(cancellationToken);
        var projects = await projectQuery.ToListAsync(cancellationToken);
        var all = participants.Select(p => (p.TerritoryId, Record: p.Record.ToRecord()))
            .Concat(projects.Select(p => (p.TerritoryId, Record: p.ToRecord()))).ToList();

        var money = all.SelectMany(u => u.Record.ActualInvestment.Select(y => (u.TerritoryId, y.Year, y.Amount)))
            .GroupBy(x => (x.TerritoryId, x.Year)).Select(g => new ObservationValue(attracted, g.Key.TerritoryId, g.Key.Year, 0, "", g.Sum(x => x.Amount)));
        var created = all.Select(u => (u.TerritoryId, Commissioned: u.Record.Steps.FirstOrDefault(s => s.Stage == LifecycleStage.Commissioned)?.On, u.Record.ActualJobs))
            .Where(x => x.Commissioned is not null)
            .GroupBy(x => (x.TerritoryId, x.Commissioned!.Value.Year)).Select(g => new ObservationValue(jobs, g.Key.TerritoryId, g.Key.Year, 0, "", g.Sum(x => x.ActualJobs)));
        var values = money.Concat(created).ToList();

        // A (territory, year) whose registry entries have gone or moved keeps no stale value: it becomes zero.
        var computed = values.Select(v => v.Key).ToHashSet();
        var current = db.Set<Observation>().AsNoTracking().Where(o => o.IsCurrent && (o.IndicatorId == attracted || o.IndicatorId == jobs) && o.Value != 0);
        current = territories is null ? current : current.Where(o => territories.Contains(o.TerritoryId));
        values.AddRange((await current.Select(o => new ObservationValue(o.IndicatorId, o.TerritoryId, o.Year, o.PeriodNumber, o.Dimensions, 0)).ToListAsync(cancellationToken))
            .Where(v => !computed.Contains(v.Key)));
        var outcomes = await store.CompareAsync(values, cancellationToken);
        await store.ApplyAsync([.. values.Zip(outcomes)], null, time.GetUtcNow(), ComputedBy, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The territories of the participants and projects about to be saved, with their territories before the change.</summary>
    private async Task<IReadOnlyCollection<int>> TouchedTerritoriesAsync(CancellationToken cancellationToken)
    {
        var territories = new HashSet<int>();
        var zones = new HashSet<int>();
        var participants = new HashSet<int>();
        var projects = new HashSet<int>();
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            switch (entry.Entity)
            {
                case ZoneParticipant participant:
                    zones.Add(participant.ZoneId);
                    zones.Add(entry.Property(nameof(ZoneParticipant.ZoneId)).OriginalValue as int? ?? participant.ZoneId);
                    break;
                case InvestmentProject project:
                    territories.Add(project.TerritoryId);
                    territories.Add(entry.Property(nameof(InvestmentProject.TerritoryId)).OriginalValue as int? ?? project.TerritoryId);
                    break;
                case ParticipantStep step:
                    participants.Add(step.ParticipantId);
                    break;
                case ParticipantYear year:
                    participants.Add(year.ParticipantId);
                    break;
                case ProjectStep step:
                    projects.Add(step.ProjectId);
                    break;
                case ProjectYear year:
                    projects.Add(year.ProjectId);
                    break;
                default:
                    break;
            }
        }

        territories.UnionWith(await db.Set<InvestmentZone>()
            .Where(z => zones.Contains(z.Id) || z.Participants.Any(p => participants.Contains(p.Id))).Select(z => z.TerritoryId).ToListAsync(cancellationToken));
        territories.UnionWith(await db.Set<InvestmentProject>().Where(p => projects.Contains(p.Id)).Select(p => p.TerritoryId).ToListAsync(cancellationToken));
        return territories;
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
