using Qala.Web.Data;
using Qala.Web.Features.Agencies;
using Qala.Web.Features.Territories;
using Qala.Web.Features.Users;

namespace Qala.Web.Features.Participation;

/// <summary>
/// A topic of citizens' suggestions (ecology, public transport, street lighting…), in three languages, edited by
/// administrators. A confidential topic (corruption) makes every suggestion in it confidential: never public.
/// </summary>
public sealed class Topic : IVersioned
{
    public int Id { get; set; }

    /// <summary>A short stable code ("ecology"), also the label the topic model learns.</summary>
    public required string Code { get; set; }

    public required LocalizedText Name { get; set; }

    public bool IsConfidential { get; set; }

    public int Position { get; set; }

    public List<TopicRoute> Routes { get; } = [];

    public Guid Version { get; set; }
}

/// <summary>Which agency of a territory answers the suggestions of a topic there.</summary>
public sealed class TopicRoute : ITerritoryScoped
{
    public int Id { get; set; }

    public int TopicId { get; set; }

    public int TerritoryId { get; set; }

    public Territory? Territory { get; set; }

    public int AgencyId { get; set; }

    public Agency? Agency { get; set; }
}
