using System.Globalization;
using Qala.Web.Infrastructure.Commands;
using Qala.Web.Infrastructure.Imports;

namespace Qala.Web.Features.Indicators;

/// <summary>An error or warning of <c>import-indicators</c>, with its message in English.</summary>
public sealed record IndicatorImportProblem(string File, int? Row, string? Column, string? Value, string Message);

/// <summary>
/// What <c>import-indicators</c> did (or, with <c>--dry-run</c>, would do): files read, new observations stored,
/// values unchanged, values revised, and every error and warning with its file, row and column.
/// </summary>
public sealed record IndicatorImportSummary(
    int Files,
    int Observations,
    int Unchanged,
    int Revised,
    int Skipped,
    bool DryRun,
    IReadOnlyList<IndicatorImportProblem> Errors,
    IReadOnlyList<IndicatorImportProblem> Warnings)
{
    /// <summary>Whether a file was refused: its errors kept it, or its invalid rows, out of the database.</summary>
    public bool Rejected { get; init; }
}

/// <summary>
/// The verb <c>import-indicators FILE... [--dry-run] [--skip-invalid-rows]</c>: each file through the same import as
/// the pages — an open-sdg file when its name names an indicator (indicator_8-5-2.csv), otherwise the long layout —
/// each in its own transaction, all-or-nothing unless invalid rows may be skipped.
/// </summary>
public static class IndicatorImportCommand
{
    public const string DryRun = "--dry-run";
    public const string SkipInvalidRows = "--skip-invalid-rows";

    public static IReadOnlySet<string> Flags { get; } = new HashSet<string>([DryRun, SkipInvalidRows], StringComparer.Ordinal);

    public static async Task<object> RunAsync(IServiceProvider services, string[] options)
    {
        var arguments = VerbArguments.Parse(options, Flags);
        var dryRun = arguments.Flags.Contains(DryRun);
        var mode = arguments.Flags.Contains(SkipInvalidRows) ? ImportMode.SkipInvalidRows : ImportMode.AllOrNothing;
        var (observations, unchanged, revised, skipped, rejected) = (0, 0, 0, 0, false);
        var errors = new List<IndicatorImportProblem>();
        var warnings = new List<IndicatorImportProblem>();
        var scopes = services.GetRequiredService<IServiceScopeFactory>();
        foreach (var path in arguments.Positional)
        {
            var name = Path.GetFileName(path);
            if (!File.Exists(path))
            {
                errors.Add(new IndicatorImportProblem(name, null, null, path, "The file does not exist."));
                rejected = true;
                continue;
            }

            await using var scope = scopes.CreateAsyncScope();
            var report = await ImportAsync(scope.ServiceProvider, path, mode, dryRun);
            var refused = report.HasErrors && mode == ImportMode.AllOrNothing;
            if (dryRun ? !refused : report.BatchId is not null)
            {
                observations += report.Added;
                revised += report.Changed;
                unchanged += report.Unchanged;
                skipped += report.Skipped;
            }

            errors.AddRange(report.Errors.Select(e => Problem(name, e)));
            warnings.AddRange(report.Warnings.Select(w => Problem(name, w)));
            rejected |= refused || (!dryRun && report.BatchId is null);
        }

        return new IndicatorImportSummary(arguments.Positional.Count, observations, unchanged, revised, skipped, dryRun, errors, warnings) { Rejected = rejected };
    }

    private static async Task<ImportReport> ImportAsync(IServiceProvider services, string path, ImportMode mode, bool dryRun)
    {
        var importer = services.GetRequiredService<Importer>();
        return OpenSdgImport.CodeFromFileName(path) is not null
            ? await RunAsync(importer, services.GetRequiredService<OpenSdgImport>(), path, mode, dryRun)
            : await RunAsync(importer, services.GetRequiredService<LongImport>(), path, mode, dryRun);
    }

    private static async Task<ImportReport> RunAsync<TRow>(Importer importer, ImportDefinition<TRow> definition, string path, ImportMode mode, bool dryRun)
        where TRow : class
    {
        ImportUpload upload;
        await using (var file = File.OpenRead(path))
        {
            upload = await importer.UploadAsync(definition.Kind, path, file, CancellationToken.None);
        }

        var report = dryRun
            ? await importer.PreviewAsync(definition, upload, mode, CancellationToken.None)
            : await importer.CommitAsync(definition, upload, mode, CancellationToken.None);
        if (report.BatchId is null)
        {
            await importer.DiscardAsync(upload.Id, CancellationToken.None);
        }

        return report;
    }

    private static IndicatorImportProblem Problem(string file, ImportError error) =>
        new(file, error.Row, error.Column, error.Value, string.Format(CultureInfo.InvariantCulture, error.MessageKey, error.MessageArguments));
}
