using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Qala.Web.Data;
using Qala.Web.Tests.Infrastructure;

namespace Qala.Web.Tests;

/// <summary>
/// The hand-written migrations must build exactly the schema the model describes: a forgotten or wrong migration fails
/// here, on both providers (SQLite stores most types as TEXT, so lengths and precisions show only on PostgreSQL).
/// </summary>
public sealed class SchemaTests
{
    [Theory, ClassData(typeof(AllDatabases))]
    public async Task Migrations_build_the_schema_of_the_model(DatabaseKind kind)
    {
        await using var migrated = await QalaApp.EmptyAsync(kind);
        await using var created = await QalaApp.EmptyAsync(kind);

        var fromMigrations = await SchemaAsync(migrated, db => db.Database.MigrateAsync());
        var fromModel = await SchemaAsync(created, db => db.Database.EnsureCreatedAsync());

        fromMigrations.ShouldNotBeEmpty();
        var missing = fromModel.Except(fromMigrations).ToList();
        var extra = fromMigrations.Except(fromModel).ToList();
        (missing.Count + extra.Count).ShouldBe(0,
            $"the migrations differ from the model.\nMissing from the migrations:\n  {string.Join("\n  ", missing)}\nNot in the model:\n  {string.Join("\n  ", extra)}");
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task Migrations_go_down_and_up_again(DatabaseKind kind)
    {
        await using var app = await QalaApp.EmptyAsync(kind);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QalaDbContext>();
        var migrator = db.GetInfrastructure().GetRequiredService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>();

        await db.Database.MigrateAsync();
        await migrator.MigrateAsync("0");
        (await db.Database.GetAppliedMigrationsAsync()).ShouldBeEmpty();
        await db.Database.MigrateAsync();
        (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
    }

    private static async Task<List<string>> SchemaAsync(QalaApp app, Func<QalaDbContext, Task> build)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QalaDbContext>();
        await build(db);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        try
        {
            return app.Kind == DatabaseKind.Sqlite ? await SqliteSchemaAsync(connection) : await PostgresSchemaAsync(connection);
        }
        finally
        {
            await connection.CloseAsync();
        }
    }

    private static async Task<List<string>> SqliteSchemaAsync(DbConnection connection)
    {
        var lines = new List<string>();
        var tables = await ReadAsync(connection,
            "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__EFMigrations%'",
            r => (Name: r.GetString(0), Sql: r.GetString(1)));
        foreach (var (table, sql) in tables)
        {
            lines.Add($"table {table} autoincrement={sql.Contains("AUTOINCREMENT", StringComparison.OrdinalIgnoreCase)}");
            lines.AddRange(await ReadAsync(connection, $"PRAGMA table_info(\"{table}\")",
                r => $"column {table}.{r.GetString(1)} {r.GetString(2)} notnull={r.GetInt64(3)} pk={r.GetInt64(5)}"));
            lines.AddRange(await ReadAsync(connection, $"PRAGMA foreign_key_list(\"{table}\")",
                r => $"fk {table}.{r.GetString(3)} -> {r.GetString(2)}.{r.GetString(4)} on delete {r.GetString(6)}"));
            var indexes = await ReadAsync(connection, $"PRAGMA index_list(\"{table}\")", r => (Name: r.GetString(1), Unique: r.GetInt64(2)));
            foreach (var (index, unique) in indexes.Where(i => !i.Name.StartsWith("sqlite_autoindex", StringComparison.Ordinal)))
            {
                var columns = await ReadAsync(connection, $"PRAGMA index_info(\"{index}\")", r => r.GetString(2));
                lines.Add($"index {table}.{index} unique={unique} ({string.Join(", ", columns)})");
            }
        }

        return [.. lines.Order(StringComparer.Ordinal)];
    }

    private static async Task<List<string>> PostgresSchemaAsync(DbConnection connection)
    {
        var lines = new List<string>();
        lines.AddRange(await ReadAsync(connection,
            """
            SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, a.attidentity
            FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped AND c.relname NOT LIKE '__EFMigrations%'
            """,
            r => $"column {r.GetString(0)}.{r.GetString(1)} {r.GetString(2)} notnull={r.GetBoolean(3)} identity={r.GetValue(4)}"));
        lines.AddRange(await ReadAsync(connection,
            """
            SELECT c.relname, con.conname, pg_get_constraintdef(con.oid)
            FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relname NOT LIKE '__EFMigrations%'
            """,
            r => $"constraint {r.GetString(0)}.{r.GetString(1)} {r.GetString(2)}"));
        lines.AddRange(await ReadAsync(connection,
            "SELECT tablename, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename NOT LIKE '__EFMigrations%'",
            r => $"index {r.GetString(0)} {r.GetString(1)}"));
        return [.. lines.Order(StringComparer.Ordinal)];
    }

    private static async Task<List<T>> ReadAsync<T>(DbConnection connection, string sql, Func<DbDataReader, T> read)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
