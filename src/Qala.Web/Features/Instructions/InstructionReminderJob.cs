using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qala.Engine.Languages;
using Qala.Web.Data;
using Qala.Web.Infrastructure.Calendar;
using Qala.Web.Infrastructure.Email;
using Qala.Web.Infrastructure.Jobs;
using Qala.Web.Infrastructure.Localization;

namespace Qala.Web.Features.Instructions;

/// <summary>
/// Every day: reminds the executors of instructions due within <c>Qala:Instructions:ReminderWorkingDays</c> working
/// days (3 unless set; the platform's working-day calendar), of interim reports due as soon, and of instructions
/// overdue — in Qala (a notification to each officer of an executor agency) and by e-mail through the outbox. Each
/// reminder (instruction, kind, day) is sent once: it is saved with a unique key in the same transaction as its
/// notifications and e-mails, so a second run or another node that tries it fails on the key and sends nothing, and
/// a run that stops halfway leaves the rest for the next run. Demonstration instructions remind nobody.
/// </summary>
public sealed class InstructionReminderJob(
    QalaDbContext db, Deadlines deadlines, Outbox outbox, TimeProvider time, IConfiguration configuration, IStringLocalizer<SharedResource> t) : IJobHandler
{
    public const string JobKind = "instruction-reminders";

    public static readonly JobSchedule Schedule = new(JobKind, TimeSpan.FromDays(1), TimeSpan.FromMinutes(15));

    public string Kind => JobKind;

    public async Task RunAsync(string? payload, CancellationToken cancellationToken)
    {
        var today = deadlines.Today;
        var calendar = await deadlines.CalendarAsync(cancellationToken);
        var horizon = calendar.AddWorkingDays(today, configuration.GetValue("Qala:Instructions:ReminderWorkingDays", 3));
        var open = await db.Set<Instruction>().AsNoTracking().AsSplitQuery()
            .Where(i => !i.IsDemo)
            .Where(i => i.Status == InstructionStatus.OnControl || i.Status == InstructionStatus.Returned || i.Status == InstructionStatus.ExtensionRequested)
            .Include(i => i.Meeting).Include(i => i.CoExecutors).Include(i => i.Reports)
            .OrderBy(i => i.Id).ToListAsync(cancellationToken);
        var sent = (await db.Set<InstructionReminder>().AsNoTracking().Select(r => new { r.InstructionId, r.Kind, r.On }).ToListAsync(cancellationToken))
            .Select(r => (r.InstructionId, r.Kind, r.On)).ToHashSet();

        foreach (var instruction in open)
        {
            var due = new List<(ReminderKind Kind, DateOnly On)>();
            if (instruction.IsOverdueOn(today))
            {
                due.Add((ReminderKind.Overdue, instruction.Deadline));
            }
            else if (instruction.Deadline <= horizon)
            {
                due.Add((ReminderKind.DueSoon, instruction.Deadline));
            }

            due.AddRange(instruction.InterimDueDates(instruction.Meeting!.HeldOn).Where(d => d >= today && d <= horizon).Select(d => (ReminderKind.InterimDue, d)));
            foreach (var (kind, on) in due.Where(d => !sent.Contains((instruction.Id, d.Kind, d.On))))
            {
                await SendAsync(instruction, kind, on, cancellationToken);
            }
        }
    }

    private async Task SendAsync(Instruction instruction, ReminderKind kind, DateOnly on, CancellationToken cancellationToken)
    {
        var agencies = instruction.CoExecutors.Select(c => c.AgencyId).Append(instruction.LeadAgencyId ?? -1).ToArray();
        var users = await db.Users.AsNoTracking().Where(u => u.AgencyId != null && agencies.Contains(u.AgencyId.Value)).OrderBy(u => u.Id).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Add(new InstructionReminder { InstructionId = instruction.Id, Kind = kind, On = on, SentAt = now, Recipients = users.Count });
        var (previousUi, previous) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        try
        {
            foreach (var user in users)
            {
                var language = LanguageCodes.Parse(user.Language) ?? Language.Kk;
                CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = QalaCultures.For(language);
                var text = kind switch
                {
                    ReminderKind.DueSoon => t["Instruction {0} of the meeting of {1} is due on {2}.", instruction.Number, instruction.Meeting!.HeldOn, on],
                    ReminderKind.Overdue => t["Instruction {0} of the meeting of {1} is overdue: its deadline was {2}.", instruction.Number, instruction.Meeting!.HeldOn, on],
                    _ => t["An interim report on instruction {0} of the meeting of {1} is due on {2}.", instruction.Number, instruction.Meeting!.HeldOn, on],
                };
                db.Add(new Notification { UserId = user.Id, Text = text, Link = $"/instructions/{instruction.Id}", CreatedAt = now });
                if (!string.IsNullOrEmpty(user.Email))
                {
                    outbox.Enqueue(user.Email, t["Qala: an instruction needs your attention"], $"{text}\n\n{instruction.Text.In(language)}", language.Code());
                }
            }
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (previousUi, previous);
        }

        try
        {
            await outbox.SaveAndScheduleAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another run sent this reminder first: its key is taken, and nothing of this attempt is kept.
            await transaction.RollbackAsync(cancellationToken);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}
