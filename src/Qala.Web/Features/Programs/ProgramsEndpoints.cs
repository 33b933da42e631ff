using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qala.Engine.Programs;
using Qala.Web.Data;
using Qala.Web.Features.Users;
using Qala.Web.Infrastructure.Files;

namespace Qala.Web.Features.Programs;

public static class ProgramsEndpoints
{
    public static RouteGroupBuilder MapProgramsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/programs").WithTags("Programs").AllowAnonymous();
        group.MapGet("/", ListAsync)
            .WithSummary("The programs the caller may read: approved, implemented and completed ones for everyone; for planners, administrators and controllers also the others of their territories.");
        group.MapGet("/{id:int}", TreeAsync)
            .WithSummary("A program's tree — directions, goals with their target indicators, tasks and roadmap activities — with progress, expected progress and band at every level as of today.");
        return api;
    }

    /// <summary>
    /// <c>GET /programs/activities/{id}/files/{file}</c>: a file of one of the activity's progress reports, as a safe
    /// download (<see cref="FileEndpoints.DownloadAsync"/>), for those <see cref="ProgramAccess.CanReadReportFilesAsync"/>
    /// lets read it; 403 for another agency's officer.
    /// </summary>
    public static IEndpointRouteBuilder MapProgramFiles(this IEndpointRouteBuilder app)
    {
        app.MapGet("/programs/activities/{id:int}/files/{file:guid}", ReportFileAsync).RequireAuthorization().ExcludeFromDescription();
        return app;
    }

    public static async Task<Results<FileStreamHttpResult, NotFound, ForbidHttpResult>> ReportFileAsync(
        int id, Guid file, QalaDbContext db, UserScope scope, ProgramAccess access, AttachmentStore store, ClaimsPrincipal user, HttpContext http, CancellationToken cancellationToken)
    {
        var activity = await db.Set<RoadmapActivity>().AsNoTracking().Include(a => a.Task!.Goal!.Direction!.Program)
            .FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (activity is null || !await db.Set<ActivityReportAttachment>().AnyAsync(f => f.AttachmentId == file && db.Set<ActivityReport>().Any(r => r.Id == f.ReportId && r.ActivityId == id), cancellationToken))
        {
            return TypedResults.NotFound();
        }

        if (!await access.CanReadReportFilesAsync(user, (await scope.CurrentAsync(cancellationToken)).AgencyId, activity, activity.Task!.Goal!.Direction!.Program!))
        {
            return TypedResults.Forbid();
        }

        return (await FileEndpoints.DownloadAsync(file, store, http, cancellationToken)).Result switch
        {
            FileStreamHttpResult stream => stream,
            _ => TypedResults.NotFound(),
        };
    }

    public static async Task<Ok<List<ProgramResponse>>> ListAsync(QalaDbContext db, UserScope scope, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var programs = db.Set<DevelopmentProgram>().AsNoTracking().Include(p => p.Territory);
        var visible = await programs
            .Where(p => p.Status == ProgramStatus.Approved || p.Status == ProgramStatus.InImplementation || p.Status == ProgramStatus.Completed)
            .ToListAsync(cancellationToken);
        if (ProgramAccess.ReadsDrafts(user))
        {
            visible.AddRange(await programs.InScope(await scope.CurrentAsync(cancellationToken)).ToListAsync(cancellationToken));
        }

        return TypedResults.Ok(visible.DistinctBy(p => p.Id).OrderBy(p => p.Id).Select(ProgramResponse.Of).ToList());
    }

    public static async Task<Results<Ok<ProgramTreeResponse>, NotFound, UnauthorizedHttpResult, ForbidHttpResult>> TreeAsync(
        ProgramTrees trees, ProgramAccess access, ClaimsPrincipal user, int id, CancellationToken cancellationToken)
    {
        if (await trees.LoadAsync(id, cancellationToken) is not { } tree)
        {
            return TypedResults.NotFound();
        }

        if (!await access.CanReadAsync(user, tree.Program))
        {
            return user.Identity?.IsAuthenticated == true ? TypedResults.Forbid() : TypedResults.Unauthorized();
        }

        var directions = tree.Directions.Select(d => new DirectionResponse(
            d.Direction.Id, d.Direction.Position, d.Direction.Title, d.Direction.Weight, RollupResponse.Of(d.Rollup),
            [.. d.Goals.Select(g => new GoalResponse(
                g.Goal.Id, g.Goal.Position, g.Goal.Title, g.Goal.Weight, RollupResponse.Of(g.Rollup),
                [.. g.Indicators.Select(i => new GoalIndicatorResponse(i.Indicator.Code, i.Year, i.Value, i.TargetYear, i.Target, i.Achievement))],
                [.. g.Tasks.Select(t => new TaskResponse(
                    t.Task.Id, t.Task.Position, t.Task.Title, t.Task.Weight, RollupResponse.Of(t.Rollup),
                    [.. t.Activities.Select(ActivityResponse.Of)]))]))])).ToList();
        return TypedResults.Ok(new ProgramTreeResponse(ProgramResponse.Of(tree.Program), tree.Current.Number, tree.Current.TargetSetId, tree.Today, RollupResponse.Of(tree.Rollup), directions));
    }
}

