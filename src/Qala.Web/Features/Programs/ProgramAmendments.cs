using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qala.Engine.Programs;
using Qala.Web.Data;
using Qala.Web.Features.Indicators;

namespace Qala.Web.Features.Programs;

/// <summary>One budget line of an activity as a version left it.</summary>
public sealed record BudgetSnapshot(FundingSource Source, decimal Planned, decimal Actual);

/// <summary>An activity as a version left it.</summary>
public sealed record ActivitySnapshot(
    int Id, LocalizedText Title, string Agency, DateOnly Start, DateOnly Due, ActivityStatus Status, IReadOnlyList<BudgetSnapshot> Budget);

/// <summary>A target or baseline of a version's target set, by indicator, territory and year.</summary>
public sealed record TargetSnapshot(string Indicator, string Territory, int Year, bool IsBaseline, decimal Value, decimal? UpperValue);

/// <summary>What changed between two versions of a program.</summary>
public sealed record VersionDifference(
    IReadOnlyList<(TargetSnapshot? Before, TargetSnapshot? After)> Targets,
    IReadOnlyList<(ActivitySnapshot? Before, ActivitySnapshot? After)> Activities,
    IReadOnlyList<(ActivitySnapshot Activity, FundingSource Source, BudgetSnapshot? Before, BudgetSnapshot? After)> Budgets);

