using Qala.Web.Data;
using Qala.Web.Features.Agencies;
using Qala.Web.Features.Territories;
using Qala.Web.Features.Users;

namespace Qala.Web.Features.Investment;

/// <summary>
/// An enterprise's investment project of a territory outside the zones, in the pipeline the investment office follows,
/// with the same lifecycle, money and jobs as a zone participant.
/// </summary>
public sealed class InvestmentProject : Undertaking<ProjectStep, ProjectYear>, ITerritoryScoped
{
    public required LocalizedText Name { get; set; }

    public int TerritoryId { get; set; }

    public Territory? Territory { get; set; }

    public int ResponsibleAgencyId { get; set; }

    public Agency? ResponsibleAgency { get; set; }
}

public sealed class ProjectStep : LifecycleEntry
{
    public int ProjectId { get; set; }
}

public sealed class ProjectYear : InvestmentYear
{
    public int ProjectId { get; set; }
}
