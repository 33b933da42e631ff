using System.Globalization;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qala.Engine.Instructions.Extraction;
using Qala.Web.Data;
using Qala.Web.Features.Agencies;
using Qala.Web.Features.Indicators;
using Qala.Web.Features.Programs;
using Qala.Web.Features.Territories;
using Qala.Web.Infrastructure.Auth;
using Qala.Web.Infrastructure.Calendar;
using Qala.Web.Infrastructure.Files;

namespace Qala.Web.Features.Instructions;

/// <summary>
/// The instructions API: proposals from a meeting's text, the register with its filters, meetings registered with
/// their instructions, and the workflow (report, accept, return, extend, remove). Refused moves are 409 problems.
/// </summary>
public static class InstructionsEndpoints
{
    public static RouteGroupBuilder MapInstructionsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/instructions").WithTags("Instructions")
            .RequireAuthorization(policy => policy.RequireRole(QalaRoles.Controller, QalaRoles.Planner, QalaRoles.Administrator, QalaRoles.AgencyOfficer));
        group.MapPost("/extract", ExtractAsync)
            .RequireAuthorization(policy => policy.RequireRole(QalaRoles.Controller, QalaRoles.Planner, QalaRoles.Administrator))
            .Accepts<ExtractionRequest>("application/json", "text/plain")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("Proposes, from a meeting's text in Kazakh, Russian or English, the meeting's date, place and chair, each instruction (clause, addressee, deadline as written and as a date, the cue that fired) and each numeric fact (value × scale, unit). Nothing is saved: a controller reviews the proposals and confirms them into instructions.");
        group.MapGet("/", ListAsync)
            .WithSummary("The instructions the caller may read (an agency officer: their agency's), overdue first; filter by meeting, chair, territory code, deadline period, status, overdue and executor agency code.");
        group.MapGet("/{id:int}", GetAsync)
            .WithSummary("One instruction with its reports and history.");
        group.MapGet("/{id:int}/files/{file:guid}", DownloadAsync)
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .Produces(StatusCodes.Status403Forbidden)
            .Produces(StatusCodes.Status404NotFound)
            .WithSummary("A file attached to one of the instruction's reports, as a download, for those who may read the instruction (another agency's officer gets 403).");
        group.MapPost("/meetings", CreateAsync)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("Registers a meeting with its instructions in one transaction (controllers and administrators of the territory).");
        group.MapPost("/{id:int}/reports", ReportAsync)
            .WithSummary("An officer of an executor agency submits a report (final, or interim with interim=true); another agency gets 403.");
        group.MapPost("/{id:int}/accept", (InstructionControl control, ClaimsPrincipal user, int id, DecisionRequest body, CancellationToken ct) =>
            ApplyAsync(control, user, id, body.Version, new AcceptAction(body.Comment ?? string.Empty), ct))
            .WithSummary("A controller accepts the submitted report as execution; accepting again is refused (409).");
        group.MapPost("/{id:int}/return", (InstructionControl control, ClaimsPrincipal user, int id, DecisionRequest body, CancellationToken ct) =>
            ApplyAsync(control, user, id, body.Version, new ReturnAction(body.Comment ?? string.Empty), ct))
            .WithSummary("A controller returns the submitted report for rework with a comment.");
        group.MapPost("/{id:int}/extend", (InstructionControl control, ClaimsPrincipal user, int id, ExtensionRequest body, CancellationToken ct) =>
            ApplyAsync(control, user, id, body.Version, new ExtendAction(body.Deadline, body.Reason ?? string.Empty), ct))
            .WithSummary("A controller grants an extension: a later deadline in force with its reason; the original deadline is kept.");
        group.MapPost("/{id:int}/extension-request", (InstructionControl control, ClaimsPrincipal user, int id, ExtensionRequest body, CancellationToken ct) =>
            ApplyAsync(control, user, id, body.Version, new RequestExtensionAction(body.Deadline, body.Reason ?? string.Empty), ct))
            .WithSummary("An officer of an executor agency asks for a later deadline with the reason.");
        group.MapPost("/{id:int}/refuse-extension", (InstructionControl control, ClaimsPrincipal user, int id, DecisionRequest body, CancellationToken ct) =>
            ApplyAsync(control, user, id, body.Version, new RefuseExtensionAction(body.Comment ?? string.Empty), ct))
            .WithSummary("A controller refuses the extension asked for; the deadline in force stays.");
        group.MapPost("/{id:int}/remove", (InstructionControl control, ClaimsPrincipal user, int id, DecisionRequest body, CancellationToken ct) =>
            ApplyAsync(control, user, id, body.Version, new RemoveAction(body.Comment ?? string.Empty), ct))
            .WithSummary("A controller removes the instruction from control with the reason.");
        group.MapPost("/{id:int}/links", LinkAsync)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("A controller of the instruction's territory sets its links: a program goal and a roadmap activity (ids) and an indicator (code) of the territory; one left out is cleared. A stale version is refused (409).");
        group.MapPost("/{id:int}/texts", (InstructionControl control, ClaimsPrincipal user, int id, TextsRequest body, CancellationToken ct) =>
            ApplyAsync(control, user, id, body.Version, new RewordAction(body.Kk ?? string.Empty, body.Ru ?? string.Empty, body.En ?? string.Empty), ct))
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("A controller of the instruction's territory sets its text in Kazakh, Russian and English (at least one; a blank one stays blank). A stale version is refused (409).");
        return api;
    }

    public static async Task<Results<NoContent, NotFound, ForbidHttpResult, ProblemHttpResult>> LinkAsync(
        QalaDbContext db, InstructionControl control, ClaimsPrincipal user, int id, LinksRequest body, CancellationToken cancellationToken)
    {
        int? indicator = null;
        if (body.Indicator is { Length: > 0 } code
            && (indicator = await db.Set<Indicator>().Where(i => i.Code == code).Select(i => (int?)i.Id).FirstOrDefaultAsync(cancellationToken)) is null)
        {
            return Invalid($"Unknown indicator code {code}.");
        }

        return await ApplyAsync(control, user, id, body.Version, new LinkAction(body.Goal, body.Activity, indicator), cancellationToken);
    }

    public static async Task<Results<Ok<List<InstructionResponse>>, NotFound>> ListAsync(
        QalaDbContext db, InstructionQueries queries, Deadlines deadlines, ClaimsPrincipal user, int? meeting, string? chair, string? territory, DateOnly? from, DateOnly? to,
        InstructionStatus? status, bool? overdue, string? agency, CancellationToken cancellationToken)
    {
        int? territoryId = null, agencyId = null;
        if (territory is not null && (territoryId = await db.Set<Territory>().Where(t => t.Code == territory).Select(t => (int?)t.Id).FirstOrDefaultAsync(cancellationToken)) is null)
        {
            return TypedResults.NotFound();
        }

        if (agency is not null && (agencyId = await db.Set<Agency>().Where(a => a.Code == agency).Select(a => (int?)a.Id).FirstOrDefaultAsync(cancellationToken)) is null)
        {
            return TypedResults.NotFound();
        }

        var filter = new InstructionFilter
        {
            MeetingId = meeting,
            Chair = chair,
            TerritoryId = territoryId,
            From = from,
            To = to,
            Status = status,
            OverdueOnly = overdue == true,
            AgencyId = agencyId,
        };
        var today = deadlines.Today;
        return TypedResults.Ok((await queries.ListAsync(user, filter, cancellationToken, withInterimReports: true)).Select(l => InstructionResponse.Of(l, today)).ToList());
    }

    public static async Task<Results<Ok<InstructionDetailResponse>, NotFound, ForbidHttpResult>> GetAsync(
        InstructionControl control, InstructionAccess access, Deadlines deadlines, ClaimsPrincipal user, int id, CancellationToken cancellationToken)
    {
        if (await control.LoadAsync(id, cancellationToken) is not { } instruction)
        {
            return TypedResults.NotFound();
        }

        if (!await access.CanReadAsync(user, instruction))
        {
            return TypedResults.Forbid();
        }

        var today = deadlines.Today;
        return TypedResults.Ok(new InstructionDetailResponse(
            InstructionResponse.Of(new InstructionLine(instruction, instruction.IsOverdueOn(today), instruction.Deadline.DayNumber - today.DayNumber), today),
            [.. instruction.Reports.OrderBy(r => r.SubmittedAt).Select(r => new ReportResponse(
                r.Id, r.IsInterim, r.Agency?.Code, r.Text, r.SubmittedOn, r.SubmittedBy, [.. r.Attachments.Select(a => a.FileName)],
                [.. r.Attachments.Select(a => new ReportFileResponse(a.FileName, FileUrl(id, a.AttachmentId)))]))],
            [.. instruction.Events.OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => new EventResponse(e.Kind, e.At, e.By, e.Reason, e.Deadline))]));
    }

    public static async Task<IResult> DownloadAsync(
        InstructionControl control, InstructionAccess access, AttachmentStore store, HttpContext http, ClaimsPrincipal user, int id, Guid file, CancellationToken cancellationToken)
    {
        if (await control.LoadAsync(id, cancellationToken) is not { } instruction)
        {
            return TypedResults.NotFound();
        }

        if (!await access.CanReadAsync(user, instruction))
        {
            return TypedResults.Forbid();
        }

        if (!instruction.Reports.Any(r => r.Attachments.Any(a => a.AttachmentId == file)))
        {
            return TypedResults.NotFound();
        }

        return await FileEndpoints.DownloadAsync(file, store, http, cancellationToken);
    }

    public static async Task<Results<Created<CreatedMeetingResponse>, ProblemHttpResult, ForbidHttpResult>> CreateAsync(
        QalaDbContext db, MeetingRegistration registration, InstructionAccess access, ClaimsPrincipal user, CreateMeetingRequest body, CancellationToken cancellationToken)
    {
        if (await db.Set<Territory>().Where(t => t.Code == body.Territory).Select(t => (int?)t.Id).FirstOrDefaultAsync(cancellationToken) is not { } territoryId)
        {
            return Invalid("Unknown territory code.");
        }

        if (!await access.CanControlAsync(user, territoryId))
        {
            return TypedResults.Forbid();
        }

        var codes = (body.Instructions ?? []).SelectMany(i => (i.CoExecutors ?? []).Append(i.LeadAgency ?? string.Empty)).Where(c => c.Length > 0).Distinct().ToList();
        var agencies = await db.Set<Agency>().Where(a => codes.Contains(a.Code)).ToDictionaryAsync(a => a.Code, a => a.Id, cancellationToken);
        if (codes.FirstOrDefault(c => !agencies.ContainsKey(c)) is { } unknown)
        {
            return Invalid($"Unknown agency code {unknown}.");
        }

        var indicatorCodes = (body.Instructions ?? []).Select(i => i.Indicator).OfType<string>().Distinct().ToList();
        var indicators = await db.Set<Indicator>().Where(i => indicatorCodes.Contains(i.Code)).ToDictionaryAsync(i => i.Code, i => i.Id, cancellationToken);
        if (indicatorCodes.FirstOrDefault(c => !indicators.ContainsKey(c)) is { } unknownIndicator)
        {
            return Invalid($"Unknown indicator code {unknownIndicator}.");
        }

        var goalIds = (body.Instructions ?? []).Select(i => i.Goal).OfType<int>().ToList();
        var activityIds = (body.Instructions ?? []).Select(i => i.Activity).OfType<int>().ToList();
        if (await db.Set<ProgramGoal>().CountAsync(g => goalIds.Contains(g.Id), cancellationToken) != goalIds.Distinct().Count()
            || await db.Set<RoadmapActivity>().CountAsync(a => activityIds.Contains(a.Id), cancellationToken) != activityIds.Distinct().Count())
        {
            return Invalid("Unknown program goal or roadmap activity.");
        }

        var drafts = (body.Instructions ?? []).Select(i => new InstructionDraft(
            i.Text ?? string.Empty, i.Deadline, i.LeadAgency is { Length: > 0 } lead ? agencies[lead] : null, [.. (i.CoExecutors ?? []).Select(c => agencies[c])],
            i.ExternalAddressees ?? string.Empty, i.ControlLevel ?? ControlLevel.Akim, i.InterimReporting ?? InterimReporting.None,
            i.Goal, i.Activity, i.Indicator is { } code ? indicators[code] : null)).ToList();
        var (meeting, error) = await registration.RegisterAsync(
            new MeetingDraft(body.HeldOn, territoryId, body.Place ?? string.Empty, body.Chair ?? string.Empty, body.Kind ?? MeetingKind.AkimMeeting, body.SourceText ?? string.Empty, body.Participants ?? string.Empty),
            drafts, user.Identity!.Name!, cancellationToken);
        if (meeting is null)
        {
            return Invalid(error!);
        }

        return TypedResults.Created($"/api/v1/instructions?meeting={meeting.Id}", new CreatedMeetingResponse(meeting.Id, [.. meeting.Instructions.Select(i => i.Id)]));
    }

    public static Task<Results<NoContent, NotFound, ForbidHttpResult, ProblemHttpResult>> ReportAsync(
        InstructionControl control, ClaimsPrincipal user, int id, ReportRequest body, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(body.Text)
            ? Task.FromResult<Results<NoContent, NotFound, ForbidHttpResult, ProblemHttpResult>>(Invalid("The report's text is empty."))
            : ApplyAsync(control, user, id, body.Version, new ReportAction(body.Text, body.Interim, []), cancellationToken);

    private static async Task<Results<NoContent, NotFound, ForbidHttpResult, ProblemHttpResult>> ApplyAsync(
        InstructionControl control, ClaimsPrincipal user, int id, Guid? version, ControlAction action, CancellationToken cancellationToken)
    {
        var result = await control.ApplyAsync(user, id, version, action, cancellationToken);
        return result.Outcome switch
        {
            ControlOutcome.Done => TypedResults.NoContent(),
            ControlOutcome.NotFound => TypedResults.NotFound(),
            ControlOutcome.Forbidden => TypedResults.Forbid(),
            ControlOutcome.Refused or ControlOutcome.Conflict => TypedResults.Problem(result.Reason, statusCode: StatusCodes.Status409Conflict, title: "The instruction cannot move so."),
            _ => throw new InvalidOperationException(),
        };
    }

    /// <summary>Where a report's file is downloaded, with the instruction's access checked.</summary>
    public static string FileUrl(int instruction, Guid attachment) => string.Create(CultureInfo.InvariantCulture, $"/api/v1/instructions/{instruction}/files/{attachment}");

    private static ProblemHttpResult Invalid(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "The request cannot be carried out.");

    /// <summary>
    /// The text as JSON (<c>{"text": "…", "meetingDate": "2019-10-29"}</c>) or as the plain-text body; working-day
    /// deadlines resolve through the platform's calendar.
    /// </summary>
    public static async Task<Results<Ok<MeetingExtraction>, ProblemHttpResult>> ExtractAsync(HttpRequest request, Deadlines deadlines, CancellationToken cancellationToken)
    {
        ExtractionRequest? body;
        if (request.HasJsonContentType())
        {
            try
            {
                body = await request.ReadFromJsonAsync<ExtractionRequest>(cancellationToken);
            }
            catch (JsonException e)
            {
                return Problem($"The body is not the expected JSON: {e.Message}");
            }
        }
        else
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            var text = await ReadAtMostAsync(reader, InstructionExtractor.MaxLength + 1, cancellationToken);
            if (text.Length > InstructionExtractor.MaxLength)
            {
                return Problem(string.Create(CultureInfo.InvariantCulture, $"The text is longer than the {InstructionExtractor.MaxLength:N0} characters read."));
            }

            body = new ExtractionRequest(text, null);
        }

        if (body?.Text is not { } meetingText)
        {
            return Problem("The text is empty.");
        }

        try
        {
            return TypedResults.Ok(InstructionExtractor.Extract(meetingText, body.MeetingDate, await deadlines.CalendarAsync(cancellationToken)));
        }
        catch (MeetingTextException e)
        {
            return Problem(e.Message);
        }
    }

    private static ProblemHttpResult Problem(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "The meeting's text cannot be read.");

    private static async Task<string> ReadAtMostAsync(StreamReader reader, int limit, CancellationToken cancellationToken)
    {
        var buffer = new char[Math.Min(limit, 64 * 1024)];
        var text = new StringBuilder();
        int read;
        while (text.Length < limit && (read = await reader.ReadAsync(buffer.AsMemory(0, Math.Min(buffer.Length, limit - text.Length)), cancellationToken)) > 0)
        {
            text.Append(buffer, 0, read);
        }

        return text.ToString();
    }
}

