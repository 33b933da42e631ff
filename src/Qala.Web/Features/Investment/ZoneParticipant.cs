namespace Qala.Web.Features.Investment;

/// <summary>
/// A company in a zone with its project: it applies, is registered, builds, is commissioned (operating), or leaves
/// (withdrawn, excluded). One company (BIN) is a participant of a zone once.
/// </summary>
public sealed class ZoneParticipant : Undertaking<ParticipantStep, ParticipantYear>
{
    public int ZoneId { get; set; }

    public InvestmentZone? Zone { get; set; }

    /// <summary>The land plot it holds in the zone (cadastral number or the zone's plot number).</summary>
    public string LandPlot { get; set; } = string.Empty;
}

public sealed class ParticipantStep : LifecycleEntry
{
    public int ParticipantId { get; set; }
}

public sealed class ParticipantYear : InvestmentYear
{
    public int ParticipantId { get; set; }
}
