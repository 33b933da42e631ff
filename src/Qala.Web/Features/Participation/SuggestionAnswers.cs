using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qala.Engine.Languages;
using Qala.Web.Data;
using Qala.Web.Features.Participation.Mail;
using Qala.Web.Infrastructure.Email;
using Qala.Web.Infrastructure.Localization;

namespace Qala.Web.Features.Participation;

/// <summary>
/// Records an agency's answer and decision on a suggestion and, when the citizen left an e-mail address, tells them in
/// the language they wrote in, with the link to their receipt page — in the same transaction as the answer. An answer to
/// a suggestion that came by e-mail refers to the citizen's letter (<c>In-Reply-To</c>, <c>References</c>), so it
/// arrives in the same conversation.
/// </summary>
public sealed class SuggestionAnswers(QalaDbContext db, Outbox outbox, TimeProvider time, IStringLocalizer<SharedResource> t)
{
    public async Task<DecisionResult> AnswerAsync(Suggestion suggestion, SuggestionAnswer answer, string by, string receiptUrl, CancellationToken cancellationToken)
    {
        if (answer.GoalId is { } goal && !await db.Set<Programs.ProgramGoal>().AnyAsync(g => g.Id == goal && g.Direction!.Program!.TerritoryId == suggestion.TerritoryId, cancellationToken))
        {
            return DecisionResult.LinkRequired;
        }

        if (answer.ActivityId is { } activity && !await db.Set<Programs.RoadmapActivity>().AnyAsync(a => a.Id == activity && a.Task!.Goal!.Direction!.Program!.TerritoryId == suggestion.TerritoryId, cancellationToken))
        {
            return DecisionResult.LinkRequired;
        }

        var result = suggestion.Decide(answer, by, time.GetUtcNow());
        if (result != DecisionResult.Done)
        {
            return result;
        }

        var email = await db.Set<SuggestionContact>().Where(c => c.SuggestionId == suggestion.Id).Select(c => c.Email).FirstOrDefaultAsync(cancellationToken);
        if (email is not null)
        {
            var letter = await db.Set<SuggestionEmail>().Where(e => e.SuggestionId == suggestion.Id).Select(e => e.MessageId).FirstOrDefaultAsync(cancellationToken);
            var previous = CultureInfo.CurrentUICulture;
            CultureInfo.CurrentUICulture = QalaCultures.For(LanguageCodes.Parse(suggestion.Language) ?? Language.Ru);
            try
            {
                outbox.Enqueue(
                    email,
                    t["Your suggestion has been answered"],
                    string.Join("\n\n", t["The akimat has answered your suggestion."].Value, suggestion.Answer, t["Read the answer and the decision: {0}", receiptUrl].Value),
                    suggestion.Language,
                    letter);
            }
            finally
            {
                CultureInfo.CurrentUICulture = previous;
            }
        }

        await outbox.SaveAndScheduleAsync(cancellationToken);
        return DecisionResult.Done;
    }
}
