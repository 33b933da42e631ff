using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Qala.Engine.Investment;
using Qala.Web.Data;
using Qala.Web.Data.Audit;
using Qala.Web.Infrastructure.Imports;

namespace Qala.Web.Features.Investment;

/// <summary>A participant's row: what it states, its land plot (null without the column) and, for a known participant, what it changes.</summary>
public sealed record ParticipantRow(UndertakingRow Undertaking, string? LandPlot, IReadOnlyList<string> Changes, IReadOnlyList<LifecycleStep> AddedSteps);

/// <summary>
/// Imports a zone's participants from CSV or .xlsx (the columns of <see cref="UndertakingColumns"/> plus
/// <c>land_plot</c>). A new BIN is a new participant. A company already in the zone is updated with the columns the file
/// has (the others keep their values) and moved through the stages its row adds; the preview lists every row as new,
/// changed (with what changes) or unchanged. A known BIN under another company name, or a row whose stages contradict
/// the recorded lifecycle (a different day: corrected on the participant's page, with its reason), is an error by row
/// and column; a BIN twice in one file is refused by the importer.
/// </summary>
public sealed class ParticipantImport(QalaDbContext db, AuditActorAccessor actors, TimeProvider time, InvestmentIndicators indicators) : ImportDefinition<ParticipantRow>
{
    private const string LandPlotColumn = "land_plot";

    private Dictionary<string, ZoneParticipant> existing = [];

    public override string Kind => "zone-participants";

    /// <summary>The zone the participants join; the page sets it.</summary>
    public int ZoneId { get; set; }

    public override IReadOnlyList<string> RequiredColumns => UndertakingColumns.Required;

    public override bool ListsUnchanged => true;

    public override async Task PrepareAsync(string fileName, List<ImportError> errors, CancellationToken cancellationToken) =>
        existing = await db.Set<ZoneParticipant>().AsNoTracking().Include(p => p.Steps).Include(p => p.Years).AsSplitQuery()
            .Where(p => p.ZoneId == ZoneId).ToDictionaryAsync(p => p.Bin, StringComparer.Ordinal, cancellationToken);

    public override Task<ParticipantRow?> ParseAsync(TabularRow row, List<ImportError> errors, CancellationToken cancellationToken)
    {
        var undertaking = UndertakingColumns.Parse(row, errors);
        if (undertaking is null)
        {
            return Task.FromResult<ParticipantRow?>(null);
        }

        var landPlot = row.Find(LandPlotColumn)?.Value.Trim();
        if (!existing.TryGetValue(undertaking.Bin, out var known))
        {
            return Task.FromResult<ParticipantRow?>(new ParticipantRow(undertaking, landPlot, [], []));
        }

        if (!string.Equals(known.CompanyName, undertaking.CompanyName, StringComparison.Ordinal))
        {
            errors.Add(new ImportError(row.RowNumber, UndertakingColumns.Company, undertaking.CompanyName,
                "A company with this BIN is already a participant of this zone under another name: {0}.", [known.CompanyName]));
            return Task.FromResult<ParticipantRow?>(null);
        }

        var recorded = known.Steps.OrderBy(s => s.Id).Select(s => new LifecycleStep(s.Stage, s.On)).ToList();
        var before = errors.Count;
        var added = UndertakingColumns.Continuation(recorded, undertaking, row.RowNumber, errors);
        if (errors.Count > before)
        {
            return Task.FromResult<ParticipantRow?>(null);
        }

        var changes = UndertakingColumns.Changes(undertaking, known, added);
        if (row.Find(LandPlotColumn) is not null && !string.Equals(known.LandPlot, landPlot, StringComparison.Ordinal))
        {
            changes.Add($"{LandPlotColumn}: {known.LandPlot} → {landPlot}");
        }

        return Task.FromResult<ParticipantRow?>(new ParticipantRow(undertaking, landPlot, changes, added));
    }

    public override string KeyOf(ParticipantRow row) => row.Undertaking.Bin;

    public override Task<IReadOnlyList<ImportOutcome>> CompareAsync(IReadOnlyList<ParticipantRow> rows, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ImportOutcome>>([.. rows.Select(r => !existing.ContainsKey(r.Undertaking.Bin) ? ImportOutcome.Added
            : r.Changes.Count > 0 ? ImportOutcome.Changed : ImportOutcome.Unchanged)]);

    public override async Task ApplyAsync(IReadOnlyList<(ParticipantRow Row, ImportOutcome Outcome)> rows, ImportBatch batch, CancellationToken cancellationToken)
    {
        var by = actors.Current().UserName ?? string.Empty;
        var reason = string.Format(CultureInfo.InvariantCulture, "Import {0}", batch.FileName);
        foreach (var (row, outcome) in rows)
        {
            switch (outcome)
            {
                case ImportOutcome.Added:
                    var participant = new ZoneParticipant { ZoneId = ZoneId, LandPlot = row.LandPlot ?? string.Empty };
                    UndertakingColumns.ApplyTo(row.Undertaking, participant, by, time.GetUtcNow(), reason);
                    db.Add(participant);
                    break;
                case ImportOutcome.Changed:
                    var id = existing[row.Undertaking.Bin].Id;
                    var known = await db.Set<ZoneParticipant>().Include(p => p.Steps).Include(p => p.Years).AsSplitQuery().SingleAsync(p => p.Id == id, cancellationToken);
                    UndertakingColumns.Update(row.Undertaking, known, row.AddedSteps, by, time.GetUtcNow(), reason);
                    known.LandPlot = row.LandPlot ?? known.LandPlot;
                    break;
                case ImportOutcome.Unchanged:
                    break;
            }
        }
    }

    /// <summary>Recomputes the KPIs of the zone's territory only, in the import's transaction.</summary>
    public override async Task CompleteAsync(ImportBatch batch, CancellationToken cancellationToken) =>
        await indicators.RecomputeAsync([await db.Set<InvestmentZone>().Where(z => z.Id == ZoneId).Select(z => z.TerritoryId).SingleAsync(cancellationToken)], cancellationToken);

    public override string Describe(ParticipantRow row, ImportOutcome outcome) => outcome switch
    {
        ImportOutcome.Added => $"{row.Undertaking.Bin} {row.Undertaking.CompanyName}: {UndertakingColumns.StatusText(row.Undertaking.Stage)}",
        ImportOutcome.Changed => $"{row.Undertaking.Bin} {row.Undertaking.CompanyName}: {string.Join("; ", row.Changes)}",
        _ => $"{row.Undertaking.Bin} {row.Undertaking.CompanyName}",
    };
}
