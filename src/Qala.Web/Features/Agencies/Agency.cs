using Qala.Web.Data;
using Qala.Web.Features.Territories;
using Qala.Web.Features.Users;

namespace Qala.Web.Features.Agencies;

/// <summary>
/// A department of an akimat (education, health, passenger transport and roads…): the executor of roadmap activities
/// and instructions, and the employer of agency officers.
/// </summary>
public sealed class Agency : IVersioned, ITerritoryScoped
{
    public int Id { get; set; }

    public required string Code { get; set; }

    public required LocalizedText Name { get; set; }

    public int TerritoryId { get; set; }

    public Territory? Territory { get; set; }

    public bool IsActive { get; set; } = true;

    public Guid Version { get; set; }
}
