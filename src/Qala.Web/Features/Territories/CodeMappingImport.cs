using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Qala.Web.Data;
using Qala.Web.Infrastructure.Imports;

namespace Qala.Web.Features.Territories;

/// <summary>A row of a code-mapping file: an outside scheme's code for a territory given by its KATO code.</summary>
public sealed record CodeMappingRow(string Scheme, string ExternalCode, string TerritoryCode, int TerritoryId);

/// <summary>
/// Imports the codes other systems use for territories from CSV or .xlsx with the columns <c>scheme</c>,
/// <c>code</c> and <c>territory</c> (KATO code), e.g. the statistics office's <c>kazstat,KZALA,750000000</c>.
/// </summary>
public sealed partial class CodeMappingImport(QalaDbContext db) : ImportDefinition<CodeMappingRow>
{
    private Dictionary<string, int>? territories;

    public override string Kind => "territory-code-mappings";

    public override IReadOnlyList<string> RequiredColumns { get; } = ["scheme", "code", "territory"];

    public override async Task<CodeMappingRow?> ParseAsync(TabularRow row, List<ImportError> errors, CancellationToken cancellationToken)
    {
        territories ??= await db.Set<Territory>().AsNoTracking().ToDictionaryAsync(t => t.Code, t => t.Id, StringComparer.Ordinal, cancellationToken);
        var given = row["scheme"].Value.Trim();
        var scheme = given.ToLowerInvariant();
        var code = row["code"].Value.Trim();
        var territory = row["territory"].Value.Trim();
        if (!SchemePattern().IsMatch(scheme))
        {
            errors.Add(new ImportError(row.RowNumber, "scheme", given, "A scheme is 2 to 40 lowercase Latin letters, digits, dots, hyphens or underscores."));
        }

        if (code.Length is 0 or > 40)
        {
            errors.Add(new ImportError(row.RowNumber, "code", code, "An outside code has 1 to 40 characters."));
        }

        if (!territories.TryGetValue(territory, out var territoryId))
        {
            errors.Add(new ImportError(row.RowNumber, "territory", territory, "No territory has this KATO code."));
        }

        return errors.Count == 0 ? new CodeMappingRow(scheme, code, territory, territoryId) : null;
    }

    public override string KeyOf(CodeMappingRow row) => $"{row.Scheme}\n{row.ExternalCode}";

    public override async Task<IReadOnlyList<ImportOutcome>> CompareAsync(IReadOnlyList<CodeMappingRow> rows, CancellationToken cancellationToken)
    {
        var existing = await ExistingAsync(rows, cancellationToken);
        return [.. rows.Select(r => !existing.TryGetValue(KeyOf(r), out var mapping)
            ? ImportOutcome.Added
            : mapping.TerritoryId == r.TerritoryId ? ImportOutcome.Unchanged : ImportOutcome.Changed)];
    }

    public override async Task ApplyAsync(IReadOnlyList<(CodeMappingRow Row, ImportOutcome Outcome)> rows, ImportBatch batch, CancellationToken cancellationToken)
    {
        var existing = await ExistingAsync([.. rows.Select(r => r.Row)], cancellationToken);
        foreach (var (row, outcome) in rows)
        {
            switch (outcome)
            {
                case ImportOutcome.Added:
                    db.Add(new TerritoryCodeMapping { Scheme = row.Scheme, ExternalCode = row.ExternalCode, TerritoryId = row.TerritoryId, ImportBatchId = batch.Id });
                    break;
                case ImportOutcome.Changed:
                    var mapping = existing[KeyOf(row)];
                    mapping.TerritoryId = row.TerritoryId;
                    mapping.ImportBatchId = batch.Id;
                    break;
                case ImportOutcome.Unchanged:
                    break;
            }
        }
    }

    public override string Describe(CodeMappingRow row, ImportOutcome outcome) => $"{row.Scheme} {row.ExternalCode} → {row.TerritoryCode}";

    private async Task<Dictionary<string, TerritoryCodeMapping>> ExistingAsync(IReadOnlyList<CodeMappingRow> rows, CancellationToken cancellationToken)
    {
        var codes = rows.Select(r => r.ExternalCode).Distinct().ToList();
        var candidates = await db.Set<TerritoryCodeMapping>().Where(m => codes.Contains(m.ExternalCode)).ToListAsync(cancellationToken);
        return candidates.GroupBy(m => $"{m.Scheme}\n{m.ExternalCode}", StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    [GeneratedRegex("^[a-z0-9._-]{2,40}$")]
    private static partial Regex SchemePattern();
}
