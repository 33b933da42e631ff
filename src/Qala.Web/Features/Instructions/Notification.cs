using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qala.Web.Data.Audit;
using Qala.Web.Infrastructure.Auth;

namespace Qala.Web.Features.Instructions;

/// <summary>
/// A message for one user inside Qala (the notifications page and the counter in the header), written in the
/// user's language when it is created. Machine-made and read only by its user, so it is not audited; the reminder
/// that caused it is.
/// </summary>
public sealed class Notification : IAuditExempt
{
    public const int TextLength = 1000;

    public long Id { get; set; }

    public required string UserId { get; set; }

    public required string Text { get; set; }

    /// <summary>Where the notification leads, a local path.</summary>
    public string Link { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ReadAt { get; set; }
}

/// <summary>What a reminder is about.</summary>
public enum ReminderKind
{
    DueSoon,
    Overdue,
    InterimDue,
}

/// <summary>
/// The proof that a reminder went out: one row per instruction, kind and day, unique, written in the same
/// transaction as its notifications and e-mails. A second job run (or node) that tries the same reminder fails on
/// the key and sends nothing.
/// </summary>
public sealed class InstructionReminder
{
    public long Id { get; set; }

    public int InstructionId { get; set; }

    public ReminderKind Kind { get; set; }

    /// <summary>The day the reminder is for: the deadline (due soon, interim) or the day of the overdue reminder.</summary>
    public DateOnly On { get; set; }

    public DateTimeOffset SentAt { get; set; }

    public int Recipients { get; set; }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>, IEntityTypeConfiguration<InstructionReminder>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("Notifications");
        builder.Property(n => n.Text).HasMaxLength(Notification.TextLength);
        builder.Property(n => n.Link).HasMaxLength(300);
        builder.HasIndex(n => new { n.UserId, n.ReadAt });
        builder.HasOne<QalaUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<InstructionReminder> builder)
    {
        builder.ToTable("InstructionReminders");
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(r => new { r.InstructionId, r.Kind, r.On }).IsUnique();
        builder.HasOne<Instruction>().WithMany().HasForeignKey(r => r.InstructionId).OnDelete(DeleteBehavior.Cascade);
    }
}
