using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Qala.Web.Data;
using Qala.Web.Infrastructure.Calendar;

namespace Qala.Web.Features.Instructions.Pages;

/// <summary>The signed-in user's notifications, newest first; "mark all as read" clears the counter in the header.</summary>
public sealed class NotificationsModel(QalaDbContext db, TimeProvider time, Deadlines deadlines) : PageModel
{
    private const int Shown = 200;

    public IReadOnlyList<Notification> Notifications { get; private set; } = [];

    public TimeZoneInfo Zone => deadlines.Zone;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var user = User.FindFirstValue(ClaimTypes.NameIdentifier);
        Notifications = await db.Set<Notification>().AsNoTracking().Where(n => n.UserId == user).OrderByDescending(n => n.Id).Take(Shown).ToListAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostReadAsync(CancellationToken cancellationToken)
    {
        var user = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var now = time.GetUtcNow();
        foreach (var unread in await db.Set<Notification>().Where(n => n.UserId == user && n.ReadAt == null).ToListAsync(cancellationToken))
        {
            unread.ReadAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage();
    }
}

/// <summary>How many notifications the signed-in user has not read: the counter in the header.</summary>
public sealed class NotificationCounter(QalaDbContext db, IHttpContextAccessor http)
{
    public async Task<int> UnreadAsync()
    {
        var user = http.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);
        return user is null ? 0 : await db.Set<Notification>().CountAsync(n => n.UserId == user && n.ReadAt == null);
    }
}
