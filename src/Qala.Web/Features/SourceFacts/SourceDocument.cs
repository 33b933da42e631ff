using Qala.Web.Data;
using Qala.Web.Features.Territories;

namespace Qala.Web.Features.SourceFacts;

/// <summary>
/// An official text Qala's data comes from: the report of a meeting on a city's development, a program's public
/// page. Its full text is kept, because instructions and facts are read out of it.
/// </summary>
public sealed class SourceDocument
{
    public int Id { get; set; }

    public required string Code { get; set; }

    public required string Title { get; set; }

    /// <summary>The language the document is written in (kk, ru or en).</summary>
    public required string Language { get; set; }

    public DateOnly? PublishedOn { get; set; }

    public required string Publisher { get; set; }

    public int TerritoryId { get; set; }

    public Territory? Territory { get; set; }

    public required string Text { get; set; }

    public List<SourceFact> Facts { get; set; } = [];
}

public enum FactQualifier
{
    Exactly,
    About,
    MoreThan,
    AtLeast,
}

/// <summary>
/// A figure stated in a source document ("33 companies have been registered"), with the sentence it comes from.
/// Registries built later reproduce these figures from their own rows; the stated figure stays as provenance.
/// </summary>
public sealed class SourceFact
{
    public int Id { get; set; }

    public required string Code { get; set; }

    public int SourceDocumentId { get; set; }

    public SourceDocument? SourceDocument { get; set; }

    public int TerritoryId { get; set; }

    public Territory? Territory { get; set; }

    public required LocalizedText Subject { get; set; }

    public decimal Value { get; set; }

    public FactQualifier Qualifier { get; set; }

    public required LocalizedText Unit { get; set; }

    /// <summary>The year the figure describes, when the text says.</summary>
    public int? Year { get; set; }

    public required string Quote { get; set; }
}
