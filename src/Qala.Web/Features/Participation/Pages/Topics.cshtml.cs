using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qala.Web.Data;
using Qala.Web.Features.Users;
using Qala.Web.Infrastructure.Auth;

namespace Qala.Web.Features.Participation.Pages;

/// <summary>The topic taxonomy with each territory's answering agency, and the topic model: when it learnt, from how much, and "learn now".</summary>
[Authorize(Roles = QalaRoles.Administrator)]
public sealed class TopicsModel(QalaDbContext db, UserScope scope, TopicTraining training, IStringLocalizer<SharedResource> t) : PageModel
{
    public IReadOnlyList<Topic> Topics { get; private set; } = [];

    public IReadOnlyList<TopicRoute> Routes { get; private set; } = [];

    public TopicModelSnapshot? Snapshot { get; private set; }

    public int Confirmed { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var current = await scope.CurrentAsync(cancellationToken);
        Topics = await db.Set<Topic>().AsNoTracking().OrderBy(x => x.Position).ToListAsync(cancellationToken);
        Routes = await db.Set<TopicRoute>().AsNoTracking().Include(r => r.Territory).Include(r => r.Agency).InScope(current).ToListAsync(cancellationToken);
        Snapshot = await db.Set<TopicModelSnapshot>().AsNoTracking().OrderByDescending(m => m.Id)
            .Select(m => new TopicModelSnapshot { Id = m.Id, TrainedAt = m.TrainedAt, Examples = m.Examples, Labels = m.Labels, Content = Array.Empty<byte>() })
            .FirstOrDefaultAsync(cancellationToken);
        Confirmed = await db.Set<Suggestion>().CountAsync(s => s.TopicConfirmedBy != null, cancellationToken);
    }

    public async Task<IActionResult> OnPostTrainAsync(CancellationToken cancellationToken)
    {
        var trained = await training.TrainAsync(cancellationToken);
        TempData[trained is null ? "Error" : "Notice"] = trained is null
            ? t["Too few suggestions with a confirmed topic to learn from."].Value
            : t["The topic model has learnt from {0} suggestions.", trained.Examples].Value;
        return Redirect("/participation/topics");
    }
}
