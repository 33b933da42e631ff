using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Qala.Engine.Indicators;
using Qala.Web.Data;
using Qala.Web.Features.Territories;
using Qala.Web.Features.Users;
using Qala.Web.Infrastructure.Imports;

namespace Qala.Web.Features.Indicators;

/// <summary>A baseline or target of a target file, with the codes the file used.</summary>
public sealed record TargetRow(string IndicatorCode, string TerritoryCode, int IndicatorId, int TerritoryId, int Year, bool IsBaseline, decimal Value, decimal? UpperValue);

/// <summary>
/// Imports the baselines and targets of one <see cref="TargetSet"/> from CSV or .xlsx: columns <c>indicator</c>,
/// <c>territory</c>, <c>year</c>, <c>kind</c> (<c>baseline</c> or <c>target</c>), <c>value</c> and, for a target
/// range, <c>upper</c>. A changed value updates the target in place (the audit log keeps the old one).
/// </summary>
public sealed class TargetImport(QalaDbContext db) : ImportDefinition<TargetRow>
{
    private Dictionary<string, (int Id, Polarity Polarity)> indicators = [];
    private Dictionary<string, int> territories = [];

    public override string Kind => "indicator-targets";

    public override IReadOnlyList<string> RequiredColumns { get; } = ["indicator", "territory", "year", "kind", "value"];

    /// <summary>The set the targets belong to; a page sets it before the import runs.</summary>
    public int TargetSetId { get; set; }

    /// <summary>Whose targets may be set: rows of territories outside it are refused. National unless a page narrows it.</summary>
    public UserScopeInfo? Scope { get; set; }

    public override async Task PrepareAsync(string fileName, List<ImportError> errors, CancellationToken cancellationToken)
    {
        indicators = await db.Set<Indicator>().AsNoTracking()
            .ToDictionaryAsync(i => i.Code, i => (i.Id, i.Polarity), StringComparer.OrdinalIgnoreCase, cancellationToken);
        territories = await db.Set<Territory>().AsNoTracking().ToDictionaryAsync(t => t.Code, t => t.Id, StringComparer.OrdinalIgnoreCase, cancellationToken);
    }

