using Microsoft.EntityFrameworkCore;
using Qala.Web.Data;
using Qala.Web.Features.Indicators;
using Qala.Web.Features.Territories;

namespace Qala.Web.Features.Programs;

/// <summary>A yearly target of a goal's indicator.</summary>
public sealed record YearTarget(int Year, decimal Value);

/// <summary>
/// The baseline and yearly targets of one indicator of a goal for one territory, as a form or the API gives them.
/// </summary>
public sealed record GoalTargetInput(int IndicatorId, int TerritoryId, int? BaselineYear, decimal? Baseline, IReadOnlyList<YearTarget> Targets);

/// <summary>The baseline and targets of one indicator of a goal for one territory (none yet when null) in a version.</summary>
public sealed record GoalTargetRow(Indicator Indicator, Territory? Territory, IndicatorTarget? Baseline, IReadOnlyList<IndicatorTarget> Targets);

/// <summary>
/// A goal's target indicators: the indicator from the catalog linked to the goal (<see cref="GoalIndicator"/>) and its
/// baseline and yearly targets for the program's territory or one of its districts, kept as
/// <see cref="IndicatorTarget"/>s of the current version's target set. The caller checks who edits and whether the
/// structure is open (<see cref="ProgramAmendments.StructureOpen"/>) and saves.
/// </summary>
public sealed class GoalTargets(QalaDbContext db)
{
    /// <summary>The program's territory and the territories inside it (districts), the program's own first.</summary>
    public async Task<List<Territory>> TerritoriesAsync(DevelopmentProgram program, CancellationToken cancellationToken)
    {
        var all = await db.Set<Territory>().AsNoTracking().ToListAsync(cancellationToken);
        var children = all.Where(t => t.ParentId is not null).ToLookup(t => t.ParentId!.Value);
        var within = new List<Territory>();
        var pending = new Stack<Territory>(all.Where(t => t.Id == program.TerritoryId));
        while (pending.TryPop(out var territory))
        {
            within.Add(territory);
            foreach (var child in children[territory.Id].OrderByDescending(c => c.Code, StringComparer.Ordinal))
            {
                pending.Push(child);
            }
        }

        return within;
    }

    /// <summary>The goal's indicators with their baselines and targets in <paramref name="targetSetId"/>, by indicator and territory.</summary>
    public async Task<List<GoalTargetRow>> RowsAsync(int goalId, int targetSetId, CancellationToken cancellationToken)
    {
        var indicators = await db.Set<GoalIndicator>().AsNoTracking().Where(i => i.GoalId == goalId).Select(i => i.Indicator!).ToListAsync(cancellationToken);
        var ids = indicators.Select(i => i.Id).ToList();
        var targets = await db.Set<IndicatorTarget>().AsNoTracking().Include(t => t.Territory)
            .Where(t => t.TargetSetId == targetSetId && ids.Contains(t.IndicatorId)).ToListAsync(cancellationToken);
        return [.. indicators.OrderBy(i => i.Code, StringComparer.Ordinal).SelectMany(indicator =>
        {
            var own = targets.Where(t => t.IndicatorId == indicator.Id).GroupBy(t => t.TerritoryId).ToList();
            return own.Count == 0
                ? [new GoalTargetRow(indicator, null, null, [])]
                : own.OrderBy(g => g.First().Territory!.Code, StringComparer.Ordinal).Select(g => new GoalTargetRow(
                    indicator, g.First().Territory!, g.FirstOrDefault(t => t.IsBaseline), [.. g.Where(t => !t.IsBaseline).OrderBy(t => t.Year)]));
        })];
    }

