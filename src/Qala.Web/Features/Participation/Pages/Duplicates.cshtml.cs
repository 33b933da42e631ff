using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qala.Web.Data;
using Qala.Web.Features.Users;

namespace Qala.Web.Features.Participation.Pages;

/// <summary>
/// A consultation's near-duplicate groups (the same request by form and e-mail, or by fifty neighbours), the largest
/// first, for moderators and the strategy office: each group is merged into the suggestion they choose, which keeps
/// every original and adds up their supporters. The strategy office neither sees nor merges the confidential ones.
/// </summary>
public sealed class DuplicatesModel(QalaDbContext db, UserScope scope, DuplicateGroups grouping, IStringLocalizer<SharedResource> t) : PageModel
{
    public const int ShownGroups = 50;

    [BindProperty(SupportsGet = true)]
    public int? Consultation { get; set; }

    public IReadOnlyList<Consultation> Consultations { get; private set; } = [];

    /// <summary>The groups shown, each with its suggestions in id order.</summary>
    public IReadOnlyList<(DuplicateGroup Group, IReadOnlyList<Suggestion> Members)> Groups { get; private set; } = [];

    public int GroupCount { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!Handles())
        {
            return Forbid();
        }

        var current = await scope.CurrentAsync(cancellationToken);
        Consultations = await db.Set<Consultation>().AsNoTracking().InScope(current)
            .OrderByDescending(c => c.OpensOn).ThenByDescending(c => c.Id).ToListAsync(cancellationToken);
        Consultation ??= Consultations.Count > 0 ? Consultations[0].Id : null;
        if (Consultations.FirstOrDefault(c => c.Id == Consultation) is not { } consultation)
        {
            return Consultation is null ? Page() : NotFound();
        }

        var groups = await grouping.OfAsync(consultation.Id, ParticipationAccess.Moderates(User), cancellationToken);
        GroupCount = groups.Count;
        var shown = groups.Take(ShownGroups).ToList();
        var ids = shown.SelectMany(g => g.SuggestionIds).ToList();
        var members = await db.Set<Suggestion>().AsNoTracking().Include(s => s.Topic).Include(s => s.District)
            .Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
        Groups = [.. shown.Select(g => (g, (IReadOnlyList<Suggestion>)[.. g.SuggestionIds.Where(members.ContainsKey).Select(id => members[id])]))];
        return Page();
    }

    /// <summary>Merges the posted members of a group into the chosen one, all or none, against the versions the user saw.</summary>
    public async Task<IActionResult> OnPostMergeAsync(int into, int[] ids, Guid[] versions, CancellationToken cancellationToken)
    {
        if (!Handles())
        {
            return Forbid();
        }

        if (ids.Length != versions.Length || !ids.Contains(into) || ids.Length < 2)
        {
            return BadRequest();
        }

        var current = await scope.CurrentAsync(cancellationToken);
        var suggestions = await db.Set<Suggestion>().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
        if (suggestions.Count != ids.Length || suggestions.Values.Select(s => s.ConsultationId).Distinct().Count() != 1)
        {
            return NotFound();
        }

        if (suggestions.Values.Any(s => !ParticipationAccess.CanRoute(User, current, s)))
        {
            return Forbid();
        }

        foreach (var (id, version) in ids.Zip(versions))
        {
            db.Entry(suggestions[id]).Property(s => s.Version).OriginalValue = version;
        }

        var primary = suggestions[into];
        var consultation = primary.ConsultationId;
        if (ids.Where(id => id != into).Any(id => !suggestions[id].MergeInto(primary)))
        {
            TempData["Error"] = t["It cannot be merged into that suggestion."].Value;
            return Redirect($"/participation/duplicates?consultation={consultation}");
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            TempData["Saved"] = t["{0} suggestions merged into #{1}.", ids.Length - 1, into].Value;
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData["Error"] = t["Someone else changed this record while you were editing it. Reload the page and try again."].Value;
        }

        return Redirect($"/participation/duplicates?consultation={consultation}");
    }

    private bool Handles() => ParticipationAccess.Moderates(User) || ParticipationAccess.Organises(User);
}
