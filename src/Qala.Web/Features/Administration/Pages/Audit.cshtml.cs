using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Qala.Web.Data;
using Qala.Web.Data.Audit;
using Qala.Web.Features.Users;

namespace Qala.Web.Features.Administration.Pages;

/// <summary>The audit log: the latest changes, one record's history, and the verification of the hash chain.</summary>
[Authorize(Policy = ScopePolicies.NationalAdministrator)]
public sealed class AuditModel(QalaDbContext db, AuditLog log) : PageModel
{
    public const int PageSize = 200;

    [BindProperty(SupportsGet = true)]
    public string? Entity { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Key { get; set; }

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var query = db.Set<AuditEntry>().AsNoTracking();
        if (!string.IsNullOrEmpty(Entity))
        {
            query = query.Where(e => e.EntityType == Entity);
        }

        if (!string.IsNullOrEmpty(Key))
        {
            query = query.Where(e => e.EntityKey == Key);
        }

        Entries = await query.OrderByDescending(e => e.Sequence).Take(PageSize).ToListAsync(cancellationToken);
    }

    public async Task<PartialViewResult> OnGetVerifyAsync(CancellationToken cancellationToken) =>
        Partial("_AuditVerification", await log.VerifyAsync(cancellationToken));
}