    /// <summary>
    /// Links the indicator to the tracked <paramref name="goal"/> (if it is not yet) and sets its baseline and targets
    /// for the territory in <paramref name="program"/>'s current version, replacing those it had there. Returns what is
    /// wrong (an English resource key) and changes nothing then.
    /// </summary>
    public async Task<string?> SetAsync(DevelopmentProgram program, ProgramGoal goal, GoalTargetInput input, CancellationToken cancellationToken)
    {
        if (Refusal(program, input) is { } refusal)
        {
            return refusal;
        }

        if (!await db.Set<Indicator>().AnyAsync(i => i.Id == input.IndicatorId, cancellationToken))
        {
            return "Choose an indicator from the catalog.";
        }

        if ((await TerritoriesAsync(program, cancellationToken)).All(t => t.Id != input.TerritoryId))
        {
            return "A target's territory must be the program's territory or one of its districts.";
        }

        var set = program.Versions.MaxBy(v => v.Number)!.TargetSetId;
        if (!await db.Set<GoalIndicator>().AnyAsync(i => i.GoalId == goal.Id && i.IndicatorId == input.IndicatorId, cancellationToken))
        {
            db.Add(new GoalIndicator { GoalId = goal.Id, IndicatorId = input.IndicatorId });
        }

        var existing = await db.Set<IndicatorTarget>()
            .Where(t => t.TargetSetId == set && t.IndicatorId == input.IndicatorId && t.TerritoryId == input.TerritoryId).ToListAsync(cancellationToken);
        var wanted = input.Targets.Select(t => (t.Year, t.Value, IsBaseline: false)).ToList();
        if (input.BaselineYear is { } year && input.Baseline is { } value)
        {
            wanted.Add((year, value, true));
        }

        db.RemoveRange(existing.Where(t => wanted.All(w => w.Year != t.Year)));
        foreach (var (y, v, isBaseline) in wanted)
        {
            if (existing.FirstOrDefault(t => t.Year == y) is { } target)
            {
                (target.Value, target.IsBaseline, target.UpperValue) = (v, isBaseline, null);
            }
            else
            {
                db.Add(new IndicatorTarget { TargetSetId = set, IndicatorId = input.IndicatorId, TerritoryId = input.TerritoryId, Year = y, Value = v, IsBaseline = isBaseline });
            }
        }

        goal.Version = Guid.NewGuid();
        return null;
    }

    /// <summary>
    /// Unlinks the indicator from the tracked <paramref name="goal"/> and removes its baselines and targets in the
    /// current version unless another goal of the program still uses it.
    /// </summary>
    public async Task RemoveAsync(DevelopmentProgram program, ProgramGoal goal, int indicatorId, CancellationToken cancellationToken)
    {
        db.RemoveRange(await db.Set<GoalIndicator>().Where(i => i.GoalId == goal.Id && i.IndicatorId == indicatorId).ToListAsync(cancellationToken));
        if (!await db.Set<GoalIndicator>().AnyAsync(i => i.GoalId != goal.Id && i.IndicatorId == indicatorId && db.Set<ProgramGoal>().Any(g => g.Id == i.GoalId && g.Direction!.ProgramId == program.Id), cancellationToken))
        {
            var set = program.Versions.MaxBy(v => v.Number)!.TargetSetId;
            db.RemoveRange(await db.Set<IndicatorTarget>().Where(t => t.TargetSetId == set && t.IndicatorId == indicatorId).ToListAsync(cancellationToken));
        }

        goal.Version = Guid.NewGuid();
    }

    private static string? Refusal(DevelopmentProgram program, GoalTargetInput input)
    {
        if (input.BaselineYear is null != input.Baseline is null)
        {
            return "Give both the baseline year and its value, or neither.";
        }

        if (input.Targets.Count == 0)
        {
            return "Give at least one yearly target.";
        }

        if (input.Targets.DistinctBy(t => t.Year).Count() != input.Targets.Count)
        {
            return "Each target year appears once.";
        }

        if (input.Targets.Any(t => t.Year < program.PeriodFrom.Year || t.Year > program.PeriodTo.Year))
        {
            return "Target years must lie within the program period.";
        }

        return input.BaselineYear is { } baseline && input.Targets.Any(t => t.Year <= baseline) ? "The baseline year must precede the target years." : null;
    }
}
