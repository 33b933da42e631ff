using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Qala.Web.Data;
using Qala.Web.Infrastructure.Calendar;
using Qala.Web.Infrastructure.Files;

namespace Qala.Web.Features.Instructions;

public enum ControlOutcome
{
    Done,
    NotFound,
    Forbidden,

    /// <summary>The workflow refused the move; <see cref="ControlResult.Reason"/> says why.</summary>
    Refused,

    /// <summary>Someone else changed the instruction since the caller read it.</summary>
    Conflict,
}

public sealed record ControlResult(ControlOutcome Outcome, string? Reason = null)
{
    public static readonly ControlResult Done = new(ControlOutcome.Done);
}

/// <summary>An action on an instruction, as a controller or an executor asks for it.</summary>
public abstract record ControlAction
{
    private protected ControlAction()
    {
    }
}

public sealed record AcceptAction(string Comment) : ControlAction;

public sealed record ReturnAction(string Comment) : ControlAction;

public sealed record ExtendAction(DateOnly Deadline, string Reason) : ControlAction;

public sealed record RefuseExtensionAction(string Reason) : ControlAction;

public sealed record RemoveAction(string Reason) : ControlAction;

public sealed record RequestExtensionAction(DateOnly Deadline, string Reason) : ControlAction;

/// <summary>Links to a program goal, a roadmap activity and an indicator of the instruction's territory; null clears one.</summary>
public sealed record LinkAction(int? GoalId, int? ActivityId, int? IndicatorId) : ControlAction;

/// <summary>The instruction's text in the three languages.</summary>
public sealed record RewordAction(string Kk, string Ru, string En) : ControlAction;

/// <summary>A report as an executor submits it; files are already in the attachment store.</summary>
public sealed record ReportAction(string Text, bool Interim, IReadOnlyList<Attachment> Files) : ControlAction;

/// <summary>
/// Applies the actions of the workflow for the pages and the API alike: who may act (controllers of the territory
/// decide; an officer of an executor agency reports and asks for extensions — any other agency is forbidden), the
/// entity's guarded move, and an optimistic-concurrency save against the version the caller read.
/// </summary>
public sealed class InstructionControl(QalaDbContext db, InstructionAccess access, InstructionLinks links, Deadlines deadlines, TimeProvider time)
{
    public async Task<Instruction?> LoadAsync(int id, CancellationToken cancellationToken) =>
        await db.Set<Instruction>().AsSplitQuery().Include(i => i.Meeting).Include(i => i.LeadAgency)
            .Include(i => i.CoExecutors).ThenInclude(c => c.Agency).Include(i => i.Reports).ThenInclude(r => r.Attachments)
            .Include(i => i.Reports).ThenInclude(r => r.Agency).Include(i => i.Events)
            .Include(i => i.Goal).Include(i => i.Activity).Include(i => i.Indicator)
            .FirstOrDefaultAsync(i => i.Id == id, cancellationToken);

    public async Task<ControlResult> ApplyAsync(ClaimsPrincipal user, int id, Guid? version, ControlAction action, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is not { } instruction)
        {
            return new(ControlOutcome.NotFound);
        }

        var by = user.Identity!.Name!;
        var at = time.GetUtcNow();
        string? refused;
        if (action is ReportAction or RequestExtensionAction)
        {
            if (await access.ReportingAgencyAsync(user) is not { } agency || !instruction.IsExecutor(agency) || !await access.CanReadAsync(user, instruction))
            {
                return new(ControlOutcome.Forbidden);
            }

            refused = action switch
            {
                ReportAction report => instruction.SubmitReport(NewReport(report), agency, by, at),
                RequestExtensionAction request => instruction.RequestExtension(request.Deadline, request.Reason.Trim(), agency, by, at),
                _ => throw new InvalidOperationException(),
            };
        }
        else
        {
            if (!await access.CanControlAsync(user, instruction.TerritoryId))
            {
                return new(ControlOutcome.Forbidden);
            }

            refused = action switch
            {
                AcceptAction accept => instruction.Accept(accept.Comment.Trim(), by, at),
                ReturnAction back => instruction.Return(back.Comment.Trim(), by, at),
                ExtendAction extend => instruction.GrantExtension(extend.Deadline, extend.Reason.Trim(), by, at),
                RefuseExtensionAction refuse => instruction.RefuseExtension(refuse.Reason.Trim(), by, at),
                RemoveAction remove => instruction.RemoveFromControl(remove.Reason.Trim(), by, at),
                LinkAction link => await links.RefusalAsync(instruction.TerritoryId, link, cancellationToken) ?? Link(link),
                RewordAction reword => instruction.Reword(reword.Kk, reword.Ru, reword.En),
                _ => throw new InvalidOperationException(),
            };
        }

        if (refused is not null)
        {
            return new(ControlOutcome.Refused, refused);
        }

        if (version is { } read)
        {
            db.Entry(instruction).Property(i => i.Version).OriginalValue = read;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new(ControlOutcome.Conflict, "Someone else changed this record while you were editing it. Reload the page and try again.");
        }

        return ControlResult.Done;

        string? Link(LinkAction link)
        {
            instruction.LinkTo(link.GoalId, link.ActivityId, link.IndicatorId);
            return null;
        }

        InstructionReport NewReport(ReportAction report)
        {
            var saved = new InstructionReport { IsInterim = report.Interim, Text = report.Text.Trim(), SubmittedOn = deadlines.Today };
            saved.Attachments.AddRange(report.Files.Select(f => new InstructionReportAttachment { AttachmentId = f.Id, FileName = f.FileName }));
            return saved;
        }
    }
}
