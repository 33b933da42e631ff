using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Qala.Engine.Programs;
using Qala.Web.Features.Agencies;

namespace Qala.Web.Features.Programs.Pages;

/// <summary>
/// Where an activity's bar lies on the program's time axis, in percent of the axis: its start and length, how much of
/// it the reported progress fills, and where the expected progress stands.
/// </summary>
public sealed record TimelineBar(ActivityNode Node, double Left, double Width, double Complete, double Expected);

/// <summary>A task of the timeline with the bars of its activities that pass the filters.</summary>
public sealed record TimelineTask(DirectionNode Direction, GoalNode Goal, TaskNode Task, IReadOnlyList<TimelineBar> Bars);

/// <summary>
/// The roadmap as a timeline over the program period: one bar per activity, grouped by direction and task, with
/// today's line, reported against expected progress and overdue activities marked; filtered by responsible agency and
/// status through a GET form. Server-rendered SVG, so it needs no script and prints as it shows. Whoever reads the
/// program reads its timeline.
/// </summary>
[AllowAnonymous]
public sealed class TimelineModel(ProgramTrees trees, ProgramAccess access) : PageModel
{
    /// <summary>The status filter's value for overdue activities, beside the activity statuses.</summary>
    public const string Overdue = "overdue";

    public ProgramTree Tree { get; private set; } = null!;

    /// <summary>The responsible agency's code to show only its activities; empty for all.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Agency { get; set; }

    /// <summary>An <see cref="ActivityStatus"/> or <see cref="Overdue"/>; empty for all.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    /// <summary>The responsible agencies of the program's activities, for the filter.</summary>
    public IReadOnlyList<Agency> Agencies { get; private set; } = [];

    public IReadOnlyList<TimelineTask> Tasks { get; private set; } = [];

    /// <summary>The first day of each year after the period's first, with its place on the axis in percent.</summary>
    public IReadOnlyList<(DateOnly Day, double At)> Ticks { get; private set; } = [];

    /// <summary>Today's place on the axis in percent; null when today is outside the period.</summary>
    public double? TodayAt { get; private set; }

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
        var program = tree.Program;
        var from = program.PeriodFrom.DayNumber;
        double days = program.PeriodTo.DayNumber - from + 1;
        double At(DateOnly day) => Math.Clamp((day.DayNumber - from) / days * 100, 0, 100);

        Agencies = [.. tree.Activities.Select(a => a.Activity.ResponsibleAgency!).DistinctBy(a => a.Id).OrderBy(a => a.Code, StringComparer.Ordinal)];
        Ticks = [.. Enumerable.Range(program.PeriodFrom.Year + 1, Math.Max(0, program.PeriodTo.Year - program.PeriodFrom.Year))
            .Select(year => new DateOnly(year, 1, 1)).Select(day => (day, At(day)))];
        TodayAt = program.Covers(tree.Today) ? At(tree.Today) : null;
        Tasks = [.. tree.Directions.SelectMany(d => d.Goals.SelectMany(g => g.Tasks.Select(t => new TimelineTask(d, g, t, [.. t.Activities.Where(Passes).Select(a =>
        {
            var left = At(a.Activity.StartDate);
            var width = Math.Max(At(a.Activity.DueDate.AddDays(1)) - left, 0.3);
            return new TimelineBar(a, left, width, width * a.Assessment.Complete / 100, left + (width * a.Assessment.Expected / 100));
        })])))).Where(t => t.Bars.Count > 0)];
        return Page();
    }

    private bool Passes(ActivityNode node) =>
        (string.IsNullOrEmpty(Agency) || string.Equals(node.Activity.ResponsibleAgency!.Code, Agency, StringComparison.OrdinalIgnoreCase))
        && (string.IsNullOrEmpty(Status)
            || (Status == Overdue ? node.Assessment.IsOverdue : Enum.TryParse<ActivityStatus>(Status, out var status) && Enum.IsDefined(status) && node.Activity.Status == status));

    /// <summary>The fill of a bar for its band, readable in print.</summary>
    public static string Colour(ProgressBand band) => band switch
    {
        ProgressBand.Completed => "#198754",
        ProgressBand.OnTrack => "#0d6efd",
        ProgressBand.AtRisk => "#e0a800",
        ProgressBand.OffTrack => "#dc3545",
        ProgressBand.Cancelled => "#6c757d",
        ProgressBand.NoData => "#adb5bd",
    };
}
