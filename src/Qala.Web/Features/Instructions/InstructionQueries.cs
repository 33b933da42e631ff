using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Qala.Web.Data;
using Qala.Web.Features.Users;
using Qala.Web.Infrastructure.Calendar;

namespace Qala.Web.Features.Instructions;

/// <summary>What the register, the board, their exports and the API filter by; every part is optional.</summary>
public sealed record InstructionFilter
{
    public int? MeetingId { get; init; }

    public string? Chair { get; init; }

    public int? TerritoryId { get; init; }

    /// <summary>The period the deadline in force falls in.</summary>
    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    public InstructionStatus? Status { get; init; }

    /// <summary>Only the overdue ones (computed, never stored).</summary>
    public bool OverdueOnly { get; init; }

    /// <summary>Instructions this agency executes, as lead or co-executor.</summary>
    public int? AgencyId { get; init; }
}

/// <summary>One line of the register with what is computed for today.</summary>
public sealed record InstructionLine(Instruction Instruction, bool IsOverdue, int DaysLeft);

/// <summary>
/// Reads the instruction register for a user: the scope's territories, and for an agency officer only their agency's
/// instructions; overdue comes from today in Asia/Almaty.
/// </summary>
public sealed class InstructionQueries(QalaDbContext db, UserScope scope, Deadlines deadlines)
{
    /// <summary>The register's lines for <paramref name="user"/>; <paramref name="withInterimReports"/> also loads interim reports (the board counts the late ones).</summary>
    public async Task<List<InstructionLine>> ListAsync(ClaimsPrincipal user, InstructionFilter filter, CancellationToken cancellationToken, bool withInterimReports = false)
    {
        var mine = await scope.CurrentAsync(cancellationToken);
        var query = db.Set<Instruction>().AsNoTracking().AsSplitQuery().InScope(mine)
            .Include(i => i.Meeting).Include(i => i.LeadAgency).Include(i => i.CoExecutors).ThenInclude(c => c.Agency).AsQueryable();
        if (withInterimReports)
        {
            query = query.Include(i => i.Reports.Where(r => r.IsInterim));
        }

        if (!InstructionAccess.ReadsAll(user))
        {
            var agency = mine.AgencyId ?? -1;
            query = query.Where(i => i.LeadAgencyId == agency || i.CoExecutors.Any(c => c.AgencyId == agency));
        }

        if (filter.MeetingId is { } meeting)
        {
            query = query.Where(i => i.MeetingId == meeting);
        }

        if (filter.Chair is { Length: > 0 } chair)
        {
            query = query.Where(i => i.Meeting!.Chair == chair);
        }

        if (filter.TerritoryId is { } territory)
        {
            query = query.Where(i => i.TerritoryId == territory);
        }

        if (filter.From is { } from)
        {
            query = query.Where(i => i.Deadline >= from);
        }

        if (filter.To is { } to)
        {
            query = query.Where(i => i.Deadline <= to);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(i => i.Status == status);
        }

        if (filter.AgencyId is { } executor)
        {
            query = query.Where(i => i.LeadAgencyId == executor || i.CoExecutors.Any(c => c.AgencyId == executor));
        }

        var today = deadlines.Today;
        var lines = (await query.OrderBy(i => i.Deadline).ThenBy(i => i.Id).ToListAsync(cancellationToken))
            .Select(i => new InstructionLine(i, i.IsOverdueOn(today), i.Deadline.DayNumber - today.DayNumber))
            .Where(l => !filter.OverdueOnly || l.IsOverdue);

        // Overdue first, then by deadline.
        return [.. lines.OrderByDescending(l => l.IsOverdue).ThenBy(l => l.Instruction.Deadline).ThenBy(l => l.Instruction.Id)];
    }

    /// <summary>The chairs of the meetings in the user's scope, for the filter.</summary>
    public async Task<List<string>> ChairsAsync(CancellationToken cancellationToken) =>
        await db.Set<Meeting>().AsNoTracking().InScope(await scope.CurrentAsync(cancellationToken))
            .Where(m => m.Chair != "").Select(m => m.Chair).Distinct().OrderBy(c => c).ToListAsync(cancellationToken);

    public async Task<List<Meeting>> MeetingsAsync(CancellationToken cancellationToken) =>
        await db.Set<Meeting>().AsNoTracking().InScope(await scope.CurrentAsync(cancellationToken))
            .OrderByDescending(m => m.HeldOn).ThenByDescending(m => m.Id).ToListAsync(cancellationToken);
}
