namespace Qala.Web.Features.Investment;

/// <summary>
/// The business development map's tile server (section <c>InvestmentMap</c>): none by default, so the map draws its
/// points on a plain background and nothing is fetched from a third party.
/// </summary>
public sealed class InvestmentMapOptions
{
    public const string Section = "InvestmentMap";

    /// <summary>A tile URL template such as <c>https://tiles.example.kz/{z}/{x}/{y}.png</c>; empty for no tiles.</summary>
    public string TileUrl { get; set; } = string.Empty;

    public string TileAttribution { get; set; } = string.Empty;
}
