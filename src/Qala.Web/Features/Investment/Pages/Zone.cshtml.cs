using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Qala.Web.Data.Audit;
using Qala.Web.Infrastructure.Calendar;

namespace Qala.Web.Features.Investment.Pages;

/// <summary>
/// A zone's dashboard: its facts and infrastructure, the figures as of a day (today unless <c>?asOf=</c>) and its
/// participants. Public; each participant's money only for officials of the territory; editing for its editors.
/// </summary>
[AllowAnonymous]
public sealed class ZoneModel(ZoneDashboards dashboards, InvestmentAccess access, AuditLog audit, Deadlines deadlines) : PageModel
{
    public ZoneDashboard Dashboard { get; private set; } = null!;

    public DateOnly AsOf { get; private set; }

    public bool CanEdit { get; private set; }

    public bool ShowsMoney { get; private set; }

    public IReadOnlyList<AuditEntry> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, DateOnly? asOf, CancellationToken cancellationToken)
    {
        AsOf = asOf ?? deadlines.Today;
        if (await dashboards.LoadAsync(id, AsOf, cancellationToken) is not { } dashboard)
        {
            return NotFound();
        }

        Dashboard = dashboard;
        CanEdit = await access.CanEditAsync(User, dashboard.Zone);
        ShowsMoney = await access.ReadsConfidentialAsync(User, dashboard.Zone.TerritoryId);
        if (CanEdit)
        {
            History = await audit.HistoryAsync("InvestmentZones", id.ToString(CultureInfo.InvariantCulture), cancellationToken);
        }

        return Page();
    }
}
