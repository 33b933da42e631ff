using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qala.Engine.Indicators;
using Qala.Engine.Programs;
using Qala.Web.Data;
using Qala.Web.Features.Indicators;
using Qala.Web.Infrastructure.Calendar;

namespace Qala.Web.Features.Programs;

/// <summary>An activity with where it stands today.</summary>
public sealed record ActivityNode(RoadmapActivity Activity, ActivityAssessment Assessment);

/// <summary>A task with its activities and their roll-up.</summary>
public sealed record TaskNode(ProgramTask Task, IReadOnlyList<ActivityNode> Activities, Rollup Rollup);

/// <summary>
/// A target indicator of a goal: its latest yearly value, the target it is measured against, the achievement, and the
/// version's baseline (the earliest) when it has one.
/// </summary>
public sealed record GoalIndicatorNode(Indicator Indicator, int? Year, double? Value, int? TargetYear, double? Target, double? Achievement, int? BaselineYear, double? Baseline);

/// <summary>A goal with its target indicators, tasks and the roll-up of both.</summary>
public sealed record GoalNode(ProgramGoal Goal, IReadOnlyList<GoalIndicatorNode> Indicators, IReadOnlyList<TaskNode> Tasks, Rollup Rollup);

/// <summary>A direction with its goals and their roll-up.</summary>
public sealed record DirectionNode(ProgramDirection Direction, IReadOnlyList<GoalNode> Goals, Rollup Rollup);

/// <summary>A program's whole tree as of <paramref name="Today"/>, with roll-ups at every level.</summary>
public sealed record ProgramTree(DevelopmentProgram Program, ProgramVersion Current, DateOnly Today, IReadOnlyList<DirectionNode> Directions, Rollup Rollup)
{
    public IEnumerable<ActivityNode> Activities =>
        Directions.SelectMany(d => d.Goals).SelectMany(g => g.Tasks).SelectMany(t => t.Activities);
}

/// <summary>
/// Reads a program's tree and rolls progress up it through <see cref="ProgressRollup"/>, grading every level with the
/// configured thresholds (<c>Qala:Indicators</c>).
/// </summary>
public sealed class ProgramTrees(QalaDbContext db, Scorecards scorecards, Deadlines deadlines, IOptions<IndicatorOptions> options)
{
    /// <summary>The program with its tree as of today, or null when there is no such program.</summary>
    public Task<ProgramTree?> LoadAsync(int programId, CancellationToken cancellationToken) =>
        LoadAsync(programId, deadlines.Today, cancellationToken);

    /// <summary>The program with its tree as of <paramref name="today"/>, or null when there is no such program.</summary>
    public async Task<ProgramTree?> LoadAsync(int programId, DateOnly today, CancellationToken cancellationToken)
    {
        var program = await db.Set<DevelopmentProgram>().AsNoTracking().AsSplitQuery()
            .Include(p => p.Territory)
            .Include(p => p.Versions)
            .Include(p => p.Directions).ThenInclude(d => d.Goals).ThenInclude(g => g.Indicators).ThenInclude(i => i.Indicator)
            .Include(p => p.Directions).ThenInclude(d => d.Goals).ThenInclude(g => g.Tasks).ThenInclude(t => t.Activities).ThenInclude(a => a.ResponsibleAgency)
            .Include(p => p.Directions).ThenInclude(d => d.Goals).ThenInclude(g => g.Tasks).ThenInclude(t => t.Activities).ThenInclude(a => a.Budget)
            .Include(p => p.Directions).ThenInclude(d => d.Goals).ThenInclude(g => g.Tasks).ThenInclude(t => t.Activities).ThenInclude(a => a.CoExecutors).ThenInclude(c => c.Agency)
            .FirstOrDefaultAsync(p => p.Id == programId, cancellationToken);
        if (program is null)
        {
            return null;
        }

        var current = program.Versions.MaxBy(v => v.Number)!;
        var thresholds = options.Value.Thresholds;
        var indicators = await IndicatorsAsync(program, current, cancellationToken);
        var directions = program.Directions.OrderBy(d => d.Position).ThenBy(d => d.Id).Select(direction =>
        {
            var goals = direction.Goals.OrderBy(g => g.Position).ThenBy(g => g.Id).Select(goal =>
            {
                var tasks = goal.Tasks.OrderBy(t => t.Position).ThenBy(t => t.Id).Select(task =>
                {
                    var activities = task.Activities.OrderBy(a => a.Position).ThenBy(a => a.Id)
                        .Select(a => new ActivityNode(a, a.Assess(today, thresholds))).ToList();
                    return new TaskNode(task, activities, ProgressRollup.Of(activities.Select(a => a.Assessment.AsPart((double)a.Activity.Weight)), thresholds));
                }).ToList();
                var measured = goal.Indicators.Select(i => indicators[i.IndicatorId]).OrderBy(i => i.Indicator.Code, StringComparer.Ordinal).ToList();
                var parts = measured.Select(i => RollupPart.Indicator(i.Achievement)).Concat(tasks.Select(t => t.Rollup.AsPart((double)t.Task.Weight)));
                return new GoalNode(goal, measured, tasks, ProgressRollup.Of(parts, thresholds));
            }).ToList();
            return new DirectionNode(direction, goals, ProgressRollup.Of(goals.Select(g => g.Rollup.AsPart((double)g.Goal.Weight)), thresholds));
        }).ToList();
        return new ProgramTree(program, current, today, directions, ProgressRollup.Of(directions.Select(d => d.Rollup.AsPart((double)d.Direction.Weight)), thresholds));
    }

    // Each indicator's latest yearly value in the program's territory against the version's target for the first
    // target year at or after that value (the last target when all are earlier).
    private async Task<Dictionary<int, GoalIndicatorNode>> IndicatorsAsync(DevelopmentProgram program, ProgramVersion version, CancellationToken cancellationToken)
    {
        var linked = program.Directions.SelectMany(d => d.Goals).SelectMany(g => g.Indicators).Select(i => i.Indicator!).DistinctBy(i => i.Id).ToList();
        if (linked.Count == 0)
        {
            return [];
        }

        var ids = linked.Select(i => i.Id).ToList();
        var values = await scorecards.YearlyAsync(ids, [program.TerritoryId], null, cancellationToken);
        var targets = await db.Set<IndicatorTarget>().AsNoTracking()
            .Where(t => t.TargetSetId == version.TargetSetId && t.TerritoryId == program.TerritoryId && ids.Contains(t.IndicatorId))
            .ToListAsync(cancellationToken);
        return linked.ToDictionary(i => i.Id, indicator =>
        {
            var latest = (values.GetValueOrDefault((indicator.Id, program.TerritoryId)) ?? []).Where(v => v.Value is not null).Select(v => (YearValue?)v).LastOrDefault();
            var own = targets.Where(t => t.IndicatorId == indicator.Id && !t.IsBaseline).OrderBy(t => t.Year).ToList();
            var baseline = targets.Where(t => t.IndicatorId == indicator.Id && t.IsBaseline).MinBy(t => t.Year);
            var target = latest is { } l ? own.FirstOrDefault(t => t.Year >= l.Year) ?? own.LastOrDefault() : own.LastOrDefault();
            var achievement = latest is { Value: { } v } && target is not null ? Achievement.Percent(v, Scorecards.TargetOf(indicator, target)) : null;
            return new GoalIndicatorNode(
                indicator, latest?.Year, latest?.Value, target?.Year, target is null ? null : (double)target.Value, achievement, baseline?.Year, baseline is null ? null : (double)baseline.Value);
        });
    }
}
