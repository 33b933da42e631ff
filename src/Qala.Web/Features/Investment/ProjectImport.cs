using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Qala.Web.Data;
using Qala.Web.Data.Audit;
using Qala.Web.Features.Agencies;
using Qala.Web.Features.Territories;
using Qala.Web.Features.Users;
using Qala.Web.Infrastructure.Imports;

namespace Qala.Web.Features.Investment;

public sealed record ProjectRow(UndertakingRow Undertaking, LocalizedText Name, int TerritoryId, int AgencyId, string TerritoryCode);

/// <summary>
/// Imports pipeline projects from CSV or .xlsx: the columns of <see cref="UndertakingColumns"/> plus <c>name</c> (or
/// <c>name_kk</c>, <c>name_ru</c>, <c>name_en</c>), <c>territory</c> (official code) and <c>agency</c> (the responsible
/// agency's code). A project is identified by its territory, BIN and English name; one already recorded is left
/// unchanged. Rows outside what the importing user may edit are refused.
/// </summary>
public sealed class ProjectImport(QalaDbContext db, AuditActorAccessor actors, TimeProvider time, InvestmentIndicators indicators) : ImportDefinition<ProjectRow>
{
    private Dictionary<string, Territory> territories = [];
    private Dictionary<string, Agency> agencies = [];
    private HashSet<string> existing = [];
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
        existing = [.. await db.Set<InvestmentProject>().AsNoTracking()
            .Select(p => p.TerritoryId.ToString(CultureInfo.InvariantCulture) + "|" + p.Bin + "|" + p.Name.En).ToListAsync(cancellationToken)];
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

        return Task.FromResult(errors.Count > before || undertaking is null ? null : new ProjectRow(undertaking, name, territory!.Id, agency!.Id, territory.Code));
    }

    public override string KeyOf(ProjectRow row) => $"{row.TerritoryId.ToString(CultureInfo.InvariantCulture)}|{row.Undertaking.Bin}|{row.Name.En}";

    public override Task<IReadOnlyList<ImportOutcome>> CompareAsync(IReadOnlyList<ProjectRow> rows, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ImportOutcome>>([.. rows.Select(r => existing.Contains(KeyOf(r)) ? ImportOutcome.Unchanged : ImportOutcome.Added)]);

    public override Task ApplyAsync(IReadOnlyList<(ProjectRow Row, ImportOutcome Outcome)> rows, ImportBatch batch, CancellationToken cancellationToken)
    {
        var by = actors.Current().UserName ?? string.Empty;
        var reason = string.Format(CultureInfo.InvariantCulture, "Import {0}", batch.FileName);
        foreach (var (row, _) in rows.Where(r => r.Outcome == ImportOutcome.Added))
        {
            var project = new InvestmentProject { Name = row.Name, TerritoryId = row.TerritoryId, ResponsibleAgencyId = row.AgencyId };
            touched.Add(row.TerritoryId);
            UndertakingColumns.ApplyTo(row.Undertaking, project, by, time.GetUtcNow(), reason);
            db.Add(project);
        }

        return Task.CompletedTask;
    }

    public override string Label(ProjectRow row) => $"{row.TerritoryCode} {row.Undertaking.Bin} {row.Name.En}";

    /// <summary>Recomputes the KPIs of the territories the file added projects to, in the import's transaction.</summary>
    public override Task CompleteAsync(ImportBatch batch, CancellationToken cancellationToken) => indicators.RecomputeAsync(touched, cancellationToken);

    public override string Describe(ProjectRow row, ImportOutcome outcome) => $"{Label(row)}: {row.Undertaking.Stage}";
}
