using Qala.Web.Data;
using Qala.Web.Features.Programs;
using Qala.Web.Features.Territories;
using Qala.Web.Features.Users;

namespace Qala.Web.Features.Participation;

/// <summary>Where a public discussion is in its life.</summary>
public enum ConsultationPhase
{
    /// <summary>Announced: the public can read about it; suggestions are not accepted yet.</summary>
    Announced,

    /// <summary>Open for suggestions from every channel.</summary>
    Open,

    /// <summary>Closed to new suggestions; the strategy office answers and sums up.</summary>
    Summarising,

    /// <summary>The "you said, we did" report is published.</summary>
    ReportPublished,
}

/// <summary>
/// A public discussion of a program (or of any topic) in a territory: its phases, dates and the public council
/// involved. Suggestions reach it from the public web form, from thematic meetings, paper, the public council and
/// e-mail.
/// </summary>
public sealed class Consultation : IVersioned, ITerritoryScoped
{
    public int Id { get; set; }

    public required LocalizedText Title { get; set; }

    public required LocalizedText Description { get; set; }

    public int TerritoryId { get; set; }

    public Territory? Territory { get; set; }

    /// <summary>The program under discussion, if the consultation is about one.</summary>
    public int? ProgramId { get; set; }

    public DevelopmentProgram? Program { get; set; }

    public DateOnly OpensOn { get; set; }

    public DateOnly ClosesOn { get; set; }

    /// <summary>The public council that takes part (its name and composition as the akimat states it).</summary>
    public string? PublicCouncil { get; set; }

    public ConsultationPhase Phase { get; private set; } = ConsultationPhase.Announced;

    public DateTimeOffset PhaseChangedAt { get; private set; }

    public string PhaseChangedBy { get; private set; } = string.Empty;

    public List<ThematicMeeting> Meetings { get; } = [];

    public Guid Version { get; set; }

    public bool AcceptsSuggestions => TakesSuggestionsIn(Phase);

    /// <summary>Only an open consultation takes suggestions from citizens.</summary>
    public static bool TakesSuggestionsIn(ConsultationPhase phase) => phase == ConsultationPhase.Open;

    /// <summary>The phases a consultation may move to from <paramref name="phase"/>: forward one step, or reopened while summarising.</summary>
    public static IReadOnlyList<ConsultationPhase> NextOf(ConsultationPhase phase) => phase switch
    {
        ConsultationPhase.Announced => [ConsultationPhase.Open],
        ConsultationPhase.Open => [ConsultationPhase.Summarising],
        ConsultationPhase.Summarising => [ConsultationPhase.Open, ConsultationPhase.ReportPublished],
        ConsultationPhase.ReportPublished => [],
    };

    public static Consultation Create(LocalizedText title, LocalizedText description, int territoryId, DateOnly opensOn, DateOnly closesOn, string by, DateTimeOffset at) =>
        new() { Title = title, Description = description, TerritoryId = territoryId, OpensOn = opensOn, ClosesOn = closesOn, PhaseChangedBy = by, PhaseChangedAt = at };

    /// <summary>Moves to <paramref name="phase"/> if <see cref="NextOf"/> allows it, recording who and when; false and unchanged otherwise.</summary>
    public bool MoveTo(ConsultationPhase phase, string by, DateTimeOffset at)
    {
        if (!NextOf(Phase).Contains(phase))
        {
            return false;
        }

        Phase = phase;
        PhaseChangedBy = by;
        PhaseChangedAt = at;
        return true;
    }
}

/// <summary>
/// A thematic meeting of a consultation: a public hearing with its venue, district, organiser, participants, the
/// people it reached indirectly (press, broadcasts, social networks) and its minutes.
/// </summary>
public sealed class ThematicMeeting : IVersioned
{
    public int Id { get; set; }

    public int ConsultationId { get; set; }

    public Consultation? Consultation { get; set; }

    public DateOnly HeldOn { get; set; }

    public required string Topic { get; set; }

    public required string Venue { get; set; }

    public int? DistrictId { get; set; }

    public Territory? District { get; set; }

    public required string Organiser { get; set; }

    public int Participants { get; set; }

    /// <summary>People reached indirectly.</summary>
    public int Reach { get; set; }

    public string? Minutes { get; set; }

    public Guid Version { get; set; }
}
