using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Qala.Engine.Indicators;
using Qala.Engine.Programs;
using Qala.Web.Features.Indicators;

namespace Qala.Web.Features.Programs.Pages;

/// <summary>The activity side of a goal: the roll-up of its tasks alone and how many of its activities are in each band.</summary>
public sealed record GoalActivities(Rollup Rollup, int Count, IReadOnlyDictionary<ProgressBand, int> Bands, int Overdue);

/// <summary>
/// A program's scorecard: each direction and goal with its roll-up, the goal's target indicators (baseline, latest
/// value, target due, achievement, status) and the progress of its activities. Whoever reads the program reads it.
/// </summary>
[AllowAnonymous]
public sealed class ScorecardModel(ProgramTrees trees, ProgramAccess access, IOptions<IndicatorOptions> options) : PageModel
{
    public ProgramTree Tree { get; private set; } = null!;

    public StatusThresholds Thresholds => options.Value.Thresholds;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await trees.LoadAsync(id, cancellationToken) is not { } tree)
        {
            return NotFound();
        }

        if (!await access.CanReadAsync(User, tree.Program))
        {
            return User.Identity?.IsAuthenticated == true ? Forbid() : Challenge();
        }

        Tree = tree;
        return Page();
    }

    /// <summary>The activity side of <paramref name="goal"/>, graded with the configured thresholds.</summary>
    public GoalActivities ActivitiesOf(GoalNode goal)
    {
        var activities = goal.Tasks.SelectMany(t => t.Activities).ToList();
        return new GoalActivities(
            ProgressRollup.Of(goal.Tasks.Select(t => t.Rollup.AsPart((double)t.Task.Weight)), Thresholds),
            activities.Count,
            activities.GroupBy(a => a.Assessment.Band).ToDictionary(g => g.Key, g => g.Count()),
            activities.Count(a => a.Assessment.IsOverdue));
    }
}
