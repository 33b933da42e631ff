using Qala.Web.Data;
using Qala.Web.Features.Territories;
using Qala.Web.Features.Users;

namespace Qala.Web.Features.Instructions;

/// <summary>What kind of meeting gave the instructions; the kind sets the usual control level.</summary>
public enum MeetingKind
{
    HeadOfStateTrip,
    GovernmentSession,
    AkimMeeting,
    PublicCouncil,
    Other,
}

/// <summary>
/// A meeting at which instructions were given: when, where, who chaired and who took part, with the source text
/// (report or transcript) the instructions were registered from.
/// </summary>
public sealed class Meeting : IVersioned, ITerritoryScoped
{
    public const int PlaceLength = 300;
    public const int ChairLength = 300;
    public const int ParticipantsLength = 4000;

    public int Id { get; set; }

    public DateOnly HeldOn { get; set; }

    public int TerritoryId { get; set; }

    public Territory? Territory { get; set; }

    public string Place { get; set; } = string.Empty;

    public string Chair { get; set; } = string.Empty;

    public MeetingKind Kind { get; set; }

    /// <summary>The report or transcript as pasted or uploaded, or a link to it.</summary>
    public string SourceText { get; set; } = string.Empty;

    /// <summary>Who took part, as written (one per line).</summary>
    public string Participants { get; set; } = string.Empty;

    public List<Instruction> Instructions { get; } = [];

    public bool IsDemo { get; set; }

    public Guid Version { get; set; }
}
