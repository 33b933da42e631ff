using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qala.Engine.Programs;
using Qala.Web.Data;
using Qala.Web.Data.Audit;
using Qala.Web.Features.Agencies;
using Qala.Web.Features.Indicators;
using Qala.Web.Features.Investment;
using Qala.Web.Features.SocialInfrastructure;
using Qala.Web.Features.Territories;
using Qala.Web.Infrastructure.Auth;
using Qala.Web.Infrastructure.Calendar;

namespace Qala.Web.Features.Programs.Pages;

/// <summary>The planned and actual money of one funding source, as the activity form posts it.</summary>
public sealed class BudgetInput
{
    public FundingSource Source { get; set; }

    public decimal Planned { get; set; }

    public decimal Actual { get; set; }
}

/// <summary>
/// Adds or edits an item of a program's tree: <c>/programs/{program}/{level}/{id}</c> with level direction, goal,
/// task or activity and id "new" (with <c>?parent=</c>) or the item's id. Planners of the program's territory only,
/// while the program is open.
/// </summary>
[Authorize(Roles = $"{QalaRoles.Planner},{QalaRoles.Administrator}")]
public sealed class ItemModel(QalaDbContext db, AuditLog audit, ProgramAccess access, Deadlines deadlines, TimeProvider time, PppBacklinks ppp, IStringLocalizer<SharedResource> t) : PageModel
{
    public const string DirectionLevel = "direction";
    public const string GoalLevel = "goal";
    public const string TaskLevel = "task";
    public const string ActivityLevel = "activity";

    public DevelopmentProgram Program { get; private set; } = null!;

    public string Level { get; private set; } = DirectionLevel;

    public bool IsNew { get; private set; }

    public IReadOnlyList<Agency> Agencies { get; private set; } = [];

    /// <summary>The item's recorded changes.</summary>
    public IReadOnlyList<AuditEntry> History { get; private set; } = [];

    /// <summary>The activity's changes of dates and planned money with their reasons, latest first.</summary>
    public IReadOnlyList<ActivityReplan> Replans { get; private set; } = [];

    /// <summary>The activity's progress reports with their files, latest first.</summary>
    public IReadOnlyList<ActivityReport> Reports { get; private set; } = [];

    /// <summary>Whether a change of dates or planned money needs a reason: once the program is approved, re-planning is recorded.</summary>
    public bool RecordsReplans => !IsNew && ProgramAmendments.Amends(Program.Status);

    /// <summary>The social facilities (schools, kindergartens, clinics) that name the activity, read-only here.</summary>
    public IReadOnlyList<SocialFacility> Facilities { get; private set; } = [];

