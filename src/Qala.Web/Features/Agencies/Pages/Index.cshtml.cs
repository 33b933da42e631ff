using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qala.Web.Data;
using Qala.Web.Features.Territories;
using Qala.Web.Features.Users;
using Qala.Web.Infrastructure.Documents;

namespace Qala.Web.Features.Agencies.Pages;

[AllowAnonymous]
public sealed class IndexModel(QalaDbContext db, UserScope scope, IStringLocalizer<SharedResource> t) : PageModel
{
    public IReadOnlyList<IGrouping<Territory, Agency>> ByTerritory { get; private set; } = [];

    /// <summary>Where the signed-in user may edit; nothing for visitors.</summary>
    public UserScopeInfo Scope { get; private set; } = UserScopeInfo.None;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var agencies = await db.Set<Agency>().AsNoTracking().Include(a => a.Territory)
            .Where(a => a.IsActive).OrderBy(a => a.Code).ToListAsync(cancellationToken);
        ByTerritory = [.. agencies.GroupBy(a => a.Territory!, TerritoryById.Instance)];
        Scope = await scope.CurrentAsync(cancellationToken);
    }

    /// <summary>The directory of agencies as a spreadsheet or a Word document, in the reader's language.</summary>
    public async Task<IActionResult> OnGetExportAsync(string format, CancellationToken cancellationToken)
    {
        await OnGetAsync(cancellationToken);
        var culture = CultureInfo.CurrentCulture;
        var document = new ReportDocument(
            t["Agencies"],
            [.. ByTerritory.SelectMany(group => new ReportBlock[]
            {
                new ReportHeading(group.Key.Name.Current, 2),
                new ReportTable(
                    group.Key.Code,
                    [new ReportColumn(t["Code"]), new ReportColumn(t["Name"]), new ReportColumn("Қазақша"), new ReportColumn("Русский"), new ReportColumn("English")],
                    group.Select(a => (IReadOnlyList<object?>)[a.Code, a.Name.Current, a.Name.Kk, a.Name.Ru, a.Name.En])),
            })])
        {
            Subtitle = t["The departments of the akimats that carry out the programs and instructions."],
        };

        return ReportFiles.Download(document, format, "qala-agencies", culture);
    }

    private sealed class TerritoryById : IEqualityComparer<Territory>
    {
        public static readonly TerritoryById Instance = new();

        public bool Equals(Territory? x, Territory? y) => x?.Id == y?.Id;

        public int GetHashCode(Territory obj) => obj.Id;
    }
}
