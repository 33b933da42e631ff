using Microsoft.EntityFrameworkCore;
using Qala.Web.Data;

namespace Qala.Web.Infrastructure.Jobs;

/// <summary>Settings of the background jobs (<c>Qala:Jobs</c>).</summary>
public sealed class JobOptions
{
    /// <summary>Whether this node runs jobs at all (every node may; the database decides who runs what).</summary>
    public bool Enabled { get; set; } = true;

    public int PollSeconds { get; set; } = 5;

    /// <summary>How long a claim holds before another node may take the job over.</summary>
    public int LeaseSeconds { get; set; } = 300;
}

/// <summary>
/// Turns due schedules into queued jobs and runs queued jobs until none is due. Called by each node's
/// <see cref="JobHost"/>; any number of runners may work on one database at once.
/// </summary>
public sealed partial class JobRunner(
    IServiceScopeFactory scopes,
    IEnumerable<JobSchedule> schedules,
    TimeProvider time,
    Microsoft.Extensions.Options.IOptions<JobOptions> options,
    ILogger<JobRunner> logger)
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromHours(1);
    /// <summary>Who holds a claim: machine, process and this runner, so that a log line points at one node.</summary>
    public string Node { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>Runs everything that is due now; returns how many jobs this runner ran.</summary>
    public async Task<int> RunDueAsync(CancellationToken cancellationToken)
    {
        await ScheduleDueAsync(cancellationToken);
        var ran = 0;
        while (!cancellationToken.IsCancellationRequested && await RunOneAsync(cancellationToken))
        {
            ran++;
        }

        return ran;
    }

    private async Task ScheduleDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QalaDbContext>();
        var now = time.GetUtcNow();
        var existing = await db.Set<ScheduledJob>().AsNoTracking().ToDictionaryAsync(s => s.Kind, StringComparer.Ordinal, cancellationToken);
        foreach (var schedule in schedules.Where(s => !existing.ContainsKey(s.Kind)))
        {
            db.Add(new ScheduledJob { Kind = schedule.Kind, IntervalSeconds = (int)schedule.Interval.TotalSeconds, NextRunAt = now + schedule.FirstDelay });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another node registered the schedule first.
                db.ChangeTracker.Clear();
            }
        }

        foreach (var due in existing.Values.Where(s => s.NextRunAt <= now))
        {
            var next = now + TimeSpan.FromSeconds(Math.Max(1, due.IntervalSeconds));
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (await JobClaims.TakeScheduleAsync(db, due.Kind, due.NextRunAt, next, now, cancellationToken))
            {
                scope.ServiceProvider.GetRequiredService<JobScheduler>().Enqueue(due.Kind);
                await db.SaveChangesAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
    }

    private async Task<bool> RunOneAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QalaDbContext>();
        var lease = TimeSpan.FromSeconds(options.Value.LeaseSeconds);
        if (await JobClaims.ClaimNextAsync(db, Node, time.GetUtcNow(), lease, cancellationToken) is not { } id)
        {
            return false;
        }

        var job = await db.Set<BackgroundJob>().SingleAsync(j => j.Id == id, cancellationToken);
        try
        {
            // Each run gets its own scope (and DbContext), so a handler's failure cannot leave tracked changes behind.
            await using (var work = scopes.CreateAsyncScope())
            {
                var handler = work.ServiceProvider.GetServices<IJobHandler>().FirstOrDefault(h => h.Kind == job.Kind)
                    ?? throw new InvalidOperationException($"No handler for jobs of kind '{job.Kind}'.");
                await handler.RunAsync(job.Payload, cancellationToken);
            }

            job.State = JobState.Succeeded;
            job.CompletedAt = time.GetUtcNow();
            job.LastError = null;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            job.LastError = Truncate($"{e.GetType().Name}: {e.Message}");
            if (job.Attempts >= job.MaxAttempts)
            {
                job.State = JobState.Parked;
                LogParked(logger, job.Id, job.Kind, job.Attempts, e);
            }
            else
            {
                job.State = JobState.Queued;
                job.RunAfter = time.GetUtcNow() + Backoff(job.Attempts);
                LogRetry(logger, job.Id, job.Kind, job.Attempts, e);
            }
        }

        job.ClaimedBy = null;
        job.LeaseUntil = null;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>30 s, 1 min, 2 min, 4 min… up to an hour.</summary>
    public static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(MaxBackoff.TotalSeconds, 30 * Math.Pow(2, Math.Max(0, attempts - 1))));

    private static string Truncate(string text) => text.Length <= 4000 ? text : text[..4000];

    [LoggerMessage(LogLevel.Warning, "Job {JobId} ({Kind}) failed on attempt {Attempt}; it will be retried")]
    private static partial void LogRetry(ILogger logger, long jobId, string kind, int attempt, Exception exception);

    [LoggerMessage(LogLevel.Error, "Job {JobId} ({Kind}) failed {Attempts} times and is parked")]
    private static partial void LogParked(ILogger logger, long jobId, string kind, int attempts, Exception exception);
}

/// <summary>A recurring job: its kind and how often it runs.</summary>
public sealed record JobSchedule(string Kind, TimeSpan Interval, TimeSpan FirstDelay);

/// <summary>Each node's loop: every few seconds, run what is due.</summary>
public sealed partial class JobHost(JobRunner runner, TimeProvider time, Microsoft.Extensions.Options.IOptions<JobOptions> options, ILogger<JobHost> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.PollSeconds)), time);
        do
        {
            try
            {
                await runner.RunDueAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogLoopFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(LogLevel.Error, "The job loop failed; it tries again at the next tick")]
    private static partial void LogLoopFailed(ILogger logger, Exception exception);
}

public static class JobServices
{
    public static IHostApplicationBuilder AddQalaJobs(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<JobOptions>(builder.Configuration.GetSection("Qala:Jobs"));
        builder.Services.AddScoped<JobScheduler>();
        builder.Services.AddSingleton<JobRunner>();
        builder.Services.AddHostedService<JobHost>();
        return builder;
    }

    /// <summary>Registers a job handler (scoped: it may use the DbContext) and, optionally, its schedule.</summary>
    public static IServiceCollection AddJob<THandler>(this IServiceCollection services, JobSchedule? schedule = null)
        where THandler : class, IJobHandler
    {
        services.AddScoped<IJobHandler, THandler>();
        if (schedule is not null)
        {
            services.AddSingleton(schedule);
        }

        return services;
    }
}