/// <summary>
/// Amendments of an approved program: the only way its structure changes. Opening one adds a
/// <see cref="ProgramVersion"/> with its reason and a copy of the previous version's targets, and keeps the roadmap as
/// the previous version left it (<see cref="ProgramVersion.Roadmap"/>); while it is open, planners change directions,
/// goals, tasks, activities, budgets and targets; approving it closes it. Each version shows its difference from the one
/// before. Progress (reports, status, percent complete) is not structure and is reported at any time.
/// </summary>
public sealed class ProgramAmendments(QalaDbContext db)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Whether a program in <paramref name="status"/> changes by amendment: once approved, until completed.</summary>
    public static bool Amends(ProgramStatus status) => status is ProgramStatus.Approved or ProgramStatus.InImplementation;

    /// <summary>The amendment being prepared (a version after the first, not approved yet), if any; the program's versions are loaded.</summary>
    public static ProgramVersion? OpenAmendment(DevelopmentProgram program) =>
        Amends(program.Status) && program.Versions.MaxBy(v => v.Number) is { Number: > 1, ApprovedOn: null } open ? open : null;

    /// <summary>
    /// Whether the structure of <paramref name="program"/> (with its versions loaded) may change now: a draft or one in
    /// public discussion freely, an approved one only while an amendment is open, a completed or archived one never.
    /// </summary>
    public static bool StructureOpen(DevelopmentProgram program) =>
        program.IsOpen && (!Amends(program.Status) || OpenAmendment(program) is not null);

    /// <summary>
    /// Opens version n + 1 of the tracked <paramref name="program"/> (with its versions loaded): it records
    /// <paramref name="reason"/> and starts with a copy of version n's targets, while version n keeps the roadmap as it
    /// stands now. It stays open (not approved) until <see cref="Approve"/>. The caller saves.
    /// </summary>
    public async Task<ProgramVersion> AmendAsync(DevelopmentProgram program, string reason, CancellationToken cancellationToken)
    {
        var previous = program.Versions.MaxBy(v => v.Number)!;
        previous.Roadmap = JsonSerializer.Serialize(await ActivitiesAsync(program.Id, cancellationToken), Json);
        var number = previous.Number + 1;
        var set = new TargetSet
        {
            Name = LocalizedText.Of(Numbered(program.Name.Kk, number), Numbered(program.Name.Ru, number), Numbered(program.Name.En, number)),
            Kind = TargetSetKind.Program,
            Source = reason,
        };
        var targets = await db.Set<IndicatorTarget>().AsNoTracking().Where(t => t.TargetSetId == previous.TargetSetId).ToListAsync(cancellationToken);
        db.AddRange(targets.Select(t => new IndicatorTarget
        {
            TargetSet = set,
            IndicatorId = t.IndicatorId,
            TerritoryId = t.TerritoryId,
            Year = t.Year,
            IsBaseline = t.IsBaseline,
            Value = t.Value,
            UpperValue = t.UpperValue,
        }));
        var version = new ProgramVersion { Number = number, Reason = reason, TargetSet = set };
        program.Versions.Add(version);
        return version;
    }

    /// <summary>Approves the open amendment on <paramref name="today"/>: from then on the structure is closed again. The caller saves.</summary>
    public static void Approve(ProgramVersion amendment, DateOnly today) => amendment.ApprovedOn = today;

    /// <summary>What <paramref name="version"/> changed from the version before it; null for the first version.</summary>
    public async Task<VersionDifference?> DifferenceAsync(DevelopmentProgram program, ProgramVersion version, CancellationToken cancellationToken)
    {
        if (program.Versions.Where(v => v.Number < version.Number).MaxBy(v => v.Number) is not { } previous)
        {
            return null;
        }

        var before = Roadmap(previous) ?? [];
        var after = Roadmap(version) ?? await ActivitiesAsync(program.Id, cancellationToken);
        var targetsBefore = await TargetsAsync(previous.TargetSetId, cancellationToken);
        var targetsAfter = await TargetsAsync(version.TargetSetId, cancellationToken);

        static string KeyOf(TargetSnapshot t) => $"{t.Indicator}|{t.Territory}|{t.Year}|{t.IsBaseline}";
        var targets = Pairs(targetsBefore, targetsAfter, KeyOf)
            .Where(p => p.Before is null || p.After is null || p.Before.Value != p.After.Value || p.Before.UpperValue != p.After.UpperValue)
            .OrderBy(p => (p.Before ?? p.After)!.Indicator, StringComparer.Ordinal).ThenBy(p => (p.Before ?? p.After)!.Territory, StringComparer.Ordinal)
            .ThenBy(p => (p.Before ?? p.After)!.Year).ToList();
        var activities = Pairs(before, after, a => a.Id)
            .Where(p => p.Before is null || p.After is null || !Same(p.Before, p.After))
            .OrderBy(p => (p.Before ?? p.After)!.Id).ToList();
        var budgets = Pairs(before, after, a => a.Id).Where(p => p.Before is not null && p.After is not null)
            .SelectMany(p => Pairs(p.Before!.Budget, p.After!.Budget, b => b.Source)
                .Where(b => (b.Before?.Planned ?? 0) != (b.After?.Planned ?? 0) || (b.Before?.Actual ?? 0) != (b.After?.Actual ?? 0))
                .Select(b => (p.After!, (b.Before ?? b.After)!.Source, b.Before, b.After)))
            .OrderBy(b => b.Item1.Id).ThenBy(b => b.Source).ToList();
        return new VersionDifference(targets, activities, budgets);
    }

    // A program's name with the version number, within the 400 characters of a target set's name.
    private static string Numbered(string name, int number)
    {
        var suffix = string.Create(CultureInfo.InvariantCulture, $" ({number})");
        return (name.Length + suffix.Length > 400 ? name[..(400 - suffix.Length)] : name) + suffix;
    }

    // The same activity apart from its budget, which is compared line by line.
    private static bool Same(ActivitySnapshot a, ActivitySnapshot b) =>
        a.Title == b.Title && a.Agency == b.Agency && a.Start == b.Start && a.Due == b.Due && a.Status == b.Status;

    private static List<ActivitySnapshot>? Roadmap(ProgramVersion version) =>
        version.Roadmap is null ? null : JsonSerializer.Deserialize<List<ActivitySnapshot>>(version.Roadmap, Json);

    private static List<(T? Before, T? After)> Pairs<T, TKey>(IEnumerable<T> before, IEnumerable<T> after, Func<T, TKey> key)
        where T : class
        where TKey : notnull
    {
        var old = before.ToDictionary(key);
        var current = after.ToDictionary(key);
        return [.. old.Keys.Union(current.Keys).Select(k => (old.GetValueOrDefault(k), current.GetValueOrDefault(k)))];
    }

    private async Task<List<ActivitySnapshot>> ActivitiesAsync(int programId, CancellationToken cancellationToken)
    {
        var activities = await db.Set<RoadmapActivity>().AsNoTracking().Include(a => a.ResponsibleAgency).Include(a => a.Budget)
            .Where(a => a.Task!.Goal!.Direction!.ProgramId == programId).OrderBy(a => a.Id).ToListAsync(cancellationToken);
        return [.. activities.Select(a => new ActivitySnapshot(
            a.Id, a.Title, a.ResponsibleAgency!.Code, a.StartDate, a.DueDate, a.Status,
            [.. a.Budget.OrderBy(b => b.Source).Select(b => new BudgetSnapshot(b.Source, b.Planned, b.Actual))]))];
    }

    private async Task<List<TargetSnapshot>> TargetsAsync(int setId, CancellationToken cancellationToken) =>
        [.. (await db.Set<IndicatorTarget>().AsNoTracking().Where(t => t.TargetSetId == setId)
            .Select(t => new { Indicator = t.Indicator!.Code, Territory = t.Territory!.Code, t.Year, t.IsBaseline, t.Value, t.UpperValue })
            .ToListAsync(cancellationToken))
            .Select(t => new TargetSnapshot(t.Indicator, t.Territory, t.Year, t.IsBaseline, t.Value, t.UpperValue))];
}