    /// <summary>The PPP projects that serve the activity, read-only here, for those who may read them.</summary>
    public IReadOnlyList<PppBacklink> PppProjects { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public int Parent { get; set; }

    [BindProperty]
    public LocalizedTextInput Title { get; set; } = new();

    [BindProperty]
    [Range(1, 999, ErrorMessage = "The position is a number from 1 to 999.")]
    public int Position { get; set; } = 1;

    [BindProperty]
    [Range(typeof(decimal), "0.001", "1000", ParseLimitsInInvariantCulture = true, ErrorMessage = "The weight is a number from 0.001 to 1000.")]
    public decimal Weight { get; set; } = 1;

    [BindProperty]
    [StringLength(400)]
    public string? IndicatorCodes { get; set; }

    [BindProperty]
    public int ResponsibleAgencyId { get; set; }

    [BindProperty]
    public List<int> CoExecutorIds { get; set; } = [];

    [BindProperty]
    public DateOnly StartDate { get; set; }

    [BindProperty]
    public DateOnly DueDate { get; set; }

    [BindProperty]
    [StringLength(2000)]
    public string? ExpectedResult { get; set; }

    [BindProperty]
    public ActivityStatus Status { get; set; }

    [BindProperty]
    public List<BudgetInput> Budget { get; set; } = [];

    /// <summary>Why the dates or the planned money change (see <see cref="RecordsReplans"/>).</summary>
    [BindProperty]
    [StringLength(2000)]
    public string? ReplanReason { get; set; }

    [BindProperty]
    public Guid Version { get; set; }

    /// <summary>Why the item is shown read-only: its program's structure is closed; null while it can change.</summary>
    public string? ReadOnlyReason { get; private set; }

    public async Task<IActionResult> OnGetAsync(int programId, string level, string id, CancellationToken cancellationToken)
    {
        if (await OpenAsync(programId, level, id, cancellationToken, reading: true) is { } refused)
        {
            return refused;
        }

        if (IsNew)
        {
            (StartDate, DueDate) = (Program.PeriodFrom, Program.PeriodTo);
            Position = await NextPositionAsync(cancellationToken);
            Budget = [.. Enum.GetValues<FundingSource>().Select(s => new BudgetInput { Source = s })];
            return Page();
        }

        var item = await FindAsync(Number(id), cancellationToken);
        if (item is null)
        {
            return NotFound();
        }

        (Title, Position, Weight, Version) = (LocalizedTextInput.From(item.Title), item.Position, item.Weight, item.Version);
        History = await audit.HistoryAsync(db.Entry((object)item).Metadata.GetTableName()!, item.Id.ToString(CultureInfo.InvariantCulture), cancellationToken);
        switch (item)
        {
            case ProgramGoal goal:
                IndicatorCodes = string.Join(", ", goal.Indicators.Select(i => i.Indicator!.Code).Order(StringComparer.Ordinal));
                break;
            case RoadmapActivity activity:
                (ResponsibleAgencyId, StartDate, DueDate, ExpectedResult, Status) =
                    (activity.ResponsibleAgencyId, activity.StartDate, activity.DueDate, activity.ExpectedResult, activity.Status);
                CoExecutorIds = [.. activity.CoExecutors.Select(c => c.AgencyId)];
                Replans = [.. activity.Replans.OrderByDescending(r => r.ChangedAt).ThenByDescending(r => r.Id)];
                Reports = [.. activity.Reports.OrderByDescending(r => r.ReportedOn).ThenByDescending(r => r.Id)];
                Facilities = await db.Set<SocialFacility>().AsNoTracking().Include(f => f.Territory)
                    .Where(f => f.RoadmapActivityId == activity.Id).OrderBy(f => f.Id).ToListAsync(cancellationToken);
                PppProjects = await ppp.OfActivityAsync(User, activity.Id, cancellationToken);
                Budget = [.. Enum.GetValues<FundingSource>().Select(s => activity.Budget.FirstOrDefault(b => b.Source == s) is { } line
                    ? new BudgetInput { Source = s, Planned = line.Planned, Actual = line.Actual }
                    : new BudgetInput { Source = s })];
                break;
            default:
                break;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int programId, string level, string id, CancellationToken cancellationToken)
    {
        if (await OpenAsync(programId, level, id, cancellationToken) is { } refused)
        {
            return refused;
        }

        var item = IsNew ? Create() : await FindAsync(Number(id), cancellationToken);
        if (item is null)
        {
            return NotFound();
        }

        var indicators = Level == GoalLevel ? await IndicatorsAsync(cancellationToken) : [];
        if (item is RoadmapActivity checkedActivity)
        {
            CheckActivity(checkedActivity);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (!IsNew)
        {
            db.Entry((object)item).Property(nameof(IVersioned.Version)).OriginalValue = Version;
        }

        (item.Title, item.Weight) = (Title.ToText(), Weight);
        ProgramOrder.Place(await ProgramOrder.SiblingsAsync(db, item, cancellationToken), item, Position);
        switch (item)
        {
            case ProgramGoal goal:
                goal.Indicators.RemoveAll(i => !indicators.Any(x => x.Id == i.IndicatorId));
                goal.Indicators.AddRange(indicators.Where(x => goal.Indicators.All(i => i.IndicatorId != x.Id)).Select(x => new GoalIndicator { IndicatorId = x.Id }));
                break;
            case RoadmapActivity activity:
                Apply(activity);
                break;
            default:
                break;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, t["Someone else changed this record while you were editing it. Reload the page and try again."]);
            return Page();
        }

        TempData["Notice"] = t["The item has been saved."].Value;
        return Redirect($"/programs/{Program.Id}");
    }

    // The program must exist, be open and within the planner's territories; a new item needs a parent in this program.
    /// <summary>
    /// Loads the program and checks the edit rights. A closed structure (approved without an open amendment, completed,
    /// archived) refuses every change; <paramref name="reading"/> an existing item then shows it read-only instead, so
    /// links to it (from PPP projects, facilities, instructions) still lead to it.
    /// </summary>
    private async Task<IActionResult?> OpenAsync(int programId, string level, string id, CancellationToken cancellationToken, bool reading = false)
    {
        if (level is not (DirectionLevel or GoalLevel or TaskLevel or ActivityLevel) || (id != "new" && Number(id) is null))
        {
            return NotFound();
        }

        (Level, IsNew) = (level, id == "new");
        if (await db.Set<DevelopmentProgram>().Include(p => p.Versions).FirstOrDefaultAsync(p => p.Id == programId, cancellationToken) is not { } program)
        {
            return NotFound();
        }

        Program = program;
        if (!await access.CanEditAsync(User, program))
        {
            return Forbid();
        }

        var closed = !program.IsOpen ? t["A completed or archived program cannot change."].Value
            : !ProgramAmendments.StructureOpen(program) ? t["An approved program changes only through an amendment: open one first."].Value
            : null;
        if (closed is not null && reading && !IsNew)
        {
            ReadOnlyReason = closed;
        }
        else if (closed is not null)
        {
            TempData["Error"] = closed;
            return Redirect($"/programs/{program.Id}");
        }

        if (IsNew && !await ParentExistsAsync(cancellationToken))
        {
            return NotFound();
        }

        if (Level == ActivityLevel)
        {
            var within = await TerritoriesWithinAsync(program.TerritoryId, cancellationToken);
            Agencies = await db.Set<Agency>().AsNoTracking()
                .Where(a => a.IsActive && within.Contains(a.TerritoryId)).OrderBy(a => a.Code).ToListAsync(cancellationToken);
        }

        return null;
    }

    // The program's territory and everything inside it: their agencies execute its activities.
    private async Task<HashSet<int>> TerritoriesWithinAsync(int territoryId, CancellationToken cancellationToken)
    {
        var children = (await db.Set<Territory>().AsNoTracking().Where(t => t.ParentId != null).Select(t => new { t.Id, Parent = t.ParentId!.Value })
            .ToListAsync(cancellationToken)).ToLookup(t => t.Parent, t => t.Id);
        var within = new HashSet<int>();
        var pending = new Stack<int>([territoryId]);
        while (pending.TryPop(out var id))
        {
            if (within.Add(id))
            {
                foreach (var child in children[id])
                {
                    pending.Push(child);
                }
            }
        }

        return within;
    }

    private Task<bool> ParentExistsAsync(CancellationToken cancellationToken) => Level switch
    {
        DirectionLevel => Task.FromResult(Parent == Program.Id),
        GoalLevel => db.Set<ProgramDirection>().AnyAsync(d => d.Id == Parent && d.ProgramId == Program.Id, cancellationToken),
        TaskLevel => db.Set<ProgramGoal>().AnyAsync(g => g.Id == Parent && g.Direction!.ProgramId == Program.Id, cancellationToken),
        _ => db.Set<ProgramTask>().AnyAsync(x => x.Id == Parent && x.Goal!.Direction!.ProgramId == Program.Id, cancellationToken),
    };

    private async Task<int> NextPositionAsync(CancellationToken cancellationToken) => 1 + (Level switch
    {
        DirectionLevel => await db.Set<ProgramDirection>().Where(d => d.ProgramId == Parent).Select(d => (int?)d.Position).MaxAsync(cancellationToken),
        GoalLevel => await db.Set<ProgramGoal>().Where(g => g.DirectionId == Parent).Select(g => (int?)g.Position).MaxAsync(cancellationToken),
        TaskLevel => await db.Set<ProgramTask>().Where(x => x.GoalId == Parent).Select(x => (int?)x.Position).MaxAsync(cancellationToken),
        _ => await db.Set<RoadmapActivity>().Where(a => a.TaskId == Parent).Select(a => (int?)a.Position).MaxAsync(cancellationToken),
    } ?? 0);

    // Only items of this program: an id from another program is not found here.
    private async Task<IProgramItem?> FindAsync(int? id, CancellationToken cancellationToken) => Level switch
    {
        DirectionLevel => await db.Set<ProgramDirection>().FirstOrDefaultAsync(d => d.Id == id && d.ProgramId == Program.Id, cancellationToken),
        GoalLevel => await db.Set<ProgramGoal>().Include(g => g.Indicators).ThenInclude(i => i.Indicator)
            .FirstOrDefaultAsync(g => g.Id == id && g.Direction!.ProgramId == Program.Id, cancellationToken),
        TaskLevel => await db.Set<ProgramTask>().FirstOrDefaultAsync(x => x.Id == id && x.Goal!.Direction!.ProgramId == Program.Id, cancellationToken),
        _ => await db.Set<RoadmapActivity>().Include(a => a.CoExecutors).Include(a => a.Budget).Include(a => a.Replans).Include(a => a.Reports).ThenInclude(r => r.Attachments)
            .FirstOrDefaultAsync(a => a.Id == id && a.Task!.Goal!.Direction!.ProgramId == Program.Id, cancellationToken),
    };

    private IProgramItem Create()
    {
        var empty = LocalizedText.Of("", "", "");
        IProgramItem item = Level switch
        {
            DirectionLevel => new ProgramDirection { ProgramId = Parent, Title = empty },
            GoalLevel => new ProgramGoal { DirectionId = Parent, Title = empty },
            TaskLevel => new ProgramTask { GoalId = Parent, Title = empty },
            _ => new RoadmapActivity { TaskId = Parent, Title = empty },
        };
        db.Add(item);
        return item;
    }

    private async Task<List<Indicator>> IndicatorsAsync(CancellationToken cancellationToken)
    {
        var codes = (IndicatorCodes ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
        var found = await db.Set<Indicator>().Where(i => codes.Contains(i.Code)).ToListAsync(cancellationToken);
        var unknown = codes.Where(c => found.All(i => i.Code != c)).ToList();
        if (unknown.Count > 0)
        {
            ModelState.AddModelError(nameof(IndicatorCodes), string.Format(CultureInfo.CurrentCulture, t["Unknown indicator codes: {0}."], string.Join(", ", unknown)));
        }

        return found;
    }

    private void CheckActivity(RoadmapActivity activity)
    {
        Replans = [.. activity.Replans.OrderByDescending(r => r.ChangedAt).ThenByDescending(r => r.Id)];
        if (RecordsReplans && activity.IsReplannedBy(StartDate, DueDate, Budget.Sum(b => b.Planned)) && string.IsNullOrWhiteSpace(ReplanReason))
        {
            ModelState.AddModelError(nameof(ReplanReason), t["Give the reason for re-planning: the dates or the planned budget change."]);
        }

        if (Agencies.All(a => a.Id != ResponsibleAgencyId))
        {
            ModelState.AddModelError(nameof(ResponsibleAgencyId), t["Choose the responsible agency."]);
        }

        if (CoExecutorIds.Any(id => Agencies.All(a => a.Id != id)))
        {
            ModelState.AddModelError(nameof(CoExecutorIds), t["Choose co-executors from the list."]);
        }

        var lines = Budget.Select(b => new ActivityBudgetLine { Source = b.Source, Planned = b.Planned, Actual = b.Actual });
        foreach (var (field, message) in RoadmapActivity.Check(Program, StartDate, DueDate, lines))
        {
            ModelState.AddModelError(field, t[message]);
        }

        if (Budget.Select(b => b.Source).Distinct().Count() != Budget.Count)
        {
            ModelState.AddModelError(nameof(Budget), t["Each funding source appears once."]);
        }
    }

    private void Apply(RoadmapActivity activity)
    {
        var planned = Budget.Sum(b => b.Planned);
        if (RecordsReplans && activity.IsReplannedBy(StartDate, DueDate, planned))
        {
            activity.Replan(StartDate, DueDate, planned, ReplanReason!.Trim(), User.Identity!.Name!, deadlines.Today, time.GetUtcNow());
        }

        (activity.ResponsibleAgencyId, activity.StartDate, activity.DueDate, activity.Status) = (ResponsibleAgencyId, StartDate, DueDate, Status);
        activity.ExpectedResult = string.IsNullOrWhiteSpace(ExpectedResult) ? null : ExpectedResult.Trim();
        activity.CoExecutors.RemoveAll(c => !CoExecutorIds.Contains(c.AgencyId));
        activity.CoExecutors.AddRange(CoExecutorIds.Distinct().Where(id => id != ResponsibleAgencyId && activity.CoExecutors.All(c => c.AgencyId != id))
            .Select(id => new ActivityCoExecutor { AgencyId = id }));
        foreach (var input in Budget)
        {
            var line = activity.Budget.FirstOrDefault(b => b.Source == input.Source);
            if (line is null && (input.Planned != 0 || input.Actual != 0))
            {
                activity.Budget.Add(new ActivityBudgetLine { Source = input.Source, Planned = input.Planned, Actual = input.Actual });
            }
            else if (line is not null)
            {
                (line.Planned, line.Actual) = (input.Planned, input.Actual);
            }
        }
    }

    private static int? Number(string id) => int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
}
