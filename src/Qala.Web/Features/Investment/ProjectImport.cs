using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Qala.Engine.Investment;
using Qala.Web.Data;
using Qala.Web.Data.Audit;
using Qala.Web.Features.Agencies;
using Qala.Web.Features.Territories;
using Qala.Web.Features.Users;
using Qala.Web.Infrastructure.Imports;

namespace Qala.Web.Features.Investment;

/// <summary>A project's row: what it states and, for a known project, what it changes and the stages it adds.</summary>
public sealed record ProjectRow(UndertakingRow Undertaking, LocalizedText Name, int TerritoryId, int AgencyId, string TerritoryCode)
{
    public IReadOnlyList<string> Changes { get; init; } = [];

    public IReadOnlyList<LifecycleStep> AddedSteps { get; init; } = [];
}

/// <summary>
/// Imports pipeline projects from CSV or .xlsx: the columns of <see cref="UndertakingColumns"/> plus <c>name</c> (or
/// <c>name_kk</c>, <c>name_ru</c>, <c>name_en</c>), <c>territory</c> (official code) and <c>agency</c> (the responsible
/// agency's code). A project is identified by its territory, BIN and English name. A known project is updated with the
/// columns the file has and moved through the stages its row adds, as a zone's participants are
/// (<see cref="ParticipantImport"/>); the preview lists every row as new, changed (with what changes) or unchanged.
/// Rows outside what the importing user may edit, and known projects of another agency for an agency officer, are
/// refused.
/// </summary>
public sealed class ProjectImport(QalaDbContext db, AuditActorAccessor actors, TimeProvider time, InvestmentIndicators indicators) : ImportDefinition<ProjectRow>
{
    private Dictionary<string, Territory> territories = [];
    private Dictionary<string, Agency> agencies = [];
    private Dictionary<string, InvestmentProject> existing = [];
    private readonly HashSet<int> touched = [];

    public override string Kind => "investment-projects";

    /// <summary>Where the user may act and, for an agency officer, their agency; the page sets it.</summary>
    public UserScopeInfo Scope { get; set; } = UserScopeInfo.None;

    /// <summary>The only agency the user may make responsible, or null for any (planners and administrators).</summary>
    public int? OnlyAgency { get; set; }

    public override IReadOnlyList<string> RequiredColumns { get; } = [.. UndertakingColumns.Required, "territory", "agency"];

    public override async Task PrepareAsync(string fileName, List<ImportError> errors, CancellationToken cancellationToken)
    {
        territories = await db.Set<Territory>().AsNoTracking().ToDictionaryAsync(t => t.Code, StringComparer.OrdinalIgnoreCase, cancellationToken);
        agencies = await db.Set<Agency>().AsNoTracking().ToDictionaryAsync(a => a.Code, StringComparer.OrdinalIgnoreCase, cancellationToken);
        var known = db.Set<InvestmentProject>().AsNoTracking().Include(p => p.Steps).Include(p => p.Years).AsSplitQuery();
        if (!Scope.IsNational)
        {
            var ids = Scope.TerritoryIds.ToList();
            known = known.Where(p => ids.Contains(p.TerritoryId));
        }

        existing = (await known.ToListAsync(cancellationToken)).ToDictionary(p => Key(p.TerritoryId, p.Bin, p.Name.En), StringComparer.Ordinal);
    }

