using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qala.Web.Data.Audit;

namespace Qala.Web.Infrastructure.Jobs;

public enum JobState
{
    Queued,
    Running,
    Succeeded,
    Parked,
}

/// <summary>
/// A unit of background work in the database, claimed by one node at a time with a lease: a node that dies while
/// running a job lets its lease expire and another node takes the job over.
/// </summary>
public sealed class BackgroundJob : IAuditExempt
{
    public long Id { get; set; }

    /// <summary>Which <see cref="IJobHandler"/> runs it.</summary>
    public required string Kind { get; set; }

    public string? Payload { get; set; }

    public JobState State { get; set; } = JobState.Queued;

    public int Attempts { get; set; }

    public int MaxAttempts { get; set; } = 5;

    /// <summary>Not before this time: the first run, or the next try after a failure (with backoff).</summary>
    public DateTimeOffset RunAfter { get; set; }

    public string? ClaimedBy { get; set; }

    public DateTimeOffset? LeaseUntil { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }
}

/// <summary>Work that recurs: each due time becomes one queued <see cref="BackgroundJob"/>, however many nodes run.</summary>
public sealed class ScheduledJob : IAuditExempt
{
    public required string Kind { get; set; }

    public int IntervalSeconds { get; set; }

    public DateTimeOffset NextRunAt { get; set; }

    public DateTimeOffset? LastScheduledAt { get; set; }
}

internal sealed class BackgroundJobConfiguration : IEntityTypeConfiguration<BackgroundJob>, IEntityTypeConfiguration<ScheduledJob>
{
    public void Configure(EntityTypeBuilder<BackgroundJob> builder)
    {
        builder.ToTable("BackgroundJobs");
        builder.Property(j => j.Kind).HasMaxLength(100);
        builder.Property(j => j.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(j => j.ClaimedBy).HasMaxLength(200);
        builder.Property(j => j.LastError).HasMaxLength(4000);
        builder.HasIndex(j => new { j.State, j.RunAfter });
    }

    public void Configure(EntityTypeBuilder<ScheduledJob> builder)
    {
        builder.ToTable("ScheduledJobs");
        builder.HasKey(j => j.Kind);
        builder.Property(j => j.Kind).HasMaxLength(100);
    }
}
