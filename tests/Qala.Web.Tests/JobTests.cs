using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Qala.Web.Data;
using Qala.Web.Infrastructure.Jobs;
using Qala.Web.Tests.Infrastructure;

namespace Qala.Web.Tests;

public sealed class JobTests
{
    /// <summary>Records which job ran on which node; shared by the nodes of one test through the static map.</summary>
    private sealed class CountingJob : IJobHandler
    {
        public static readonly ConcurrentDictionary<string, ConcurrentBag<string>> Runs = new();

        public string Kind => "test-count";

        public Task RunAsync(string? payload, CancellationToken cancellationToken)
        {
            var (test, item) = (payload!.Split('/')[0], payload.Split('/')[1]);
            Runs.GetOrAdd(test, _ => []).Add(item);
            return Task.CompletedTask;
        }
    }

    private sealed class FailingJob : IJobHandler
    {
        public string Kind => "test-fail";

        public Task RunAsync(string? payload, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("the statistics server is down");
    }

    /// <summary>Runs until the test lets it finish (or its lease is lost); a second run of the same payload returns at once.</summary>
    private sealed class LongJob : IJobHandler
    {
        public static readonly ConcurrentDictionary<string, (TaskCompletionSource Started, TaskCompletionSource Finish, ConcurrentBag<string> Runs)> Tests = new();

        public string Kind => "test-long";

        public async Task RunAsync(string? payload, CancellationToken cancellationToken)
        {
            var (started, finish, runs) = Tests[payload!];
            runs.Add(runs.IsEmpty ? "first" : "again");
            if (runs.Count == 1)
            {
                started.SetResult();
                await finish.Task.WaitAsync(cancellationToken);
            }
        }
    }

    private static async Task<long> EnqueueAsync(QalaApp app, string kind, string payload)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var job = scope.ServiceProvider.GetRequiredService<JobScheduler>().Enqueue(kind, payload);
        await scope.ServiceProvider.GetRequiredService<QalaDbContext>().SaveChangesAsync();
        return job.Id;
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task A_long_job_keeps_its_lease_while_it_runs_and_a_job_whose_lease_was_taken_over_records_nothing(DatabaseKind kind)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
        // A lease short enough that no scheduled job (the first is ten minutes away) falls due during the test.
        await using var first = await QalaApp.StartAsync(kind, new Dictionary<string, string?> { ["Qala:Jobs:LeaseSeconds"] = "60" }, s =>
        {
            s.AddSingleton<TimeProvider>(clock);
            s.AddJob<LongJob>();
        });
        await using var second = first.SecondNode();
        var (one, two) = (first.Services.GetRequiredService<JobRunner>(), second.Services.GetRequiredService<JobRunner>());
        var lease = TimeSpan.FromSeconds(60);

        var payload = Guid.NewGuid().ToString("N");
        LongJob.Tests[payload] = (new(TaskCreationOptions.RunContinuationsAsynchronously), new(TaskCreationOptions.RunContinuationsAsynchronously), []);
        var id = await EnqueueAsync(first, "test-long", payload);
        var running = one.RunDueAsync(CancellationToken.None);
        await LongJob.Tests[payload].Started.Task;
        for (var i = 0; i < 4; i++)
        {
            clock.Advance(lease / 3);
            (await one.RenewLeasesAsync(CancellationToken.None)).ShouldBe(1);
            (await two.RunDueAsync(CancellationToken.None)).ShouldBe(0, "the lease is renewed, so the other node leaves the job alone");
        }

        (await first.QueryAsync(db => db.Set<BackgroundJob>().SingleAsync(j => j.Id == id))).LeaseUntil.ShouldBe(clock.GetUtcNow() + lease);
        LongJob.Tests[payload].Finish.SetResult();
        (await running).ShouldBe(1);
        var done = await first.QueryAsync(db => db.Set<BackgroundJob>().SingleAsync(j => j.Id == id));
        (done.State, done.Attempts, done.ClaimedBy).ShouldBe((JobState.Succeeded, 1, null));
        LongJob.Tests[payload].Runs.ShouldBe(["first"]);

