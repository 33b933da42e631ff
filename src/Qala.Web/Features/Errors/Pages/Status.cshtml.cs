using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Qala.Web.Features.Errors.Pages;

/// <summary>The page shown for 403, 404 and 500, in the user's language; the status code stays as it was.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    public int Code { get; private set; }

    // From the route only: a re-executed POST carries the original form, which may have a field named "code".
    public void OnGet([FromRoute] int code) => Show(code);

    public void OnPost([FromRoute] int code) => Show(code);

    private void Show(int code)
    {
        Code = code is >= 400 and <= 599 ? code : 404;
        Response.StatusCode = Code;
    }
}
