using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Qala.Web.Infrastructure.Auth;

namespace Qala.Web.Features.Instructions.Pages;

/// <summary>An agency officer's instructions: those their agency executes, open ones first, overdue at the top.</summary>
[Authorize(Roles = QalaRoles.AgencyOfficer)]
public sealed class MineModel(InstructionQueries queries) : PageModel
{
    public IReadOnlyList<InstructionLine> Open { get; private set; } = [];

    public IReadOnlyList<InstructionLine> Closed { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var lines = await queries.ListAsync(User, new InstructionFilter(), cancellationToken);
        Open = [.. lines.Where(l => !l.Instruction.IsClosed)];
        Closed = [.. lines.Where(l => l.Instruction.IsClosed)];
    }
}
