using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qala.Web.Data.Audit;

namespace Qala.Web.Infrastructure.Email;

public enum OutboxState
{
    Pending,
    Sent,
    Failed,
}

/// <summary>
/// An e-mail written by a feature in its own transaction and sent afterwards by a job, so that a message is sent if
/// and only if the change that caused it was saved.
/// </summary>
public sealed class OutboxMessage : IAuditExempt
{
    public const int MaxAttempts = 5;

    public long Id { get; set; }

    public required string To { get; set; }

    public required string Subject { get; set; }

    public required string Body { get; set; }

    public required string Language { get; set; }

    /// <summary>
    /// The Message-ID (without angle brackets) of the letter this one answers: sent as <c>In-Reply-To</c> and
    /// <c>References</c>, so the citizen's mail program threads the answer under their letter.
    /// </summary>
    public string? InReplyTo { get; set; }

    public OutboxState State { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("OutboxMessages");
        builder.Property(m => m.To).HasMaxLength(320);
        builder.Property(m => m.Subject).HasMaxLength(400);
        builder.Property(m => m.Language).HasMaxLength(2);
        builder.Property(m => m.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.LastError).HasMaxLength(4000);
        builder.Property(m => m.InReplyTo).HasMaxLength(998);
        builder.HasIndex(m => m.State);
    }
}
