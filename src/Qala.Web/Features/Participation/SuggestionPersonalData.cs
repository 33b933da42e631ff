using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Qala.Web.Data;
using Qala.Web.Infrastructure.Privacy;

namespace Qala.Web.Features.Participation;

/// <summary>
/// Citizens' contact details given with their suggestions, with the consent recorded for each: found by access
/// requests and deleted by erasure requests (the suggestion itself stays, anonymous; a letter's quoted history goes).
/// </summary>
internal sealed class SuggestionPersonalData(QalaDbContext db) : IPersonalDataSource
{
    public string Name => "Suggestions";

    public async Task<IReadOnlyList<PersonalDataRecord>> FindAsync(string email, CancellationToken cancellationToken)
    {
        var rows = await db.Set<Suggestion>().AsNoTracking().Where(s => s.Contact!.Email == email).OrderBy(s => s.Id)
            .Select(s => new { s.PublicCode, s.Text, s.SubmittedAt, s.Contact }).ToListAsync(cancellationToken);
        return [.. rows.Select(r => new PersonalDataRecord(Name, r.PublicCode, new Dictionary<string, string?>
        {
            ["Name"] = r.Contact!.Name,
            ["Email"] = r.Contact.Email,
            ["Phone"] = r.Contact.Phone,
            ["Suggestion"] = r.Text,
            ["SubmittedAt"] = r.SubmittedAt.ToString("O", CultureInfo.InvariantCulture),
            ["ConsentPurpose"] = r.Contact.ConsentPurpose,
            ["ConsentTextVersion"] = r.Contact.ConsentTextVersion,
            ["ConsentGivenAt"] = r.Contact.ConsentGivenAt.ToString("O", CultureInfo.InvariantCulture),
        }))];
    }

    public async Task<int> EraseAsync(string email, CancellationToken cancellationToken)
    {
        // The quoted history of a letter names its writer too: it goes with the contact data.
        var letters = db.Set<SuggestionContact>().Where(c => c.Email == email).Select(c => c.SuggestionId);
        await db.Set<Mail.SuggestionEmail>().Where(e => letters.Contains(e.SuggestionId)).ExecuteUpdateAsync(e => e.SetProperty(x => x.Quoted, (string?)null), cancellationToken);
        return await db.Set<SuggestionContact>().Where(c => c.Email == email).ExecuteDeleteAsync(cancellationToken);
    }
}
