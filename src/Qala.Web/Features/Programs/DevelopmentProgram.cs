using Qala.Web.Data;
using Qala.Web.Features.Territories;
using Qala.Web.Features.Users;

namespace Qala.Web.Features.Programs;

/// <summary>What kind of document a program is.</summary>
public enum ProgramKind
{
    /// <summary>A long-term development strategy ("Almaty-2050").</summary>
    Strategy,

    /// <summary>A territory's development program or plan, usually for five years.</summary>
    Program,

    /// <summary>A program of one sector (transport, housing, ecology…).</summary>
    Sectoral,
}

/// <summary>Where a program is in its life.</summary>
public enum ProgramStatus
{
    Draft,
    PublicDiscussion,
    Approved,
    InImplementation,
    Completed,
    Archived,
}

/// <summary>
/// A development program of a territory: its kind, period and lifecycle. Its structure is directions → goals →
/// tasks → roadmap activities; its target indicators live in the target set of each <see cref="ProgramVersion"/>.
/// </summary>
public sealed class DevelopmentProgram : IVersioned, ITerritoryScoped
{
    public int Id { get; set; }

    public required LocalizedText Name { get; set; }

    public ProgramKind Kind { get; set; }

    public int TerritoryId { get; set; }

    public Territory? Territory { get; set; }

    /// <summary>The first day of the program period.</summary>
    public DateOnly PeriodFrom { get; set; }

    /// <summary>The last day of the program period.</summary>
    public DateOnly PeriodTo { get; set; }

    public ProgramStatus Status { get; private set; } = ProgramStatus.Draft;

    /// <summary>When the status last changed (or the program was created).</summary>
    public DateTimeOffset StatusChangedAt { get; private set; }

    /// <summary>Who last changed the status (or created the program).</summary>
    public string StatusChangedBy { get; private set; } = string.Empty;

    public List<ProgramVersion> Versions { get; } = [];

    public List<ProgramDirection> Directions { get; } = [];

    public Guid Version { get; set; }

    /// <summary>Whether the program is demonstration data, not a real document.</summary>
    public bool IsDemo { get; set; }

    /// <summary>Whether the public may read the program: once approved, and while it is implemented or completed.</summary>
    public bool IsPublic => Status is ProgramStatus.Approved or ProgramStatus.InImplementation or ProgramStatus.Completed;

    /// <summary>Whether its structure may still change: not once completed or archived.</summary>
    public bool IsOpen => Status is not (ProgramStatus.Completed or ProgramStatus.Archived);

    /// <summary>The statuses a program may move to from <paramref name="status"/>.</summary>
    public static IReadOnlyList<ProgramStatus> NextOf(ProgramStatus status) => status switch
    {
        ProgramStatus.Draft => [ProgramStatus.PublicDiscussion, ProgramStatus.Archived],
        ProgramStatus.PublicDiscussion => [ProgramStatus.Draft, ProgramStatus.Approved, ProgramStatus.Archived],
        ProgramStatus.Approved => [ProgramStatus.InImplementation, ProgramStatus.Archived],
        ProgramStatus.InImplementation => [ProgramStatus.Completed, ProgramStatus.Archived],
        ProgramStatus.Completed => [ProgramStatus.Archived],
        ProgramStatus.Archived => [],
    };

    /// <summary>A new draft program, created by <paramref name="by"/> at <paramref name="at"/>, with its first version.</summary>
    public static DevelopmentProgram Create(LocalizedText name, ProgramKind kind, int territoryId, DateOnly from, DateOnly to, string by, DateTimeOffset at)
    {
        var program = new DevelopmentProgram { Name = name, Kind = kind, TerritoryId = territoryId, PeriodFrom = from, PeriodTo = to, StatusChangedAt = at, StatusChangedBy = by };
        program.Versions.Add(new ProgramVersion
        {
            Number = 1,
            TargetSet = new Indicators.TargetSet { Name = name, Kind = Indicators.TargetSetKind.Program },
        });
        return program;
    }

    /// <summary>
    /// Moves the program to <paramref name="status"/> if its lifecycle allows it (<see cref="NextOf"/>), recording
    /// who and when; approval dates the current version. False, and nothing changed, otherwise.
    /// </summary>
    public bool MoveTo(ProgramStatus status, string by, DateTimeOffset at, DateOnly today)
    {
        if (!NextOf(Status).Contains(status))
        {
            return false;
        }

        Status = status;
        StatusChangedAt = at;
        StatusChangedBy = by;
        if (status == ProgramStatus.Approved && Versions.Count > 0)
        {
            Versions.MaxBy(v => v.Number)!.ApprovedOn ??= today;
        }

        return true;
    }

    /// <summary>Whether <paramref name="day"/> lies within the program period.</summary>
    public bool Covers(DateOnly day) => day >= PeriodFrom && day <= PeriodTo;
}

/// <summary>
/// A version of a program: the first one, then one per amendment of an approved program with its reason. Its
/// target indicators' baselines and yearly targets are the <see cref="Indicators.IndicatorTarget"/>s of its
/// <see cref="TargetSet"/>.
/// </summary>
public sealed class ProgramVersion
{
    public int Id { get; set; }

    public int ProgramId { get; set; }

    public int Number { get; set; }

    /// <summary>Why the program was amended; null for the first version.</summary>
    public string? Reason { get; set; }

    public DateOnly? ApprovedOn { get; set; }

    public int TargetSetId { get; set; }

    public Indicators.TargetSet? TargetSet { get; set; }

    /// <summary>
    /// The roadmap's activities and budgets (JSON of <see cref="ActivitySnapshot"/>s) as this version left them when
    /// an amendment replaced it; null for the current version, whose roadmap is the live one.
    /// </summary>
    public string? Roadmap { get; set; }
}
