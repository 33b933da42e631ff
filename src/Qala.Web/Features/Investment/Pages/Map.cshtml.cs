using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Qala.Engine.Investment;
using Qala.Web.Data;
using Qala.Web.Features.Territories;
using Qala.Web.Infrastructure.Documents;

namespace Qala.Web.Features.Investment.Pages;

/// <summary>
/// The business development map for investors (public, in kk/ru/en): wwwroot/js/investment-map.js draws the clusters
/// and points of <c>/api/v1/investment/map</c> as the viewport moves; the same selection is a table below (for
/// readers without scripts) and a spreadsheet (<c>?handler=Export</c>). Money and actual jobs only for officials.
/// </summary>
[AllowAnonymous]
public sealed class MapModel(QalaDbContext db, InvestmentMap map, IOptions<InvestmentMapOptions> options, IStringLocalizer<SharedResource> t) : PageModel
{
    /// <summary>Rows the page shows; the download holds up to <see cref="InvestmentMap.TableLimit"/>.</summary>
    public const int PageRows = 200;

    [BindProperty(SupportsGet = true)]
    public string? Sector { get; set; }

    [BindProperty(SupportsGet = true)]
    public LifecycleStage? Stage { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Zone { get; set; }

    [BindProperty(SupportsGet = true)]
    public SizeBand? Size { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? District { get; set; }

    /// <summary>The viewport the download is limited to (the script sets it on the link), or none for the whole selection.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Bbox { get; set; }

    public InvestmentMapOptions Settings => options.Value;

    public IReadOnlyList<InvestmentZone> Zones { get; private set; } = [];

    public IReadOnlyList<Territory> Territories { get; private set; } = [];

    public IReadOnlyList<MapPoint> Points { get; private set; } = [];

    public bool ShowsMoney => Points.Any(p => p.Investment is not null);

    /// <summary>The filters as a query string, for the script's API calls and the download link.</summary>
    public string FilterQuery =>
        string.Join('&', new (string Name, string? Value)[]
            {
                ("sector", Filter.Sector?.ToString()), ("stage", Stage?.ToString()), ("zone", Zone?.ToString(CultureInfo.InvariantCulture)),
                ("size", Size?.ToString()), ("district", Filter.District),
            }
            .Where(p => p.Value is not null).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}"));

    private MapFilter Filter => new(
        BoundingBox.Parse(Bbox), Stage,
        Sector is { Length: 1 } letter && Oked.DivisionsOf(letter[0]).Count > 0 ? char.ToUpperInvariant(letter[0]) : null,
        Zone, Size, string.IsNullOrWhiteSpace(District) ? null : District.Trim());

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Zones = await db.Set<InvestmentZone>().AsNoTracking().OrderBy(z => z.Id).ToListAsync(cancellationToken);
        Territories = await db.Set<Territory>().AsNoTracking()
            .Where(x => x.ValidTo == null && x.Kind != TerritoryKind.Country).OrderBy(x => x.Code).ToListAsync(cancellationToken);
        Points = [.. (await map.ListAsync(Filter, User, cancellationToken)).Take(PageRows)];
    }

    /// <summary>The selection as a spreadsheet in the reader's language, with money only for officials.</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        var points = await map.ListAsync(Filter, User, cancellationToken);
        var money = points.Any(p => p.Investment is not null);
        List<ReportColumn> columns =
        [
            new(t["Kind"]), new(t["Name"]), new(t["Territory"]), new(t["Zone"]), new(t["Stage"]), new(t["OKED"]),
            new(t["Planned jobs"], ColumnKind.WholeNumber), new(t["Latitude"], ColumnKind.Number, 6), new(t["Longitude"], ColumnKind.Number, 6),
        ];
        if (money)
        {
            columns.AddRange([new(t["Jobs created"], ColumnKind.WholeNumber), new(t["Investment made, tenge"], ColumnKind.WholeNumber)]);
        }

        var rows = points.Select(p => (IReadOnlyList<object?>)[
            t[InvestmentText.Kind(p.Kind)].Value, p.Name, p.Territory, p.Zone, InvestmentText.StageOf(p) is { } stage ? t[stage].Value : null, p.Oked,
            p.PlannedJobs, p.Latitude, p.Longitude, .. money ? new object?[] { p.ActualJobs, p.Investment } : []]);
        var document = new ReportDocument(t["Business development map"], [new ReportTable(t["Business development map"], columns, rows)]);
        return ReportFiles.Download(document, "xlsx", "qala-investment-map", CultureInfo.CurrentCulture);
    }
}