    public override Task<TargetRow?> ParseAsync(TabularRow row, List<ImportError> errors, CancellationToken cancellationToken)
    {
        var indicatorCell = row["indicator"];
        var code = indicatorCell.Value.Trim();
        if (!indicators.TryGetValue(code, out var indicator))
        {
            errors.Add(new ImportError(row.RowNumber, indicatorCell.Column.Name, code, "No indicator in the catalog has this code."));
        }

        var territoryCell = row["territory"];
        var territoryCode = territoryCell.Value.Trim();
        if (!territories.TryGetValue(territoryCode, out var territoryId))
        {
            errors.Add(new ImportError(row.RowNumber, territoryCell.Column.Name, territoryCode, "No territory has this code."));
        }
        else if (Scope is { } scope && !scope.Covers(territoryId))
        {
            errors.Add(new ImportError(row.RowNumber, territoryCell.Column.Name, territoryCode, "You may not record values for this territory."));
        }

        var yearCell = row["year"];
        if (!int.TryParse(yearCell.Value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 1990 or > 2100)
        {
            errors.Add(new ImportError(row.RowNumber, yearCell.Column.Name, yearCell.Value, "The year is out of range."));
        }

        var kindCell = row["kind"];
        var kind = kindCell.Value.Trim().ToLowerInvariant();
        if (kind is not ("baseline" or "target"))
        {
            errors.Add(new ImportError(row.RowNumber, kindCell.Column.Name, kindCell.Value, "The kind is baseline or target."));
        }

        var value = Number(row, "value", errors);
        var upperCell = row.Find("upper");
        var upper = upperCell is { IsEmpty: false } ? Number(row, "upper", errors) : null;
        if (indicator.Polarity == Polarity.TargetRange && kind == "target" && upper is null && errors.Count == 0)
        {
            errors.Add(new ImportError(row.RowNumber, "upper", null, "A target range needs its upper bound."));
        }
        else if (upper < value)
        {
            errors.Add(new ImportError(row.RowNumber, "upper", upperCell?.Value, "The upper bound is below the value."));
        }

        return Task.FromResult(errors.Count == 0
            ? new TargetRow(code, territoryCode, indicator.Id, territoryId, year, kind == "baseline", value!.Value, indicator.Polarity == Polarity.TargetRange ? upper : null)
            : null);
    }

    public override string KeyOf(TargetRow row) => $"{row.IndicatorId}|{row.TerritoryId}|{row.Year}";

    public override string Label(TargetRow row) => $"{row.IndicatorCode} {row.TerritoryCode} {row.Year}";

    public override async Task<IReadOnlyList<ImportOutcome>> CompareAsync(IReadOnlyList<TargetRow> rows, CancellationToken cancellationToken)
    {
        var current = await CurrentAsync(rows, tracked: false, cancellationToken);
        return [.. rows.Select(r => !current.TryGetValue(KeyOf(r), out var t)
            ? ImportOutcome.Added
            : t.Value == r.Value && t.UpperValue == r.UpperValue && t.IsBaseline == r.IsBaseline ? ImportOutcome.Unchanged : ImportOutcome.Changed)];
    }

    public override async Task ApplyAsync(IReadOnlyList<(TargetRow Row, ImportOutcome Outcome)> rows, ImportBatch batch, CancellationToken cancellationToken)
    {
        var current = await CurrentAsync([.. rows.Select(r => r.Row)], tracked: true, cancellationToken);
        foreach (var (row, outcome) in rows.Where(r => r.Outcome != ImportOutcome.Unchanged))
        {
            if (outcome == ImportOutcome.Changed)
            {
                var target = current[KeyOf(row)];
                (target.IsBaseline, target.Value, target.UpperValue, target.Version) = (row.IsBaseline, row.Value, row.UpperValue, Guid.NewGuid());
                continue;
            }

            db.Add(new IndicatorTarget
            {
                TargetSetId = TargetSetId,
                IndicatorId = row.IndicatorId,
                TerritoryId = row.TerritoryId,
                Year = row.Year,
                IsBaseline = row.IsBaseline,
                Value = row.Value,
                UpperValue = row.UpperValue,
                Version = Guid.NewGuid(),
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public override string Describe(TargetRow row, ImportOutcome outcome) =>
        $"{Label(row)} {(row.IsBaseline ? "baseline" : "target")}: {row.Value.ToString(CultureInfo.InvariantCulture)}{(row.UpperValue is { } u ? "–" + u.ToString(CultureInfo.InvariantCulture) : "")}";

    private static decimal? Number(TabularRow row, string column, List<ImportError> errors)
    {
        var cell = row[column];
        if (decimal.TryParse(cell.Value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && Math.Abs(value) < 100_000_000_000_000m)
        {
            return Math.Round(value, 6);
        }

        errors.Add(new ImportError(row.RowNumber, cell.Column.Name, cell.Value, "The value is not a number."));
        return null;
    }

    private async Task<Dictionary<string, IndicatorTarget>> CurrentAsync(IReadOnlyList<TargetRow> rows, bool tracked, CancellationToken cancellationToken)
    {
        var indicatorIds = rows.Select(r => r.IndicatorId).Distinct().ToList();
        var query = db.Set<IndicatorTarget>().Where(t => t.TargetSetId == TargetSetId && indicatorIds.Contains(t.IndicatorId));
        var found = await (tracked ? query : query.AsNoTracking()).ToListAsync(cancellationToken);
        return found.ToDictionary(t => $"{t.IndicatorId}|{t.TerritoryId}|{t.Year}", StringComparer.Ordinal);
    }
}
