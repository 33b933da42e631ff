using Qala.Web.Data;
using Qala.Web.Features.Agencies;
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

    public List<PppObligation> Obligations { get; } = [];

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

    /// <summary>Sets the state's payment obligation of each year given, adding and removing years as needed.</summary>
    public void SetObligations(IEnumerable<(int Year, decimal Amount)> obligations)
    {
        var given = obligations.ToDictionary(o => o.Year, o => o.Amount);
        Obligations.RemoveAll(o => !given.ContainsKey(o.Year));
        foreach (var (year, amount) in given)
        {
            var existing = Obligations.FirstOrDefault(o => o.Year == year);
            if (existing is null)
            {
                Obligations.Add(existing = new PppObligation { Year = year });
            }

            existing.Amount = amount;
        }
    }
}

/// <summary>What the state pays a PPP project's partner in one year, in tenge.</summary>
public sealed class PppObligation
{
    public int ProjectId { get; set; }

    public int Year { get; set; }

    public decimal Amount { get; set; }
}
