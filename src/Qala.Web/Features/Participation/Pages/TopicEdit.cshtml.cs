using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qala.Web.Data;
using Qala.Web.Features.Agencies;
using Qala.Web.Features.Territories;
using Qala.Web.Features.Users;
using Qala.Web.Infrastructure.Auth;

namespace Qala.Web.Features.Participation.Pages;

/// <summary>
/// Adds a topic to the taxonomy (<c>/participation/topics/new</c>) or edits one: its names, whether its suggestions
/// are confidential, its place in the list, and which agency answers it in each of the administrator's territories.
/// The code is the label the topic model learns, so it is chosen once and never changes.
/// </summary>
[Authorize(Roles = QalaRoles.Administrator)]
public sealed partial class TopicEditModel(QalaDbContext db, UserScope scope, IStringLocalizer<SharedResource> t) : PageModel
{
    public bool IsNew { get; private set; }

    /// <summary>The administrator's territories that have agencies, with those agencies.</summary>
    public IReadOnlyList<(Territory Territory, IReadOnlyList<Agency> Agencies)> Territories { get; private set; } = [];

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public LocalizedTextInput Name { get; set; } = new();

    [BindProperty]
    public bool IsConfidential { get; set; }

    [BindProperty]
    public int Position { get; set; }

    [BindProperty]
    public List<RouteInput> Routes { get; set; } = [];

    [BindProperty]
    public Guid Version { get; set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        await LoadChoicesAsync(cancellationToken);
        IsNew = id == "new";
        if (IsNew)
        {
            Position = await db.Set<Topic>().Select(x => (int?)x.Position).MaxAsync(cancellationToken) + 1 ?? 1;
            Routes = [.. Territories.Select(x => new RouteInput { TerritoryId = x.Territory.Id })];
            return Page();
        }

        if (await FindAsync(id, cancellationToken) is not { } topic)
        {
            return NotFound();
        }

        (Code, Name, IsConfidential, Position, Version) = (topic.Code, LocalizedTextInput.From(topic.Name), topic.IsConfidential, topic.Position, topic.Version);
        Routes = [.. Territories.Select(x => new RouteInput { TerritoryId = x.Territory.Id, AgencyId = topic.Routes.FirstOrDefault(r => r.TerritoryId == x.Territory.Id)?.AgencyId })];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        await LoadChoicesAsync(cancellationToken);
        IsNew = id == "new";
        var topic = IsNew ? null : await FindAsync(id, cancellationToken);
        if (!IsNew && topic is null)
        {
            return NotFound();
        }

        if (Routes.Any(r => Territories.All(x => x.Territory.Id != r.TerritoryId)))
        {
            return Forbid();
        }

        await CheckAsync(topic, cancellationToken);
        if (!ModelState.IsValid)
        {
            Code = topic?.Code ?? Code;
            return Page();
        }

        if (topic is null)
        {
            topic = new Topic { Code = Code!.Trim(), Name = Name.ToText() };
            db.Add(topic);
        }
        else
        {
            var entry = db.Entry(topic);
            entry.Property(x => x.Version).OriginalValue = Version;
            entry.Property(x => x.Version).IsModified = true;
            topic.Name = Name.ToText();
        }

        (topic.IsConfidential, topic.Position) = (IsConfidential, Position);
        foreach (var route in Routes)
        {
            var existing = topic.Routes.FirstOrDefault(r => r.TerritoryId == route.TerritoryId);
            if (route.AgencyId is not { } agency)
            {
                if (existing is not null)
                {
                    topic.Routes.Remove(existing);
                    db.Remove(existing);
                }
            }
            else if (existing is null)
            {
                topic.Routes.Add(new TopicRoute { TerritoryId = route.TerritoryId, AgencyId = agency });
            }
            else
            {
                existing.AgencyId = agency;
            }
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, t["Someone else changed this record while you were editing it. Reload the page and try again."]);
            return Page();
        }

        TempData["Notice"] = t["The topic has been saved."].Value;
        return Redirect("/participation/topics");
    }

    private async Task CheckAsync(Topic? topic, CancellationToken cancellationToken)
    {
        if (topic is null)
        {
            var code = Code?.Trim() ?? string.Empty;
            if (!CodePattern().IsMatch(code))
            {
                ModelState.AddModelError(nameof(Code), t["A code is 2 to 40 small Latin letters, digits and hyphens, starting with a letter."]);
            }
            else if (await db.Set<Topic>().AnyAsync(x => x.Code == code, cancellationToken))
            {
                ModelState.AddModelError(nameof(Code), t["Another topic has this code."]);
            }
        }

        if (Position is < 0 or > 10_000)
        {
            ModelState.AddModelError(nameof(Position), t["The position is a whole number from 0 to 10,000."]);
        }

        for (var i = 0; i < Routes.Count; i++)
        {
            var route = Routes[i];
            var agencies = Territories.Single(x => x.Territory.Id == route.TerritoryId).Agencies;
            if (route.AgencyId is { } agency && agencies.All(a => a.Id != agency))
            {
                ModelState.AddModelError($"{nameof(Routes)}[{i}].{nameof(RouteInput.AgencyId)}", t["Choose an agency of this territory."]);
            }
        }

        if (Routes.GroupBy(r => r.TerritoryId).Any(g => g.Count() > 1))
        {
            ModelState.AddModelError(string.Empty, t["Choose one agency per territory."]);
        }
    }

    private Task<Topic?> FindAsync(string id, CancellationToken cancellationToken) =>
        int.TryParse(id, out var key)
            ? db.Set<Topic>().Include(x => x.Routes).FirstOrDefaultAsync(x => x.Id == key, cancellationToken)
            : Task.FromResult<Topic?>(null);

    private async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        var mine = await scope.CurrentAsync(cancellationToken);
        var agencies = await db.Set<Agency>().AsNoTracking().Include(a => a.Territory).Where(a => a.IsActive)
            .InScope(mine).ToListAsync(cancellationToken);
        Territories = [.. agencies.GroupBy(a => a.TerritoryId)
            .Select(g => (g.First().Territory!, (IReadOnlyList<Agency>)[.. g.OrderBy(a => a.Name.Current, StringComparer.CurrentCulture)]))
            .OrderBy(x => x.Item1.Code)];
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{1,39}$")]
    private static partial Regex CodePattern();
}

/// <summary>The agency that answers a topic in one territory (none: the topic is not routed there).</summary>
public sealed class RouteInput
{
    public int TerritoryId { get; set; }

    public int? AgencyId { get; set; }
}