/// <param name="Text">The meeting's report or transcript.</param>
/// <param name="MeetingDate">The meeting's date, from which relative deadlines ("until the end of the year") resolve; else the first date in the text.</param>
public sealed record ExtractionRequest(string? Text, DateOnly? MeetingDate);

public sealed record DecisionRequest(string? Comment, Guid? Version);

public sealed record ExtensionRequest(DateOnly Deadline, string? Reason, Guid? Version);

/// <summary>The links of an instruction: a program goal and a roadmap activity (ids) and an indicator (code); null clears one.</summary>
public sealed record LinksRequest(int? Goal, int? Activity, string? Indicator, Guid? Version);

/// <summary>The instruction's text in Kazakh, Russian and English.</summary>
public sealed record TextsRequest(string? Kk, string? Ru, string? En, Guid? Version);

public sealed record ReportRequest(string? Text, bool Interim, Guid? Version);

/// <summary>A meeting with its instructions; the territory is its KATO code.</summary>
public sealed record CreateMeetingRequest(
    DateOnly HeldOn, string Territory, string? Place, string? Chair, MeetingKind? Kind, string? SourceText, string? Participants,
    List<CreateInstructionRequest>? Instructions);

/// <summary>
/// An instruction; executors are agency codes, with no lead agency when only outside bodies are named; it may be
/// linked to a program goal and a roadmap activity (ids) and an indicator (code).
/// </summary>
public sealed record CreateInstructionRequest(
    string? Text, DateOnly Deadline, string? LeadAgency, List<string>? CoExecutors, string? ExternalAddressees, ControlLevel? ControlLevel, InterimReporting? InterimReporting,
    int? Goal = null, int? Activity = null, string? Indicator = null);

