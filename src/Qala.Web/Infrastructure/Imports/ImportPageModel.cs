using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qala.Web.Data;

namespace Qala.Web.Infrastructure.Imports;

/// <summary>What the shared import steps (<c>Features/Shared/_ImportSteps.cshtml</c>) show.</summary>
public interface IImportSteps
{
    ImportMode Mode { get; }

    Guid? UploadId { get; }

    ImportReport? Preview { get; }

    ImportReport? Result { get; }

    IReadOnlyList<ImportBatch> Batches { get; }

    /// <summary>The file types the upload field offers.</summary>
    string Accept { get; }
}

/// <summary>
/// The page of one import: upload → preview (what would be added, changed, left unchanged; every error) → import in
/// one transaction, and the imports so far. A feature's page derives from it, names its definition and adds its own
/// title and authorization.
/// </summary>
[ImportUpload]
public abstract class ImportPageModel<TRow>(QalaDbContext db, Importer importer, ImportDefinition<TRow> definition, IStringLocalizer<SharedResource> t)
    : PageModel, IImportSteps
    where TRow : class
{
    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public ImportMode Mode { get; set; } = ImportMode.AllOrNothing;

    [BindProperty]
    public Guid? UploadId { get; set; }

    public ImportReport? Preview { get; private set; }

    public ImportReport? Result { get; private set; }

    public IReadOnlyList<ImportBatch> Batches { get; private set; } = [];

    /// <summary>The database, for what a derived page reads besides the import.</summary>
    protected QalaDbContext Db => db;

    public virtual string Accept => ".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken cancellationToken)
    {
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), t["Choose a file that is not empty."]);
        }
        else if (Upload.Length > importer.Limits.MaxUploadBytes)
        {
            ModelState.AddModelError(nameof(Upload), t["The file is larger than {0} MB.", importer.Limits.MaxUploadMegabytes]);
        }

        if (ModelState.IsValid)
        {
            await using var stream = Upload!.OpenReadStream();
            var upload = await importer.UploadAsync(definition.Kind, Upload.FileName, stream, cancellationToken);
            UploadId = upload.Id;
            Preview = await importer.PreviewAsync(definition, upload, Mode, cancellationToken);
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostCommitAsync(CancellationToken cancellationToken)
    {
        var upload = UploadId is { } id ? await importer.FindUploadAsync(id, definition.Kind, cancellationToken) : null;
        if (upload is null)
        {
            ModelState.AddModelError(string.Empty, t["The uploaded file is no longer available. Upload it again."]);
        }
        else
        {
            Result = await importer.CommitAsync(definition, upload, Mode, cancellationToken);
            if (Result.BatchId is null)
            {
                Preview = Result;
                Result = null;
            }
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Batches = await db.Set<ImportBatch>().AsNoTracking().Where(b => b.Kind == definition.Kind)
            .OrderByDescending(b => b.Id).Take(20).ToListAsync(cancellationToken);
}
