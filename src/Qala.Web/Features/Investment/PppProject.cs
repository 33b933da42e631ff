using Qala.Web.Data;
using Qala.Web.Features.Agencies;
using Qala.Web.Features.Programs;
using Qala.Web.Features.SocialInfrastructure;
using Qala.Web.Features.Territories;
using Qala.Web.Features.Users;

namespace Qala.Web.Features.Investment;

/// <summary>What a public-private partnership builds or runs.</summary>
public enum PppSector
{
    Kindergartens,
    Schools,
    Clinics,
    Housing,
    Roads,
    Utilities,
    Other,
}

/// <summary>Where a PPP project is: concept → tender → contract → construction → operation.</summary>
public enum PppStage
{
    Concept,
    Tender,
    Contract,
    Construction,
    Operation,
}

/// <summary>
/// A public-private partnership project of a territory: its private partner, contract value and the payments the
/// state owes it year by year (which the local budget must plan for).
/// </summary>
public sealed class PppProject : IVersioned, ITerritoryScoped
{
    public int Id { get; set; }

    public required LocalizedText Name { get; set; }

    public PppSector Sector { get; set; }

    public int TerritoryId { get; set; }

    public Territory? Territory { get; set; }

    public int ResponsibleAgencyId { get; set; }

    public Agency? ResponsibleAgency { get; set; }

    public PppStage Stage { get; private set; } = PppStage.Concept;

    public DateOnly StageOn { get; private set; }

    /// <summary>The private partner once there is one (after the tender).</summary>
    public string PrivatePartner { get; set; } = string.Empty;

    /// <summary>The contract's value in tenge; zero until a contract is signed.</summary>
    public decimal ContractValue { get; set; }

    /// <summary>Where the project is built (WGS 84 degrees); null keeps it off the business development map.</summary>
    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    public List<PppObligation> Obligations { get; } = [];

    /// <summary>The roadmap activities of the territory's programs the project serves.</summary>
    public List<PppActivityLink> Activities { get; } = [];

    /// <summary>The social facilities of the territory the project builds or runs.</summary>
    public List<PppFacilityLink> Facilities { get; } = [];

    public bool IsDemo { get; set; }

    public Guid Version { get; set; }

    /// <summary>A new project at the concept stage on <paramref name="on"/>.</summary>
    public static PppProject Create(LocalizedText name, PppSector sector, int territoryId, int agencyId, DateOnly on) =>
        new() { Name = name, Sector = sector, TerritoryId = territoryId, ResponsibleAgencyId = agencyId, StageOn = on };

    /// <summary>
    /// Moves to the next stage on <paramref name="on"/>, never back and never skipping one; a contract needs a private
    /// partner. Returns why not, with nothing changed, when the move is not allowed.
    /// </summary>
    public string? MoveTo(PppStage stage, DateOnly on)
    {
        if (stage != Stage + 1)
        {
            return "A PPP project moves to the next stage only.";
        }

        if (on < StageOn)
        {
            return "A stage cannot be dated before the current one.";
        }

        if (stage >= PppStage.Contract && string.IsNullOrWhiteSpace(PrivatePartner))
        {
            return "A contract needs a private partner.";
        }

        Stage = stage;
        StageOn = on;
        return null;
    }

    /// <summary>
    /// Sets the state's payment obligation of each year given, from the republican and the local budget, adding and
    /// removing years as needed.
    /// </summary>
    public void SetObligations(IEnumerable<(int Year, decimal Republican, decimal Local)> obligations)
    {
        var given = obligations.ToDictionary(o => o.Year);
        Obligations.RemoveAll(o => !given.ContainsKey(o.Year));
        foreach (var (year, republican, local) in given.Values)
        {
            var existing = Obligations.FirstOrDefault(o => o.Year == year);
            if (existing is null)
            {
                Obligations.Add(existing = new PppObligation { Year = year });
            }

            (existing.Republican, existing.Local) = (republican, local);
        }
    }

    /// <summary>Links exactly the activities and facilities given, keeping the links that stay.</summary>
    public void Link(IReadOnlyCollection<int> activities, IReadOnlyCollection<int> facilities)
    {
        Activities.RemoveAll(a => !activities.Contains(a.RoadmapActivityId));
        Activities.AddRange(activities.Except(Activities.Select(a => a.RoadmapActivityId)).Select(id => new PppActivityLink { RoadmapActivityId = id }));
        Facilities.RemoveAll(f => !facilities.Contains(f.SocialFacilityId));
        Facilities.AddRange(facilities.Except(Facilities.Select(f => f.SocialFacilityId)).Select(id => new PppFacilityLink { SocialFacilityId = id }));
    }
}

/// <summary>The budget that pays a PPP obligation.</summary>
public enum BudgetLevel
{
    Republican,
    Local,
}

/// <summary>What the state pays a PPP project's partner in one year, in tenge, from the republican and the local budget.</summary>
public sealed class PppObligation
{
    public int ProjectId { get; set; }

    public int Year { get; set; }

    public decimal Republican { get; set; }

    public decimal Local { get; set; }

    public decimal Total => Republican + Local;

    public decimal Of(BudgetLevel budget) => budget == BudgetLevel.Republican ? Republican : Local;
}

/// <summary>A roadmap activity a PPP project serves.</summary>
public sealed class PppActivityLink
{
    public int ProjectId { get; set; }

    public int RoadmapActivityId { get; set; }

    public RoadmapActivity? RoadmapActivity { get; set; }
}

/// <summary>A social facility a PPP project builds or runs.</summary>
public sealed class PppFacilityLink
{
    public int ProjectId { get; set; }

    public int SocialFacilityId { get; set; }

    public SocialFacility? SocialFacility { get; set; }
}

/// <summary>What one budget (republican or local) owes the PPP partners of a territory in each year, in tenge.</summary>
public sealed record ObligationTotal(string Territory, string TerritoryName, BudgetLevel Budget, IReadOnlyDictionary<int, decimal> ByYear)
{
    /// <summary>The totals of <paramref name="projects"/> (with their territories and obligations loaded), territory by territory, the republican budget first.</summary>
    public static IReadOnlyList<ObligationTotal> Of(IEnumerable<PppProject> projects) =>
        [.. projects.GroupBy(p => p.Territory!.Code).OrderBy(g => g.Key, StringComparer.Ordinal).SelectMany(g => Enum.GetValues<BudgetLevel>().Select(budget =>
            new ObligationTotal(g.Key, g.First().Territory!.Name.Current, budget, (IReadOnlyDictionary<int, decimal>)g.SelectMany(p => p.Obligations)
                .GroupBy(o => o.Year).ToDictionary(y => y.Key, y => y.Sum(o => o.Of(budget))))))];
}
