using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Qala.Web.Features.Users;
using Qala.Web.Infrastructure.Privacy;

namespace Qala.Web.Features.Administration.Pages;

/// <summary>A person's request: what does Qala hold about me (as a file), and erase it.</summary>
[Authorize(Policy = ScopePolicies.NationalAdministrator)]
public sealed class PersonalDataModel(PersonalDataRequests requests, IStringLocalizer<SharedResource> t) : PageModel
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    [BindProperty(SupportsGet = true)]
    [EmailAddress(ErrorMessage = "This e-mail address is not valid.")]
    public string? Email { get; set; }

    public IReadOnlyList<PersonalDataRecord>? Records { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(Email) && ModelState.IsValid)
        {
            Records = await requests.FindAsync(Email, cancellationToken);
        }
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Email) || !ModelState.IsValid)
        {
            return BadRequest();
        }

        var records = await requests.FindAsync(Email, cancellationToken);
        return File(JsonSerializer.SerializeToUtf8Bytes(new { email = Email, records }, Json), "application/json", "personal-data.json");
    }

    public async Task<IActionResult> OnPostEraseAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Email) || !ModelState.IsValid)
        {
            return BadRequest();
        }

        var erased = await requests.EraseAsync(Email, cancellationToken);
        TempData["Notice"] = t["{0} records about this person were erased.", erased].Value;
        return RedirectToPage(new { email = Email });
    }
}
