using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qala.Engine.Programs;
using Qala.Web.Data;
using Qala.Web.Features.Indicators;
using Qala.Web.Features.Users;
using Qala.Web.Infrastructure.Auth;
using Qala.Web.Infrastructure.Calendar;
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
        group.MapPost("/activities/{id:int}/reports", ReportAsync)
            .RequireAuthorization(policy => policy.RequireRole(QalaRoles.AgencyOfficer))
            .WithSummary("A progress report of the responsible agency's officer on its activity: text, percent complete, status, the day it speaks of, and the activity's version; 403 for another agency's activity, 409 when the activity changed since that version.");
        group.MapPost("/{id:int}/directions", (int id, ItemRequest body, QalaDbContext db, ProgramAccess access, ClaimsPrincipal user, CancellationToken ct) =>
                AddItemAsync(db, access, user, ItemLevel.Direction, id, body, ct))
            .RequireAuthorization(policy => policy.RequireRole(QalaRoles.Planner, QalaRoles.Administrator))
            .WithSummary("Adds a direction to a program whose structure is open (planners of its territory); position defaults to the last.");
        group.MapPost("/directions/{id:int}/goals", (int id, ItemRequest body, QalaDbContext db, ProgramAccess access, ClaimsPrincipal user, CancellationToken ct) =>
                AddItemAsync(db, access, user, ItemLevel.Goal, id, body, ct))
            .RequireAuthorization(policy => policy.RequireRole(QalaRoles.Planner, QalaRoles.Administrator))
            .WithSummary("Adds a goal to a direction of a program whose structure is open.");
        group.MapPost("/goals/{id:int}/tasks", (int id, ItemRequest body, QalaDbContext db, ProgramAccess access, ClaimsPrincipal user, CancellationToken ct) =>
                AddItemAsync(db, access, user, ItemLevel.Task, id, body, ct))
            .RequireAuthorization(policy => policy.RequireRole(QalaRoles.Planner, QalaRoles.Administrator))
            .WithSummary("Adds a task to a goal of a program whose structure is open.");
        group.MapPost("/tasks/{id:int}/activities", AddActivityAsync)
            .RequireAuthorization(policy => policy.RequireRole(QalaRoles.Planner, QalaRoles.Administrator))
            .WithSummary("Adds a roadmap activity to a task of a program whose structure is open (the version in the body is ignored).");
        group.MapPut("/activities/{id:int}", UpdateActivityAsync)
            .RequireAuthorization(policy => policy.RequireRole(QalaRoles.Planner, QalaRoles.Administrator))
            .WithSummary("Changes an activity's plan (titles, responsible agency, dates, status, expected result, budget) for planners of the program's territory while its structure is open; once approved, new dates or planned money need a replanReason and are kept as re-planning history. 409 when closed or changed since the version.");
        group.MapPut("/directions/{id:int}", (int id, ItemUpdateRequest body, QalaDbContext db, ProgramAccess access, ClaimsPrincipal user, CancellationToken ct) =>
                UpdateItemAsync(db, access, user, ItemLevel.Direction, id, body, ct))
            .RequireAuthorization(policy => policy.RequireRole(QalaRoles.Planner, QalaRoles.Administrator))
            .WithSummary("Changes a direction's titles, weight and position (the others move to keep positions 1 to n) while the program's structure is open; 409 when closed or changed since the version.");
        group.MapPut("/goals/{id:int}", (int id, ItemUpdateRequest body, QalaDbContext db, ProgramAccess access, ClaimsPrincipal user, CancellationToken ct) =>
                UpdateItemAsync(db, access, user, ItemLevel.Goal, id, body, ct))
            .RequireAuthorization(policy => policy.RequireRole(QalaRoles.Planner, QalaRoles.Administrator))
            .WithSummary("Changes a goal's titles, weight and position while the program's structure is open; 409 when closed or changed since the version.");
        group.MapPut("/tasks/{id:int}", (int id, ItemUpdateRequest body, QalaDbContext db, ProgramAccess access, ClaimsPrincipal user, CancellationToken ct) =>
                UpdateItemAsync(db, access, user, ItemLevel.Task, id, body, ct))
            .RequireAuthorization(policy => policy.RequireRole(QalaRoles.Planner, QalaRoles.Administrator))
            .WithSummary("Changes a task's titles, weight and position while the program's structure is open; 409 when closed or changed since the version.");
        group.MapGet("/goals/{id:int}/indicators", GoalTargetsAsync)
            .WithSummary("A goal's target indicators with their baseline and yearly targets by territory in the program's current version, and the goal's version; for those who read the program.");
        group.MapPost("/goals/{id:int}/indicators", (int id, GoalTargetRequest body, QalaDbContext db, GoalTargets targets, ProgramAccess access, ClaimsPrincipal user, CancellationToken ct) =>
                SetGoalTargetsAsync(db, targets, access, user, id, null, body, ct))
            .RequireAuthorization(policy => policy.RequireRole(QalaRoles.Planner, QalaRoles.Administrator))
            .WithSummary("Adds a target indicator (catalog code) to a goal with its baseline and yearly targets for the program's territory or one of its districts (territory code); 400 for a territory outside, years outside the period or targets already given (use PUT), 409 when the structure is closed or the goal changed since the version.");
        group.MapPut("/goals/{id:int}/indicators/{code}", (int id, string code, GoalTargetRequest body, QalaDbContext db, GoalTargets targets, ProgramAccess access, ClaimsPrincipal user, CancellationToken ct) =>
                SetGoalTargetsAsync(db, targets, access, user, id, code, body, ct))
            .RequireAuthorization(policy => policy.RequireRole(QalaRoles.Planner, QalaRoles.Administrator))
            .WithSummary("Replaces the baseline and yearly targets of a goal's target indicator for one territory; same rules as POST, 404 when the goal is not measured by the indicator.");
        return api;
    }

    public static async Task<Results<Ok<ItemUpdatedResponse>, NotFound, ForbidHttpResult, ProblemHttpResult>> UpdateItemAsync(
        QalaDbContext db, ProgramAccess access, ClaimsPrincipal user, ItemLevel level, int id, ItemUpdateRequest body, CancellationToken cancellationToken)
    {
        IProgramItem? item = level switch
        {
            ItemLevel.Direction => await db.Set<ProgramDirection>().FirstOrDefaultAsync(d => d.Id == id, cancellationToken),
            ItemLevel.Goal => await db.Set<ProgramGoal>().FirstOrDefaultAsync(g => g.Id == id, cancellationToken),
            _ => await db.Set<ProgramTask>().FirstOrDefaultAsync(t => t.Id == id, cancellationToken),
        };
        var programId = item switch
        {
            ProgramDirection d => d.ProgramId,
            ProgramGoal g => await db.Set<ProgramDirection>().Where(d => d.Id == g.DirectionId).Select(d => d.ProgramId).SingleAsync(cancellationToken),
            ProgramTask t => await db.Set<ProgramGoal>().Where(g => g.Id == t.GoalId).Select(g => g.Direction!.ProgramId).SingleAsync(cancellationToken),
            _ => 0,
        };
        if (item is null || await db.Set<DevelopmentProgram>().Include(p => p.Versions).FirstOrDefaultAsync(p => p.Id == programId, cancellationToken) is not { } program)
        {
            return TypedResults.NotFound();
        }

        if (!await access.CanEditAsync(user, program))
        {
            return TypedResults.Forbid();
        }

        if (!ProgramAmendments.StructureOpen(program))
        {
            return Conflict("An approved program changes only through an amendment: open one first.");
        }

        var refusal = TitleRefusal(body.Title) ?? (body.Weight is < 0.001m or > 1000 ? "The weight is a number from 0.001 to 1000." : null);
        if (refusal is not null)
        {
            return Invalid(refusal);
        }

        db.Entry((object)item).Property(nameof(IVersioned.Version)).OriginalValue = body.Version;
        item.Title = LocalizedText.Of(body.Title!.Kk.Trim(), body.Title.Ru.Trim(), body.Title.En.Trim());
        item.Weight = body.Weight ?? item.Weight;
        if (body.Position is { } position)
        {
            ProgramOrder.Place(await ProgramOrder.SiblingsAsync(db, item, cancellationToken), item, position);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Conflict("Someone else changed this record while you were editing it. Reload the page and try again.");
        }

        return TypedResults.Ok(new ItemUpdatedResponse(item.Id, item.Position, item.Version));
    }

    public static async Task<Results<Ok<GoalTargetsResponse>, NotFound, UnauthorizedHttpResult, ForbidHttpResult>> GoalTargetsAsync(
        int id, QalaDbContext db, GoalTargets targets, ProgramAccess access, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (await GoalOfAsync(db, id, cancellationToken) is not var (goal, program))
        {
            return TypedResults.NotFound();
        }

        if (!await access.CanReadAsync(user, program))
        {
            return user.Identity?.IsAuthenticated == true ? TypedResults.Forbid() : TypedResults.Unauthorized();
        }

        var rows = await targets.RowsAsync(goal.Id, program.Versions.MaxBy(v => v.Number)!.TargetSetId, cancellationToken);
        return TypedResults.Ok(new GoalTargetsResponse(goal.Id, goal.Version, [.. rows.Select(r => new GoalTargetResponse(
            r.Indicator.Code, r.Territory?.Code, r.Baseline?.Year, r.Baseline?.Value, [.. r.Targets.Select(x => new YearTarget(x.Year, x.Value))]))]));
    }

    public static async Task<Results<Ok<ItemUpdatedResponse>, Created<ItemUpdatedResponse>, NotFound, ForbidHttpResult, ProblemHttpResult>> SetGoalTargetsAsync(
        QalaDbContext db, GoalTargets targets, ProgramAccess access, ClaimsPrincipal user, int id, string? code, GoalTargetRequest body, CancellationToken cancellationToken)
    {
        if (await GoalOfAsync(db, id, cancellationToken) is not var (goal, program))
        {
            return TypedResults.NotFound();
        }

        if (!await access.CanEditAsync(user, program))
        {
            return TypedResults.Forbid();
        }

        if (!ProgramAmendments.StructureOpen(program))
        {
            return Conflict("An approved program changes only through an amendment: open one first.");
        }

        var indicator = await db.Set<Indicators.Indicator>().AsNoTracking().FirstOrDefaultAsync(i => i.Code == (code ?? body.Indicator), cancellationToken);
        var linked = indicator is not null && await db.Set<GoalIndicator>().AnyAsync(i => i.GoalId == goal.Id && i.IndicatorId == indicator.Id, cancellationToken);
        if (code is not null && !linked)
        {
            return TypedResults.NotFound();
        }

        var territory = await db.Set<Territories.Territory>().AsNoTracking().FirstOrDefaultAsync(t => t.Code == body.Territory, cancellationToken);
        if (indicator is null || territory is null)
        {
            return Invalid(indicator is null ? "Choose an indicator from the catalog." : "A target's territory must be the program's territory or one of its districts.");
        }

        var set = program.Versions.MaxBy(v => v.Number)!.TargetSetId;
        if (code is null && await db.Set<IndicatorTarget>().AnyAsync(t => t.TargetSetId == set && t.IndicatorId == indicator.Id && t.TerritoryId == territory.Id, cancellationToken))
        {
            return Invalid("The indicator already has targets for this territory: change them with PUT.");
        }

        db.Entry(goal).Property(g => g.Version).OriginalValue = body.Version;
        var input = new GoalTargetInput(indicator.Id, territory.Id, body.BaselineYear, body.Baseline, body.Targets ?? []);
        if (await targets.SetAsync(program, goal, input, cancellationToken) is { } refusal)
        {
            return Invalid(refusal);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Conflict("Someone else changed this record while you were editing it. Reload the page and try again.");
        }

        var saved = new ItemUpdatedResponse(goal.Id, goal.Position, goal.Version);
        return code is null ? TypedResults.Created($"/api/v1/programs/goals/{goal.Id}/indicators", saved) : TypedResults.Ok(saved);
    }

    // The tracked goal and its program with the versions, or null.
    private static async Task<(ProgramGoal Goal, DevelopmentProgram Program)?> GoalOfAsync(QalaDbContext db, int id, CancellationToken cancellationToken)
    {
        var goal = await db.Set<ProgramGoal>().Include(g => g.Direction!.Program!.Versions).FirstOrDefaultAsync(g => g.Id == id, cancellationToken);
        return goal is null ? null : (goal, goal.Direction!.Program!);
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

    public static async Task<Results<Created<ReportCreatedResponse>, NotFound, ForbidHttpResult, ProblemHttpResult>> ReportAsync(
        int id, ActivityReportRequest body, QalaDbContext db, UserScope scope, AttachmentStore store, Deadlines deadlines, TimeProvider time, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var activity = await db.Set<RoadmapActivity>().Include(a => a.Task!.Goal!.Direction!.Program).FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (activity is null)
        {
            return TypedResults.NotFound();
        }

        if ((await scope.CurrentAsync(cancellationToken)).AgencyId is not { } agency || agency != activity.ResponsibleAgencyId)
        {
            return TypedResults.Forbid();
        }

        var on = body.ReportedOn ?? deadlines.Today;
        var refusal = string.IsNullOrWhiteSpace(body.Text) || body.Text.Length > 4000 ? "Describe what was done."
            : body.PercentComplete is < 0 or > 100 ? "The percent complete is a number from 0 to 100."
            : !Enum.IsDefined(body.Status) ? "The status is one of NotStarted, InProgress, Completed and Cancelled."
            : on > deadlines.Today ? "A report cannot speak of a day that has not come."
            : null;
        if (refusal is not null)
        {
            return Invalid(refusal);
        }

        if (!activity.Task!.Goal!.Direction!.Program!.IsOpen)
        {
            return Conflict("A completed or archived program cannot change.");
        }

        // The files and the report are saved together or not at all, as on the report page.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var saved = new List<Attachment>();
        foreach (var file in body.Files ?? [])
        {
            using var content = new MemoryStream(file.Content ?? []);
            var result = await store.SaveAsync(file.FileName ?? string.Empty, content, cancellationToken);
            if (!result.Succeeded)
            {
                var detail = string.Format(CultureInfo.InvariantCulture, result.Error!.MessageKey, result.Error.ExpectedExtension ?? result.Error.MaxBytes?.ToString(CultureInfo.InvariantCulture) ?? string.Empty);
                return Invalid($"{file.FileName}: {detail}");
            }

            saved.Add(result.Attachment!);
        }

        db.Entry(activity).Property(a => a.Version).OriginalValue = body.Version;
        var report = activity.Report(body.Text.Trim(), Math.Round(body.PercentComplete, 2), body.Status, on, user.Identity!.Name!, time.GetUtcNow(), saved);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Conflict("Someone else changed this record while you were editing it. Reload the page and try again.");
        }

        return TypedResults.Created($"/api/v1/programs/{activity.Task.Goal.Direction.ProgramId}", new ReportCreatedResponse(report.Id, activity.Version, [.. saved.Select(f => f.Id)]));
    }

    public static async Task<Results<Ok<ActivityUpdatedResponse>, NotFound, ForbidHttpResult, ProblemHttpResult>> UpdateActivityAsync(
        int id, ActivityRequest body, QalaDbContext db, ProgramAccess access, Deadlines deadlines, TimeProvider time, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var activity = await db.Set<RoadmapActivity>().Include(a => a.Budget).Include(a => a.CoExecutors)
            .Include(a => a.Task!.Goal!.Direction!.Program!.Versions).FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (activity is null)
        {
            return TypedResults.NotFound();
        }

        var program = activity.Task!.Goal!.Direction!.Program!;
        if (!await access.CanEditAsync(user, program))
        {
            return TypedResults.Forbid();
        }

        if (!ProgramAmendments.StructureOpen(program))
        {
            return Conflict("An approved program changes only through an amendment: open one first.");
        }

        var (agency, budget, refusal) = await CheckActivityAsync(db, program, body, cancellationToken);
        var planned = activity.Budget.Where(b => budget.All(x => x.Source != b.Source)).Sum(b => b.Planned) + budget.Sum(b => b.Planned);
        var records = ProgramAmendments.Amends(program.Status) && activity.IsReplannedBy(body.StartDate, body.DueDate, planned);
        if (refusal is null && records && string.IsNullOrWhiteSpace(body.ReplanReason))
        {
            refusal = "Give the reason for re-planning: the dates or the planned budget change.";
        }

        if (refusal is not null)
        {
            return Invalid(refusal);
        }

        db.Entry(activity).Property(a => a.Version).OriginalValue = body.Version;
        if (records)
        {
            activity.Replan(body.StartDate, body.DueDate, planned, body.ReplanReason!.Trim(), user.Identity!.Name!, deadlines.Today, time.GetUtcNow());
        }

        (activity.Title, activity.ResponsibleAgencyId, activity.StartDate, activity.DueDate, activity.Status) =
            (LocalizedText.Of(body.Title!.Kk.Trim(), body.Title.Ru.Trim(), body.Title.En.Trim()), agency!.Id, body.StartDate, body.DueDate, body.Status);
        activity.ExpectedResult = string.IsNullOrWhiteSpace(body.ExpectedResult) ? null : body.ExpectedResult.Trim();
        activity.CoExecutors.RemoveAll(c => c.AgencyId == agency.Id);
        foreach (var input in budget)
        {
            if (activity.Budget.FirstOrDefault(b => b.Source == input.Source) is { } line)
            {
                (line.Planned, line.Actual) = (input.Planned, input.Actual);
            }
            else if (input.Planned != 0 || input.Actual != 0)
            {
                activity.Budget.Add(input);
            }
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Conflict("Someone else changed this record while you were editing it. Reload the page and try again.");
        }

        return TypedResults.Ok(new ActivityUpdatedResponse(activity.Id, activity.Version));
    }

    public static async Task<Results<Created<ItemCreatedResponse>, NotFound, ForbidHttpResult, ProblemHttpResult>> AddItemAsync(
        QalaDbContext db, ProgramAccess access, ClaimsPrincipal user, ItemLevel level, int parent, ItemRequest body, CancellationToken cancellationToken)
    {
        var programId = level switch
        {
            ItemLevel.Direction => await db.Set<DevelopmentProgram>().Where(p => p.Id == parent).Select(p => (int?)p.Id).FirstOrDefaultAsync(cancellationToken),
            ItemLevel.Goal => await db.Set<ProgramDirection>().Where(d => d.Id == parent).Select(d => (int?)d.ProgramId).FirstOrDefaultAsync(cancellationToken),
            _ => await db.Set<ProgramGoal>().Where(g => g.Id == parent).Select(g => (int?)g.Direction!.ProgramId).FirstOrDefaultAsync(cancellationToken),
        };
        if (programId is null || await db.Set<DevelopmentProgram>().Include(p => p.Versions).FirstOrDefaultAsync(p => p.Id == programId, cancellationToken) is not { } program)
        {
            return TypedResults.NotFound();
        }

        if (!await access.CanEditAsync(user, program))
        {
            return TypedResults.Forbid();
        }

        if (!ProgramAmendments.StructureOpen(program))
        {
            return Conflict("An approved program changes only through an amendment: open one first.");
        }

        if (TitleRefusal(body.Title) is { } refusal)
        {
            return Invalid(refusal);
        }

        if (body.Weight is { } w && (w < 0.001m || w > 1000))
        {
            return Invalid("The weight is a number from 0.001 to 1000.");
        }

        var title = LocalizedText.Of(body.Title!.Kk.Trim(), body.Title.Ru.Trim(), body.Title.En.Trim());
        var weight = body.Weight ?? 1;
        IProgramItem item = level switch
        {
            ItemLevel.Direction => new ProgramDirection { ProgramId = parent, Title = title, Weight = weight },
            ItemLevel.Goal => new ProgramGoal { DirectionId = parent, Title = title, Weight = weight },
            _ => new ProgramTask { GoalId = parent, Title = title, Weight = weight },
        };
        ProgramOrder.Place(await ProgramOrder.SiblingsAsync(db, item, cancellationToken), item, body.Position ?? int.MaxValue);
        db.Add(item);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/programs/{program.Id}", new ItemCreatedResponse(item.Id, item.Version));
    }

    public static async Task<Results<Created<ItemCreatedResponse>, NotFound, ForbidHttpResult, ProblemHttpResult>> AddActivityAsync(
        int id, ActivityRequest body, QalaDbContext db, ProgramAccess access, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var task = await db.Set<ProgramTask>().Include(t => t.Goal!.Direction!.Program!.Versions).FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (task is null)
        {
            return TypedResults.NotFound();
        }

        var program = task.Goal!.Direction!.Program!;
        if (!await access.CanEditAsync(user, program))
        {
            return TypedResults.Forbid();
        }

        if (!ProgramAmendments.StructureOpen(program))
        {
            return Conflict("An approved program changes only through an amendment: open one first.");
        }

        var (agency, budget, refusal) = await CheckActivityAsync(db, program, body, cancellationToken);
        if (refusal is not null)
        {
            return Invalid(refusal);
        }

        var activity = new RoadmapActivity
        {
            TaskId = task.Id,
            Title = LocalizedText.Of(body.Title!.Kk.Trim(), body.Title.Ru.Trim(), body.Title.En.Trim()),
            Position = 1 + (await db.Set<RoadmapActivity>().Where(a => a.TaskId == task.Id).Select(a => (int?)a.Position).MaxAsync(cancellationToken) ?? 0),
            ResponsibleAgencyId = agency!.Id,
            StartDate = body.StartDate,
            DueDate = body.DueDate,
            Status = body.Status,
            ExpectedResult = string.IsNullOrWhiteSpace(body.ExpectedResult) ? null : body.ExpectedResult.Trim(),
        };
        activity.Budget.AddRange(budget.Where(b => b.Planned != 0 || b.Actual != 0));
        db.Add(activity);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/programs/{program.Id}", new ItemCreatedResponse(activity.Id, activity.Version));
    }

    // The responsible agency (of the program's territory), the budget lines, and the first thing wrong with the request.
    private static async Task<(Agencies.Agency? Agency, List<ActivityBudgetLine> Budget, string? Refusal)> CheckActivityAsync(
        QalaDbContext db, DevelopmentProgram program, ActivityRequest body, CancellationToken cancellationToken)
    {
        var within = await TerritoriesWithinAsync(db, program.TerritoryId, cancellationToken);
        var agency = await db.Set<Agencies.Agency>().AsNoTracking()
            .FirstOrDefaultAsync(a => a.Code == body.ResponsibleAgency && a.IsActive && within.Contains(a.TerritoryId), cancellationToken);
        var budget = (body.Budget ?? []).Select(b => new ActivityBudgetLine { Source = b.Source, Planned = b.Planned, Actual = b.Actual }).ToList();
        var refusal = TitleRefusal(body.Title)
            ?? (agency is null ? "No agency of the program's territory has this code."
            : !Enum.IsDefined(body.Status) ? "The status is one of NotStarted, InProgress, Completed and Cancelled."
            : budget.Any(b => !Enum.IsDefined(b.Source)) || budget.DistinctBy(b => b.Source).Count() != budget.Count ? "Each funding source appears once."
            : RoadmapActivity.Check(program, body.StartDate, body.DueDate, budget).Select(c => c.Message).FirstOrDefault());
        return (agency, budget, refusal);
    }

    private static string? TitleRefusal(LocalizedText? title) =>
        title is null || new[] { title.Kk, title.Ru, title.En }.Any(t => string.IsNullOrWhiteSpace(t) || t.Length > 400) ? "Give a title of up to 400 characters." : null;

    // The territory and everything inside it: their agencies execute its program's activities.
    private static async Task<HashSet<int>> TerritoriesWithinAsync(QalaDbContext db, int territoryId, CancellationToken cancellationToken)
    {
        var territories = await db.Set<Territories.Territory>().AsNoTracking().Select(t => new { t.Id, t.ParentId }).ToListAsync(cancellationToken);
        var within = new HashSet<int> { territoryId };
        for (var added = true; added;)
        {
            added = false;
            foreach (var territory in territories.Where(t => t.ParentId is { } parent && within.Contains(parent)))
            {
                added |= within.Add(territory.Id);
            }
        }

        return within;
    }

    private static ProblemHttpResult Invalid(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "The request cannot be carried out.");

    private static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "The activity cannot change so.");

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

