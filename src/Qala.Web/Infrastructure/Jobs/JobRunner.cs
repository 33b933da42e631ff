using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Qala.Web.Data;

namespace Qala.Web.Infrastructure.Jobs;

/// <summary>Settings of the background jobs (<c>Qala:Jobs</c>).</summary>
public sealed class JobOptions
{
    /// <summary>Whether this node runs jobs at all (every node may; the database decides who runs what).</summary>
    public bool Enabled { get; set; } = true;

    public int PollSeconds { get; set; } = 5;

    /// <summary>
    /// How long a claim holds before another node may take the job over. A running job's lease is renewed every third
    /// of this, so only a node that stopped loses its jobs.
    /// </summary>
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

    /// <summary>The jobs this runner is running, each with the source that stops it when its lease is lost.</summary>
    private readonly ConcurrentDictionary<long, CancellationTokenSource> running = new();

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

    /// <summary>
    /// Extends the lease of every job this runner is running. A job whose claim another node holds by now (this node
    /// was too slow to renew) is told to stop, and nothing it did afterwards is recorded. Returns how many were renewed.
    /// </summary>
    public async Task<int> RenewLeasesAsync(CancellationToken cancellationToken)
    {
        var renewed = 0;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QalaDbContext>();
        foreach (var (id, stop) in running)
        {
            var until = time.GetUtcNow() + TimeSpan.FromSeconds(options.Value.LeaseSeconds);
            if (await db.Set<BackgroundJob>().Where(j => j.Id == id && j.ClaimedBy == Node && j.State == JobState.Running)
                    .ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseUntil, until), cancellationToken) == 1)
            {
                renewed++;
            }
            else
            {
                LogLeaseLost(logger, id);
                await stop.CancelAsync();
            }
        }

        return renewed;
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

        var job = await db.Set<BackgroundJob>().AsNoTracking().SingleAsync(j => j.Id == id, cancellationToken);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        running[id] = stop;
        (JobState State, DateTimeOffset RunAfter, DateTimeOffset? CompletedAt, string? Error) outcome;
        try
        {
            // Each run gets its own scope (and DbContext), so a handler's failure cannot leave tracked changes behind.
            await using (var work = scopes.CreateAsyncScope())
            {
                var handler = work.ServiceProvider.GetServices<IJobHandler>().FirstOrDefault(h => h.Kind == job.Kind)
                    ?? throw new InvalidOperationException($"No handler for jobs of kind '{job.Kind}'.");
                await handler.RunAsync(job.Payload, stop.Token);
            }

            outcome = (JobState.Succeeded, job.RunAfter, time.GetUtcNow(), null);
        }
        catch (Exception e) when (!stop.IsCancellationRequested)
        {
            var error = Truncate($"{e.GetType().Name}: {e.Message}");
            if (job.Attempts >= job.MaxAttempts)
            {
                outcome = (JobState.Parked, job.RunAfter, null, error);
                LogParked(logger, job.Id, job.Kind, job.Attempts, e);
            }
            else
            {
                outcome = (JobState.Queued, time.GetUtcNow() + Backoff(job.Attempts), null, error);
                LogRetry(logger, job.Id, job.Kind, job.Attempts, e);
            }
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // The lease was lost: the node that holds the claim now records the job's fate.
            return true;
        }
        finally
        {
            running.TryRemove(id, out _);
        }

        // Written only while the claim is still this runner's, so a takeover is never overwritten.
        await db.Set<BackgroundJob>().Where(j => j.Id == id && j.ClaimedBy == Node).ExecuteUpdateAsync(
            s => s.SetProperty(j => j.State, outcome.State)
                .SetProperty(j => j.RunAfter, outcome.RunAfter)
                .SetProperty(j => j.CompletedAt, outcome.CompletedAt)
                .SetProperty(j => j.LastError, outcome.Error)
                .SetProperty(j => j.ClaimedBy, (string?)null)
                .SetProperty(j => j.LeaseUntil, (DateTimeOffset?)null),
            cancellationToken);
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

    [LoggerMessage(LogLevel.Warning, "Job {JobId} lost its lease to another node; this node stops it")]
    private static partial void LogLeaseLost(ILogger logger, long jobId);
}

/// <summary>A recurring job: its kind and how often it runs.</summary>
public sealed record JobSchedule(string Kind, TimeSpan Interval, TimeSpan FirstDelay);

/// <summary>Each node's loops: every few seconds, run what is due; every third of the lease, renew the running jobs' leases.</summary>
public sealed partial class JobHost(JobRunner runner, TimeProvider time, Microsoft.Extensions.Options.IOptions<JobOptions> options, ILogger<JobHost> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        options.Value.Enabled
            ? Task.WhenAll(
                LoopAsync(TimeSpan.FromSeconds(Math.Max(1, options.Value.PollSeconds)), runner.RunDueAsync, stoppingToken),
                LoopAsync(TimeSpan.FromSeconds(Math.Max(1, options.Value.LeaseSeconds / 3)), runner.RenewLeasesAsync, stoppingToken))
            : Task.CompletedTask;

    private async Task LoopAsync(TimeSpan period, Func<CancellationToken, Task<int>> work, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(period, time);
        do
        {
            try
            {
                await work(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogLoopFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(LogLevel.Error, "A job loop failed; it tries again at the next tick")]
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