    public override Task<ProjectRow?> ParseAsync(TabularRow row, List<ImportError> errors, CancellationToken cancellationToken)
    {
        var before = errors.Count;
        var undertaking = UndertakingColumns.Parse(row, errors);
        var territoryCell = row["territory"];
        if (!territories.TryGetValue(territoryCell.Value.Trim(), out var territory))
        {
            errors.Add(new ImportError(row.RowNumber, territoryCell.Column.Name, territoryCell.Value.Trim(), "No territory has this code."));
        }
        else if (!Scope.Covers(territory.Id))
        {
            errors.Add(new ImportError(row.RowNumber, territoryCell.Column.Name, territoryCell.Value.Trim(), "You may not record projects for this territory."));
        }

        var agencyCell = row["agency"];
        if (!agencies.TryGetValue(agencyCell.Value.Trim(), out var agency))
        {
            errors.Add(new ImportError(row.RowNumber, agencyCell.Column.Name, agencyCell.Value.Trim(), "No agency has this code."));
        }
        else if (OnlyAgency is { } only && agency.Id != only)
        {
            errors.Add(new ImportError(row.RowNumber, agencyCell.Column.Name, agencyCell.Value.Trim(), "You may record only your agency's projects."));
        }

        string Text(string column) => (row.Find(column)?.Value ?? string.Empty).Trim();
        var common = Text("name");
        var name = LocalizedText.Of(Text("name_kk") is { Length: > 0 } kk ? kk : common, Text("name_ru") is { Length: > 0 } ru ? ru : common, Text("name_en") is { Length: > 0 } en ? en : common);
        if (name.Kk.Length == 0 || name.Ru.Length == 0 || name.En.Length == 0 || name.Kk.Length > 400 || name.Ru.Length > 400 || name.En.Length > 400)
        {
            errors.Add(new ImportError(row.RowNumber, "name", common, "Name the project in every language (name, or name_kk, name_ru and name_en), up to 400 characters."));
        }

        if (errors.Count > before || undertaking is null)
        {
            return Task.FromResult<ProjectRow?>(null);
        }

        var parsed = new ProjectRow(undertaking, name, territory!.Id, agency!.Id, territory.Code);
        if (!existing.TryGetValue(KeyOf(parsed), out var project))
        {
            return Task.FromResult<ProjectRow?>(parsed);
        }

        if (OnlyAgency is { } mine && project.ResponsibleAgencyId != mine)
        {
            errors.Add(new ImportError(row.RowNumber, agencyCell.Column.Name, agencyCell.Value.Trim(), "You may record only your agency's projects."));
            return Task.FromResult<ProjectRow?>(null);
        }

        var recorded = project.Steps.OrderBy(s => s.Id).Select(s => new LifecycleStep(s.Stage, s.On)).ToList();
        var added = UndertakingColumns.Continuation(recorded, undertaking, row.RowNumber, errors);
        if (errors.Count > before)
        {
            return Task.FromResult<ProjectRow?>(null);
        }

        var changes = UndertakingColumns.Changes(undertaking, project, added);
        if (project.ResponsibleAgencyId != agency.Id)
        {
            changes.Add($"agency: {agencies.Values.FirstOrDefault(a => a.Id == project.ResponsibleAgencyId)?.Code} → {agency.Code}");
        }

        return Task.FromResult<ProjectRow?>(parsed with { Changes = changes, AddedSteps = added });
    }

    public override string KeyOf(ProjectRow row) => Key(row.TerritoryId, row.Undertaking.Bin, row.Name.En);

    public override bool ListsUnchanged => true;

    public override Task<IReadOnlyList<ImportOutcome>> CompareAsync(IReadOnlyList<ProjectRow> rows, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ImportOutcome>>([.. rows.Select(r => !existing.ContainsKey(KeyOf(r)) ? ImportOutcome.Added
            : r.Changes.Count > 0 ? ImportOutcome.Changed : ImportOutcome.Unchanged)]);

    public override async Task ApplyAsync(IReadOnlyList<(ProjectRow Row, ImportOutcome Outcome)> rows, ImportBatch batch, CancellationToken cancellationToken)
    {
        var by = actors.Current().UserName ?? string.Empty;
        var reason = string.Format(CultureInfo.InvariantCulture, "Import {0}", batch.FileName);
        foreach (var (row, outcome) in rows)
        {
            switch (outcome)
            {
                case ImportOutcome.Added:
                    var project = new InvestmentProject { Name = row.Name, TerritoryId = row.TerritoryId, ResponsibleAgencyId = row.AgencyId };
                    touched.Add(row.TerritoryId);
                    UndertakingColumns.ApplyTo(row.Undertaking, project, by, time.GetUtcNow(), reason);
                    db.Add(project);
                    break;
                case ImportOutcome.Changed:
                    var id = existing[KeyOf(row)].Id;
                    var known = await db.Set<InvestmentProject>().Include(p => p.Steps).Include(p => p.Years).AsSplitQuery().SingleAsync(p => p.Id == id, cancellationToken);
                    touched.Add(row.TerritoryId);
                    UndertakingColumns.Update(row.Undertaking, known, row.AddedSteps, by, time.GetUtcNow(), reason);
                    known.ResponsibleAgencyId = row.AgencyId;
                    break;
                case ImportOutcome.Unchanged:
                    break;
            }
        }
    }

    public override string Label(ProjectRow row) => $"{row.TerritoryCode} {row.Undertaking.Bin} {row.Name.En}";

    /// <summary>Recomputes the KPIs of the territories the file added or changed projects in, in the import's transaction.</summary>
    public override Task CompleteAsync(ImportBatch batch, CancellationToken cancellationToken) => indicators.RecomputeAsync(touched, cancellationToken);

    public override string Describe(ProjectRow row, ImportOutcome outcome) => outcome switch
    {
        ImportOutcome.Added => $"{Label(row)}: {UndertakingColumns.StatusText(row.Undertaking.Stage)}",
        ImportOutcome.Changed => $"{Label(row)}: {string.Join("; ", row.Changes)}",
        _ => Label(row),
    };

    private static string Key(int territoryId, string bin, string englishName) =>
        $"{territoryId.ToString(CultureInfo.InvariantCulture)}|{bin}|{englishName}";
}