/// <summary>
/// A progress report through the API; <c>ReportedOn</c> defaults to today, <c>Version</c> is the activity's (from the
/// tree); <c>Files</c> are kept through the attachment store under the same rules as the report page's.
/// </summary>
public sealed record ActivityReportRequest(string Text, decimal PercentComplete, ActivityStatus Status, DateOnly? ReportedOn, Guid Version, List<ReportFileRequest>? Files = null);

/// <summary>A file of a progress report: its name and its content in base64.</summary>
public sealed record ReportFileRequest(string? FileName, byte[]? Content);

/// <summary>The report's id, the activity's new version and the ids of the report's files (<c>GET /programs/activities/{id}/files/{file}</c>).</summary>
public sealed record ReportCreatedResponse(int Id, Guid Version, List<Guid> Files);

/// <summary>One funding source of an activity's budget, in tenge.</summary>
public sealed record BudgetRequest(FundingSource Source, decimal Planned, decimal Actual);

/// <summary>
/// An activity's new plan: <c>ResponsibleAgency</c> is an agency code of the program's territory; budget lines not
/// given stay as they are; <c>ReplanReason</c> is needed once the program is approved and the dates or planned money change.
/// </summary>
public sealed record ActivityRequest(
    LocalizedText? Title, string ResponsibleAgency, DateOnly StartDate, DateOnly DueDate, ActivityStatus Status, string? ExpectedResult,
    List<BudgetRequest>? Budget, Guid Version, string? ReplanReason);