public sealed record ProgramResponse(
    int Id, LocalizedText Name, ProgramKind Kind, string Territory, DateOnly PeriodFrom, DateOnly PeriodTo, ProgramStatus Status, DateTimeOffset StatusChangedAt)
{
    public static ProgramResponse Of(DevelopmentProgram p) =>
        new(p.Id, p.Name, p.Kind, p.Territory!.Code, p.PeriodFrom, p.PeriodTo, p.Status, p.StatusChangedAt);
}

/// <param name="Percent">Weighted mean progress in percent; null without data.</param>
/// <param name="Expected">What the calendar expects by today, in percent.</param>
/// <param name="Band">On track, at risk, off track, completed or no data.</param>
public sealed record RollupResponse(double? Percent, double? Expected, ProgressBand Band)
{
    public static RollupResponse Of(Rollup r) => new(r.Percent, r.Expected, r.Band);
}

/// <summary>
/// A program's tree as of <c>Today</c>; <c>TargetSet</c> is the current version's target set, which holds the target
/// indicators' baselines and targets.
/// </summary>
public sealed record ProgramTreeResponse(
    ProgramResponse Program, int VersionNumber, int TargetSet, DateOnly Today, RollupResponse Progress, List<DirectionResponse> Directions);

public sealed record DirectionResponse(int Id, int Position, LocalizedText Title, decimal Weight, RollupResponse Progress, List<GoalResponse> Goals);

public sealed record GoalResponse(
    int Id, int Position, LocalizedText Title, decimal Weight, RollupResponse Progress, List<GoalIndicatorResponse> Indicators, List<TaskResponse> Tasks);

public sealed record GoalIndicatorResponse(string Code, int? Year, double? Value, int? TargetYear, double? Target, double? AchievementPercent);

public sealed record TaskResponse(int Id, int Position, LocalizedText Title, decimal Weight, RollupResponse Progress, List<ActivityResponse> Activities);

public sealed record ActivityResponse(
    int Id, int Position, LocalizedText Title, string ResponsibleAgency, DateOnly StartDate, DateOnly DueDate, ActivityStatus Status,
    decimal PercentComplete, double Expected, ProgressBand Band, bool IsOverdue, decimal PlannedBudget, decimal ActualBudget)
{
    public static ActivityResponse Of(ActivityNode node)
    {
        var a = node.Activity;
        return new(a.Id, a.Position, a.Title, a.ResponsibleAgency!.Code, a.StartDate, a.DueDate, a.Status, a.PercentComplete,
            node.Assessment.Expected, node.Assessment.Band, node.Assessment.IsOverdue, a.Budget.Sum(b => b.Planned), a.Budget.Sum(b => b.Actual));
    }
}
