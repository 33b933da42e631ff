using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Qala.Web.Data;
using Qala.Web.Infrastructure.Auth;
using Qala.Web.Infrastructure.Files;

namespace Qala.Web.Features.Administration.Pages;

/// <summary>Documents the administration keeps, such as scanned decrees about holiday transfers: upload and list.</summary>
[Authorize(Roles = QalaRoles.Administrator)]
[AttachmentUpload]
public sealed class FilesModel(QalaDbContext db, AttachmentStore store, IOptions<AttachmentOptions> options, IStringLocalizer<SharedResource> t) : PageModel
{
    private const int Listed = 100;

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public IReadOnlyList<Attachment> Files { get; private set; } = [];

    public AttachmentOptions Limits => options.Value;

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Upload is null)
        {
            ModelState.AddModelError(nameof(Upload), t["Choose a file."]);
        }
        else
        {
            await using var content = Upload.OpenReadStream();
            var result = await store.SaveAsync(Upload.FileName, content, cancellationToken);
            if (result.Succeeded)
            {
                TempData["Notice"] = t["The file {0} has been uploaded.", result.Attachment.FileName].Value;
                return RedirectToPage();
            }

            var error = result.Error;
            var argument = error.MaxBytes is { } limit ? Size(limit) : error.ExpectedExtension;
            ModelState.AddModelError(nameof(Upload), t[error.MessageKey, argument ?? string.Empty]);
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>A size as people read it, in the user's language: 950 bytes, 12.5 KB, 3.2 MB.</summary>
    public string Size(long bytes) => bytes switch
    {
        < 1024 => t["{0} bytes", bytes.ToString("N0", CultureInfo.CurrentCulture)],
        < 1024 * 1024 => t["{0} KB", (bytes / 1024d).ToString("0.#", CultureInfo.CurrentCulture)],
        _ => t["{0} MB", (bytes / (1024d * 1024)).ToString("#,0.#", CultureInfo.CurrentCulture)],
    };

    // Newest first: ids are version 7 GUIDs, which sort by creation time on both databases (SQLite cannot order by a
    // DateTimeOffset), and the primary key serves the order.
    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Files = await db.Set<Attachment>().AsNoTracking().OrderByDescending(a => a.Id).Take(Listed).ToListAsync(cancellationToken);
}
