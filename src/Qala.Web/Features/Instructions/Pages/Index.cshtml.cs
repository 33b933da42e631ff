using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Qala.Web.Data;
using Qala.Web.Features.Agencies;
using Qala.Web.Features.Territories;
using Qala.Web.Features.Users;

namespace Qala.Web.Features.Instructions.Pages;

/// <summary>
/// What the register and the board share: the filters (meeting, chair, territory, deadline period, status, overdue,
/// agency) read from the query string, and the choices offered for them within the user's scope.
/// </summary>
public abstract class RegisterPageModel : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Meeting { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Chair { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Territory { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public InstructionStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Overdue { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Agency { get; set; }

    public IReadOnlyList<Meeting> Meetings { get; private set; } = [];

    public IReadOnlyList<string> Chairs { get; private set; } = [];

    public IReadOnlyList<Territory> Territories { get; private set; } = [];

    public IReadOnlyList<Agency> Agencies { get; private set; } = [];

    public InstructionFilter Filter => new()
    {
        MeetingId = Meeting,
        Chair = Chair,
        TerritoryId = Territory,
        From = From,
        To = To,
        Status = Status,
        OverdueOnly = Overdue,
        AgencyId = Agency,
    };

    protected async Task LoadChoicesAsync(QalaDbContext db, InstructionQueries queries, UserScope scope, CancellationToken cancellationToken)
    {
        var mine = await scope.CurrentAsync(cancellationToken);
        Meetings = await queries.MeetingsAsync(cancellationToken);
        Chairs = await queries.ChairsAsync(cancellationToken);
        var territoryIds = Meetings.Select(m => m.TerritoryId).Distinct().ToList();
        Territories = await db.Set<Territory>().AsNoTracking().Where(t => territoryIds.Contains(t.Id)).OrderBy(t => t.Code).ToListAsync(cancellationToken);
        Agencies = await db.Set<Agency>().AsNoTracking().InScope(mine).Where(a => a.IsActive).OrderBy(a => a.Code).ToListAsync(cancellationToken);
    }
}

/// <summary>The register of instructions in the user's territories (an agency officer: their agency's), overdue first, with filters.</summary>
[Authorize(Roles = InstructionAccess.ReadRoles)]
public sealed class IndexModel(QalaDbContext db, InstructionQueries queries, UserScope scope) : RegisterPageModel
{
    public IReadOnlyList<InstructionLine> Lines { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Lines = await queries.ListAsync(User, Filter, cancellationToken);
        await LoadChoicesAsync(db, queries, scope, cancellationToken);
    }
}
