using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Qala.Web.Data;
using Qala.Web.Data.Audit;
using Qala.Web.Infrastructure.Imports;

namespace Qala.Web.Features.Investment;

public sealed record ParticipantRow(UndertakingRow Undertaking, string LandPlot);

/// <summary>
/// Imports a zone's participants from CSV or .xlsx (the columns of <see cref="UndertakingColumns"/> plus
/// <c>land_plot</c>). A company already in the zone is left unchanged when the row states its name and stage, and
/// refused otherwise (its page is where it changes); a BIN twice in one file is refused by the importer.
/// </summary>
public sealed class ParticipantImport(QalaDbContext db, AuditActorAccessor actors, TimeProvider time, InvestmentIndicators indicators) : ImportDefinition<ParticipantRow>
{
    private Dictionary<string, ZoneParticipant> existing = [];

    public override string Kind => "zone-participants";

    /// <summary>The zone the participants join; the page sets it.</summary>
    public int ZoneId { get; set; }

    public override IReadOnlyList<string> RequiredColumns => UndertakingColumns.Required;

    public override async Task PrepareAsync(string fileName, List<ImportError> errors, CancellationToken cancellationToken) =>
        existing = await db.Set<ZoneParticipant>().AsNoTracking().Where(p => p.ZoneId == ZoneId).ToDictionaryAsync(p => p.Bin, StringComparer.Ordinal, cancellationToken);

    public override Task<ParticipantRow?> ParseAsync(TabularRow row, List<ImportError> errors, CancellationToken cancellationToken)
    {
        var undertaking = UndertakingColumns.Parse(row, errors);
        if (undertaking is not null && existing.TryGetValue(undertaking.Bin, out var known)
            && (known.CompanyName != undertaking.CompanyName || known.Stage != undertaking.Stage))
        {
            errors.Add(new ImportError(row.RowNumber, UndertakingColumns.Bin, undertaking.Bin, "A company with this BIN is already a participant of this zone."));
            return Task.FromResult<ParticipantRow?>(null);
        }

        return Task.FromResult(undertaking is null ? null : new ParticipantRow(undertaking, (row.Find("land_plot")?.Value ?? string.Empty).Trim()));
    }

    public override string KeyOf(ParticipantRow row) => row.Undertaking.Bin;

    public override Task<IReadOnlyList<ImportOutcome>> CompareAsync(IReadOnlyList<ParticipantRow> rows, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ImportOutcome>>([.. rows.Select(r => existing.ContainsKey(r.Undertaking.Bin) ? ImportOutcome.Unchanged : ImportOutcome.Added)]);

    public override Task ApplyAsync(IReadOnlyList<(ParticipantRow Row, ImportOutcome Outcome)> rows, ImportBatch batch, CancellationToken cancellationToken)
    {
        var by = actors.Current().UserName ?? string.Empty;
        var reason = string.Format(CultureInfo.InvariantCulture, "Import {0}", batch.FileName);
        foreach (var (row, _) in rows.Where(r => r.Outcome == ImportOutcome.Added))
        {
            var participant = new ZoneParticipant { ZoneId = ZoneId, LandPlot = row.LandPlot };
            UndertakingColumns.ApplyTo(row.Undertaking, participant, by, time.GetUtcNow(), reason);
            db.Add(participant);
        }

        return Task.CompletedTask;
    }

    /// <summary>Recomputes the KPIs of the zone's territory only, in the import's transaction.</summary>
    public override async Task CompleteAsync(ImportBatch batch, CancellationToken cancellationToken) =>
        await indicators.RecomputeAsync([await db.Set<InvestmentZone>().Where(z => z.Id == ZoneId).Select(z => z.TerritoryId).SingleAsync(cancellationToken)], cancellationToken);

    public override string Describe(ParticipantRow row, ImportOutcome outcome) =>
        $"{row.Undertaking.Bin} {row.Undertaking.CompanyName}: {row.Undertaking.Stage}";
}
