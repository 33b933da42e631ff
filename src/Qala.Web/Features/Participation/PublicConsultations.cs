using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Qala.Web.Data;
using Qala.Web.Features.Territories;

namespace Qala.Web.Features.Participation;

/// <summary>A consultation as the public form shows and checks it: the consultation and the districts of its city.</summary>
public sealed record ConsultationForm(Consultation Consultation, IReadOnlyList<Territory> Districts);

/// <summary>
/// The consultations the public form is posted to, remembered on this node for <see cref="Fresh"/> while they take
/// suggestions, so that a citizen's post reads nothing from the database before it is queued (ADR 0011). Only an open
/// consultation is remembered: any other phase, and an unknown one, is read again at every request, so a discussion
/// that opens is open at once. One that closes is refused at once too: the writer's batch reads the phase again before
/// it stores anything (<see cref="SuggestionBatch.AcceptsAsync"/>).
/// </summary>
public sealed class PublicConsultations(TimeProvider time)
{
    public static readonly TimeSpan Fresh = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<int, (ConsultationForm Form, long ReadAt)> open = new();

    public async Task<ConsultationForm?> FindAsync(QalaDbContext db, int id, CancellationToken cancellationToken)
    {
        if (open.TryGetValue(id, out var known) && time.GetElapsedTime(known.ReadAt) < Fresh)
        {
            return known.Form;
        }

        var readAt = time.GetTimestamp();
        if (await db.Set<Consultation>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken) is not { } consultation)
        {
            open.TryRemove(id, out _);
            return null;
        }

        var districts = await db.Set<Territory>().AsNoTracking().Where(x => x.ParentId == consultation.TerritoryId && x.ValidTo == null)
            .OrderBy(x => x.Code).ToListAsync(cancellationToken);
        var form = new ConsultationForm(consultation, districts);
        if (consultation.AcceptsSuggestions)
        {
            open[id] = (form, readAt);
        }
        else
        {
            open.TryRemove(id, out _);
        }

        return form;
    }
}