        var lost = Guid.NewGuid().ToString("N");
        LongJob.Tests[lost] = (new(TaskCreationOptions.RunContinuationsAsynchronously), new(TaskCreationOptions.RunContinuationsAsynchronously), []);
        var lostId = await EnqueueAsync(first, "test-long", lost);
        var stalled = one.RunDueAsync(CancellationToken.None);
        await LongJob.Tests[lost].Started.Task;
        clock.Advance(lease + TimeSpan.FromSeconds(1));
        (await two.RunDueAsync(CancellationToken.None)).ShouldBe(1, "a lease not renewed in time is taken over");
        (await one.RenewLeasesAsync(CancellationToken.None)).ShouldBe(0);
        (await stalled).ShouldBe(1, "the first node stops the job it no longer holds");
        var taken = await first.QueryAsync(db => db.Set<BackgroundJob>().SingleAsync(j => j.Id == lostId));
        (taken.State, taken.Attempts).ShouldBe((JobState.Succeeded, 2));
        LongJob.Tests[lost].Runs.Count.ShouldBe(2);
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task Two_nodes_on_one_database_run_each_job_exactly_once(DatabaseKind kind)
    {
        var test = Guid.NewGuid().ToString("N");
        await using var first = await QalaApp.StartAsync(kind, services: s => s.AddJob<CountingJob>());
        await using var second = first.SecondNode();
        await using (var scope = first.Services.CreateAsyncScope())
        {
            var jobs = scope.ServiceProvider.GetRequiredService<JobScheduler>();
            for (var i = 0; i < 40; i++)
            {
                jobs.Enqueue("test-count", $"{test}/{i}");
            }

            await scope.ServiceProvider.GetRequiredService<QalaDbContext>().SaveChangesAsync();
        }

        var ran = await Task.WhenAll(
            first.Services.GetRequiredService<JobRunner>().RunDueAsync(CancellationToken.None),
            second.Services.GetRequiredService<JobRunner>().RunDueAsync(CancellationToken.None),
            first.Services.GetRequiredService<JobRunner>().RunDueAsync(CancellationToken.None));

        ran.Sum().ShouldBe(40);
        CountingJob.Runs[test].Order().ShouldBe(Enumerable.Range(0, 40).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).Order());
        (await first.QueryAsync(db => db.Set<BackgroundJob>().CountAsync(j => j.Kind == "test-count" && j.State == JobState.Succeeded && j.Attempts == 1))).ShouldBe(40);
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task A_job_that_always_fails_is_retried_with_backoff_then_parked_and_shown(DatabaseKind kind)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
        await using var app = await QalaApp.StartAsync(kind, services: s =>
        {
            s.AddSingleton<TimeProvider>(clock);
            s.AddJob<FailingJob>();
        });
        var runner = app.Services.GetRequiredService<JobRunner>();
        long id;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var job = scope.ServiceProvider.GetRequiredService<JobScheduler>().Enqueue("test-fail", maxAttempts: 3);
            await scope.ServiceProvider.GetRequiredService<QalaDbContext>().SaveChangesAsync();
            id = job.Id;
        }

        (await runner.RunDueAsync(CancellationToken.None)).ShouldBe(1);
        (await runner.RunDueAsync(CancellationToken.None)).ShouldBe(0, "the retry waits for its backoff");
        clock.Advance(JobRunner.Backoff(1));
        (await runner.RunDueAsync(CancellationToken.None)).ShouldBe(1);
        clock.Advance(JobRunner.Backoff(2));
        (await runner.RunDueAsync(CancellationToken.None)).ShouldBe(1);
        clock.Advance(TimeSpan.FromDays(1));
        await runner.RunDueAsync(CancellationToken.None);

        var parked = await app.QueryAsync(db => db.Set<BackgroundJob>().SingleAsync(j => j.Id == id));
        parked.State.ShouldBe(JobState.Parked);
        parked.Attempts.ShouldBe(3, "a parked job is not run again by itself");
        parked.LastError.ShouldBe("InvalidOperationException: the statistics server is down");

        var admin = await app.SignedInAsync();
        var page = await admin.PageAsync("/admin/jobs");
        var row = page.QuerySelectorAll("#jobs tbody tr").Single(r => r.TextContent.Contains("test-fail", StringComparison.Ordinal));
        row.ClassList.ShouldContain("table-danger");
        row.TextContent.ShouldContain("the statistics server is down");

        var retried = await admin.SubmitAsync(row.QuerySelector("form") as AngleSharp.Html.Dom.IHtmlFormElement ?? throw new InvalidOperationException("no retry form"), []);
        retried.StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);
        await runner.RunDueAsync(CancellationToken.None);
        (await app.QueryAsync(db => db.Set<BackgroundJob>().SingleAsync(j => j.Id == id))).Attempts.ShouldBe(4);
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task Schedules_queue_one_run_per_due_time_across_nodes(DatabaseKind kind)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
        await using var first = await QalaApp.StartAsync(kind, services: s => s.AddSingleton<TimeProvider>(clock));
        await using var second = first.SecondNode();
        var runners = new[] { first, second, first }.Select(a => a.Services.GetRequiredService<JobRunner>()).ToList();

        await Task.WhenAll(runners.Select(r => r.RunDueAsync(CancellationToken.None)));
        clock.Advance(AuditVerificationJob.Schedule.FirstDelay);
        await Task.WhenAll(runners.Select(r => r.RunDueAsync(CancellationToken.None)));
        await Task.WhenAll(runners.Select(r => r.RunDueAsync(CancellationToken.None)));

        var runs = await first.QueryAsync(db => db.Set<BackgroundJob>().Where(j => j.Kind == AuditVerificationJob.JobKind).ToListAsync());
        runs.Count.ShouldBe(1);
        runs[0].State.ShouldBe(JobState.Succeeded);
        var schedule = await first.QueryAsync(db => db.Set<ScheduledJob>().SingleAsync(s => s.Kind == AuditVerificationJob.JobKind));
        schedule.NextRunAt.ShouldBe(clock.GetUtcNow() + AuditVerificationJob.Schedule.Interval);
    }
}
