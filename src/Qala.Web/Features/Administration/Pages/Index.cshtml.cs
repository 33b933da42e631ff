using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Qala.Web.Data;
using Qala.Web.Data.Audit;
using Qala.Web.Features.Agencies;
using Qala.Web.Features.Territories;
using Qala.Web.Features.Users;
using Qala.Web.Infrastructure.Auth;
using Qala.Web.Infrastructure.Jobs;

namespace Qala.Web.Features.Administration.Pages;

[Authorize(Roles = QalaRoles.Administrator)]
public sealed class IndexModel(QalaDbContext db, UserScope scope) : PageModel
{
    public int Users { get; private set; }

    /// <summary>Users, reference codes and platform settings are for national administrators only.</summary>
    public bool IsNational { get; private set; }

    public int LockedOut { get; private set; }

    public int Territories { get; private set; }

    public int Agencies { get; private set; }

    public int CodeMappings { get; private set; }

    public long AuditEntries { get; private set; }

    public int ParkedJobs { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        IsNational = (await scope.CurrentAsync(cancellationToken)).IsNational;
        Users = await db.Users.CountAsync(cancellationToken);
        var now = DateTimeOffset.UtcNow;
        LockedOut = (await db.Users.Where(u => u.LockoutEnd != null).Select(u => u.LockoutEnd).ToListAsync(cancellationToken))
            .Count(end => end > now);
        Territories = await db.Set<Territory>().CountAsync(cancellationToken);
        Agencies = await db.Set<Agency>().CountAsync(cancellationToken);
        CodeMappings = await db.Set<TerritoryCodeMapping>().CountAsync(cancellationToken);
        ParkedJobs = await db.Set<BackgroundJob>().CountAsync(j => j.State == JobState.Parked, cancellationToken);
        AuditEntries = await db.Set<AuditChainHead>().Select(h => h.LastSequence).SingleAsync(cancellationToken);
    }
}