/// <summary>The activity's id and new version.</summary>
public sealed record ActivityUpdatedResponse(int Id, Guid Version);

/// <summary>Which level of the tree an item is added to.</summary>
public enum ItemLevel
{
    Direction,
    Goal,
    Task,
}

/// <summary>A new direction, goal or task: its titles, and optionally its weight (default 1) and position (default: last; the siblings after it move down).</summary>
public sealed record ItemRequest(LocalizedText? Title, decimal? Weight, int? Position);

/// <summary>The new item's id and version.</summary>
public sealed record ItemCreatedResponse(int Id, Guid Version);

/// <summary>A direction's, goal's or task's new titles, optionally its weight and position (1 to n; the siblings move), and the version it was read at.</summary>
public sealed record ItemUpdateRequest(LocalizedText? Title, decimal? Weight, int? Position, Guid Version);

/// <summary>The item's id, position and new version.</summary>
public sealed record ItemUpdatedResponse(int Id, int Position, Guid Version);

/// <summary>
/// A target indicator of a goal for one territory: the indicator's catalog code (POST only; PUT takes it from the
/// address), the territory's code (the program's or one of its districts), the baseline year and value (both or
/// neither), the yearly targets within the program period, and the goal's version.
/// </summary>
public sealed record GoalTargetRequest(string? Indicator, string Territory, int? BaselineYear, decimal? Baseline, List<YearTarget>? Targets, Guid Version);

/// <summary>A goal's target indicators in the program's current version, and the goal's version for changes.</summary>
public sealed record GoalTargetsResponse(int Goal, Guid Version, List<GoalTargetResponse> Indicators);

/// <summary>An indicator's baseline and yearly targets for one territory; the territory is null when the indicator has no targets yet.</summary>
public sealed record GoalTargetResponse(string Indicator, string? Territory, int? BaselineYear, decimal? Baseline, List<YearTarget> Targets);

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
    decimal PercentComplete, double Expected, ProgressBand Band, bool IsOverdue, decimal PlannedBudget, decimal ActualBudget, Guid Version)
{
    public static ActivityResponse Of(ActivityNode node)
    {
        var a = node.Activity;
        return new(a.Id, a.Position, a.Title, a.ResponsibleAgency!.Code, a.StartDate, a.DueDate, a.Status, a.PercentComplete,
            node.Assessment.Expected, node.Assessment.Band, node.Assessment.IsOverdue, a.Budget.Sum(b => b.Planned), a.Budget.Sum(b => b.Actual), a.Version);
    }
}
