using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Qala.Web.Data;

namespace Qala.Web.Infrastructure.Jobs;

/// <summary>What a job does. Handlers are registered by kind; a handler that throws is retried with backoff.</summary>
public interface IJobHandler
{
    string Kind { get; }

    Task RunAsync(string? payload, CancellationToken cancellationToken);
}

/// <summary>Adds work to the queue, in the caller's transaction when it has one.</summary>
public sealed class JobScheduler(QalaDbContext db, TimeProvider time)
{
    public BackgroundJob Enqueue(string kind, string? payload = null, int maxAttempts = 5, DateTimeOffset? runAfter = null)
    {
        var now = time.GetUtcNow();
        var job = new BackgroundJob { Kind = kind, Payload = payload, MaxAttempts = maxAttempts, RunAfter = runAfter ?? now, CreatedAt = now };
        db.Add(job);
        return job;
    }
}

/// <summary>
/// The two statements that make jobs safe on several nodes, one per provider: claiming the next due job, and turning
/// a due schedule into a queued job. Each is a single atomic statement; PostgreSQL skips rows other nodes have locked,
/// SQLite serialises writers.
/// </summary>
internal static class JobClaims
{
    public static async Task<long?> ClaimNextAsync(QalaDbContext db, string node, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        // A job whose node died on its last attempt (its lease ran out) is parked, not tried forever.
        await db.Database.ExecuteSqlRawAsync(
            """
            UPDATE "BackgroundJobs" SET "State" = 'Parked', "ClaimedBy" = NULL, "LastError" = 'The node running it stopped before it finished.'
            WHERE "State" = 'Running' AND "LeaseUntil" < {0} AND "Attempts" >= "MaxAttempts"
            """,
            [now],
            cancellationToken);
        var skipLocked = db.Database.IsNpgsql() ? "FOR UPDATE SKIP LOCKED" : "";
        var sql = $"""
            UPDATE "BackgroundJobs"
            SET "State" = 'Running', "ClaimedBy" = @node, "LeaseUntil" = @lease, "Attempts" = "Attempts" + 1
            WHERE "Id" = (
                SELECT "Id" FROM "BackgroundJobs"
                WHERE ("State" = 'Queued' AND "RunAfter" <= @now) OR ("State" = 'Running' AND "LeaseUntil" < @now AND "Attempts" < "MaxAttempts")
                ORDER BY "Id"
                LIMIT 1
                {skipLocked})
            RETURNING "Id"
            """;
        return await ScalarAsync(db, sql, cancellationToken, ("node", node), ("lease", now + lease), ("now", now));
    }

    /// <summary>Moves a due schedule forward; only the node whose update succeeds enqueues the run.</summary>
    public static async Task<bool> TakeScheduleAsync(
        QalaDbContext db, string kind, DateTimeOffset dueAt, DateTimeOffset next, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlRawAsync(
            """UPDATE "ScheduledJobs" SET "NextRunAt" = {0}, "LastScheduledAt" = {1} WHERE "Kind" = {2} AND "NextRunAt" = {3}""",
            [next, now, kind, dueAt], cancellationToken) == 1;

    private static async Task<long?> ScalarAsync(QalaDbContext db, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(cancellationToken);
        }

        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            foreach (var (name, value) in parameters)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value;
                command.Parameters.Add(parameter);
            }

            return await command.ExecuteScalarAsync(cancellationToken) is { } id and not DBNull ? Convert.ToInt64(id, System.Globalization.CultureInfo.InvariantCulture) : null;
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }
}
