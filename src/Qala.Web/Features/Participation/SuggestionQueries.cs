using Microsoft.EntityFrameworkCore;

namespace Qala.Web.Features.Participation;

/// <summary>What pages load with a suggestion to show its place and decision.</summary>
public static class SuggestionQueries
{
    public static IQueryable<Suggestion> WithDecision(IQueryable<Suggestion> suggestions) =>
        suggestions.Include(s => s.Consultation).Include(s => s.District).Include(s => s.Topic).Include(s => s.Agency)
            .Include(s => s.Goal).ThenInclude(g => g!.Direction)
            .Include(s => s.Activity).ThenInclude(a => a!.Task).ThenInclude(t => t!.Goal).ThenInclude(g => g!.Direction);
}
