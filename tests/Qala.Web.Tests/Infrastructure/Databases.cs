using Npgsql;

namespace Qala.Web.Tests.Infrastructure;

public enum DatabaseKind
{
    Sqlite,
    Postgres,
}

/// <summary>Every integration test runs once per database: <c>[Theory, ClassData(typeof(AllDatabases))]</c>.</summary>
public sealed class AllDatabases : TheoryData<DatabaseKind>
{
    public AllDatabases()
    {
        Add(DatabaseKind.Sqlite);
        Add(DatabaseKind.Postgres);
    }
}

/// <summary>
/// The PostgreSQL server of the test run, given by <c>QALA_TEST_POSTGRES</c> (a connection string without a database).
/// Without it the PostgreSQL lane is skipped with a message, except under CI (<c>CI=true</c>), where it fails.
/// </summary>
public static class PostgresServer
{
    public const string Variable = "QALA_TEST_POSTGRES";

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } s ? s : null;

    public static string Require()
    {
        if (ConnectionString is { } connectionString)
        {
            return connectionString;
        }

        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"CI=true but {Variable} is not set: the PostgreSQL lane must run in CI.");
        }

        Assert.Skip($"PostgreSQL lane skipped: set {Variable} (e.g. Host=127.0.0.1;Port=55432;Username=postgres) to run it.");
        return null!;
    }

    public static string ForDatabase(string database, bool pooling = true) =>
        new NpgsqlConnectionStringBuilder(Require()) { Database = database, Pooling = pooling }.ToString();

    public static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Require()) { Database = "postgres", Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public static async Task DropDatabaseAsync(string database)
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
    }

    public static string NewDatabaseName(string prefix) => $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 33, 63)];
}
