using Microsoft.EntityFrameworkCore;
using Qala.Web.Data;
using Qala.Web.Features.Agencies;
using Qala.Web.Features.Indicators;
using Qala.Web.Features.Programs;

namespace Qala.Web.Features.Instructions;

/// <summary>One choice of a link picker: the id and what the controller reads.</summary>
public sealed record LinkChoice(int Id, string Label);

/// <summary>What an instruction of a territory may be linked to.</summary>
public sealed record LinkChoices(IReadOnlyList<LinkChoice> Goals, IReadOnlyList<LinkChoice> Activities, IReadOnlyList<LinkChoice> Indicators);

/// <summary>
/// The program goals, roadmap activities and indicators an instruction of a territory may be linked to: the goals
/// and activities of the territory's development programs, and the indicators that measure those goals or that an
/// agency of the territory owns.
/// </summary>
public sealed class InstructionLinks(QalaDbContext db)
{
    public async Task<LinkChoices> ChoicesAsync(int territoryId, CancellationToken cancellationToken)
    {
        var goals = await Goals(territoryId).AsNoTracking().OrderBy(g => g.Id).ToListAsync(cancellationToken);
        var activities = await Activities(territoryId).AsNoTracking().OrderBy(a => a.Id).ToListAsync(cancellationToken);
        var indicators = await Indicators(territoryId).AsNoTracking().OrderBy(i => i.Code).ToListAsync(cancellationToken);
        return new(
            [.. goals.Select(g => new LinkChoice(g.Id, g.Title.Current))],
            [.. activities.Select(a => new LinkChoice(a.Id, a.Title.Current))],
            [.. indicators.Select(i => new LinkChoice(i.Id, $"{i.Code} {i.Name.Current}"))]);
    }

    /// <summary>Why the links cannot be set (a goal, activity or indicator outside the territory), or null.</summary>
    public async Task<string?> RefusalAsync(int territoryId, LinkAction link, CancellationToken cancellationToken)
    {
        var allowed = (link.GoalId is not { } goal || await Goals(territoryId).AnyAsync(g => g.Id == goal, cancellationToken))
            && (link.ActivityId is not { } activity || await Activities(territoryId).AnyAsync(a => a.Id == activity, cancellationToken))
            && (link.IndicatorId is not { } indicator || await Indicators(territoryId).AnyAsync(i => i.Id == indicator, cancellationToken));
        return allowed ? null : "Links go to goals, activities and indicators of the instruction's territory.";
    }

    private IQueryable<ProgramGoal> Goals(int territoryId) =>
        db.Set<ProgramGoal>().Where(g => g.Direction!.Program!.TerritoryId == territoryId);

    private IQueryable<RoadmapActivity> Activities(int territoryId) =>
        db.Set<RoadmapActivity>().Where(a => a.Task!.Goal!.Direction!.Program!.TerritoryId == territoryId);

    private IQueryable<Indicator> Indicators(int territoryId)
    {
        var measured = db.Set<GoalIndicator>().Where(m => db.Set<ProgramGoal>().Any(g => g.Id == m.GoalId && g.Direction!.Program!.TerritoryId == territoryId)).Select(m => m.IndicatorId);
        var owned = db.Set<Agency>().Where(a => a.TerritoryId == territoryId).Select(a => (int?)a.Id);
        return db.Set<Indicator>().Where(i => measured.Contains(i.Id) || owned.Contains(i.OwnerAgencyId));
    }
}