public sealed record CreatedMeetingResponse(int Meeting, List<int> Instructions);

/// <summary>
/// An instruction in the register; <c>LateInterimReports</c> are the interim due days that passed without their report
/// while the executor owed reports (what the control board counts).
/// </summary>
public sealed record InstructionResponse(
    int Id, int Meeting, DateOnly MeetingDate, string Chair, int Number, string Text, string? LeadAgency, List<string> CoExecutors, string ExternalAddressees,
    DateOnly OriginalDeadline, DateOnly Deadline, InstructionStatus Status, bool Overdue, int DaysLeft, ControlLevel ControlLevel, DateOnly? ExecutedOn,
    InterimReporting InterimReporting, List<DateOnly> LateInterimReports, Guid Version)
{
    /// <summary>The instruction of <paramref name="line"/>, its interim reports loaded, as of <paramref name="today"/> in Asia/Almaty.</summary>
    public static InstructionResponse Of(InstructionLine line, DateOnly today)
    {
        var i = line.Instruction;
        return new(
            i.Id, i.MeetingId, i.Meeting!.HeldOn, i.Meeting.Chair, i.Number, i.Text.Current, i.LeadAgency?.Code, [.. i.CoExecutors.Select(c => c.Agency?.Code ?? string.Empty)],
            i.ExternalAddressees, i.OriginalDeadline, i.Deadline, i.Status, line.IsOverdue, line.DaysLeft, i.ControlLevel, i.ExecutedOn,
            i.InterimReporting, [.. i.CountedLateInterimReports(i.Meeting.HeldOn, today)], i.Version);
    }
}

public sealed record ReportResponse(long Id, bool Interim, string? Agency, string Text, DateOnly SubmittedOn, string SubmittedBy, List<string> Files, List<ReportFileResponse> Attachments);

/// <summary>A report's file: its name and where to download it.</summary>
public sealed record ReportFileResponse(string FileName, string Url);

public sealed record EventResponse(InstructionEventKind Kind, DateTimeOffset At, string By, string Reason, DateOnly? Deadline);

public sealed record InstructionDetailResponse(InstructionResponse Instruction, List<ReportResponse> Reports, List<EventResponse> History);
