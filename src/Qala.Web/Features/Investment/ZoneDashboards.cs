using Microsoft.EntityFrameworkCore;
using Qala.Engine.Investment;
using Qala.Web.Data;

namespace Qala.Web.Features.Investment;

/// <summary>A participant as the dashboard lists it; its investment made is the sum of its years' actual amounts (tenge).</summary>
public sealed record DashboardParticipant(
    int Id, string CompanyName, string Bin, string Oked, string Description, LifecycleStage Stage, DateOnly StageOn, bool IsAnchor, bool IsHighTech, bool IsExportOriented,
    int ActualJobs, decimal ActualInvestment);

/// <summary>A zone with its participants and the figures of a day.</summary>
public sealed record ZoneDashboard(InvestmentZone Zone, IReadOnlyList<DashboardParticipant> Participants, ZoneFigureSet Figures);

/// <summary>
/// Reads a zone, its participants' columns, their steps' (stage, day) and their years' actual amounts as four flat
/// projections — no entities, no tracking, no fix-up of 1,250 graphs — and computes the figures with
/// <see cref="ZoneFigures"/>. The steps and years are read by the participants' zone through covering indexes.
/// </summary>
public sealed class ZoneDashboards(QalaDbContext db)
{
    private sealed record Step(int ParticipantId, long Id, LifecycleStage Stage, DateOnly On);

    private sealed record Amount(int ParticipantId, int Year, decimal Actual);

    public async Task<ZoneDashboard?> LoadAsync(int zoneId, DateOnly asOf, CancellationToken cancellationToken)
    {
        var zone = await db.Set<InvestmentZone>().AsNoTracking().Include(z => z.Territory).Include(z => z.ResponsibleAgency)
            .SingleOrDefaultAsync(z => z.Id == zoneId, cancellationToken);
        if (zone is null)
        {
            return null;
        }

        var members = db.Set<ZoneParticipant>().Where(p => p.ZoneId == zoneId);
        var rows = await members
            .Select(p => new { p.Id, p.CompanyName, p.Bin, p.Oked, p.Description, p.Stage, p.StageOn, p.IsAnchor, p.IsHighTech, p.IsExportOriented, p.ActualJobs })
            .ToListAsync(cancellationToken);
        var steps = (await db.Set<ParticipantStep>().Where(s => members.Any(p => p.Id == s.ParticipantId))
                .Select(s => new Step(s.ParticipantId, s.Id, s.Stage, s.On)).ToListAsync(cancellationToken))
            .ToLookup(s => s.ParticipantId);
        var years = (await db.Set<ParticipantYear>().Where(y => members.Any(p => p.Id == y.ParticipantId))
                .Select(y => new Amount(y.ParticipantId, y.Year, y.Actual)).ToListAsync(cancellationToken))
            .ToLookup(y => y.ParticipantId);

        var participants = rows
            .Select(p => new DashboardParticipant(
                p.Id, p.CompanyName, p.Bin, p.Oked, p.Description, p.Stage, p.StageOn, p.IsAnchor, p.IsHighTech, p.IsExportOriented, p.ActualJobs, years[p.Id].Sum(y => y.Actual)))
            .OrderBy(p => p.CompanyName, StringComparer.CurrentCulture).ThenBy(p => p.Id).ToList();
        var records = rows.Select(p => new ParticipantRecord(
            [.. steps[p.Id].OrderBy(s => s.On).ThenBy(s => s.Id).Select(s => new LifecycleStep(s.Stage, s.On))],
            [.. years[p.Id].Select(y => new YearAmount(y.Year, y.Actual))],
            p.ActualJobs));
        return new ZoneDashboard(zone, participants, ZoneFigures.Compute(records, asOf));
    }
}
