using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Qala.Web.Tests.Infrastructure;

namespace Qala.Web.Tests;

public sealed class OperationsTests
{
    [Theory, ClassData(typeof(AllDatabases))]
    public async Task Health_reports_the_database(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);

        var response = await app.Browser().GetAsync("/health");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var health = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        health.GetProperty("status").GetString().ShouldBe("Healthy");
        health.GetProperty("checks").GetProperty("database").GetProperty("status").GetString().ShouldBe("Healthy");
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task The_API_is_described_by_OpenAPI(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);

        var document = JsonDocument.Parse(await app.Browser().GetStringAsync("/openapi/v1.json")).RootElement;

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.ShouldContain("/api/v1/territories");
        paths.ShouldContain("/api/v1/territories/{code}");
        paths.ShouldContain("/api/v1/agencies");
        paths.ShouldContain("/api/v1/facts");
        (await app.Browser().GetAsync("/api/docs/index.html")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task The_migrate_verb_prints_JSON_on_stdout_and_logs_on_stderr(DatabaseKind kind)
    {
        var environment = new Dictionary<string, string>();
        string? database = null;
        var directory = Directory.CreateTempSubdirectory("qala-verb-").FullName;
        if (kind == DatabaseKind.Postgres)
        {
            database = PostgresServer.NewDatabaseName("qala_verb");
            await PostgresServer.ExecuteAsync($"CREATE DATABASE \"{database}\"");
            environment["Qala__Database__Provider"] = "postgres";
            environment["ConnectionStrings__Qala"] = PostgresServer.ForDatabase(database, pooling: false);
        }
        else
        {
            environment["Qala__DataDirectory"] = directory;
        }

        try
        {
            var (exit, stdout, stderr) = await QalaProcess.RunAsync(["migrate"], environment);

            exit.ShouldBe(0, stderr);
            var result = JsonDocument.Parse(stdout).RootElement;
            result.GetProperty("provider").GetString().ShouldBe(kind == DatabaseKind.Postgres ? "postgres" : "sqlite");
            result.GetProperty("appliedMigrations").GetArrayLength().ShouldBeGreaterThan(0);
            result.GetProperty("referenceDataLoaded").GetBoolean().ShouldBeTrue();
            result.GetProperty("demoDataLoaded").GetBoolean().ShouldBe(kind == DatabaseKind.Sqlite, "demo data is on by default only with SQLite");
            result.GetProperty("administratorCreated").GetBoolean().ShouldBeTrue();
            stderr.ShouldContain("one-time password", Case.Insensitive, "without QALA_ADMIN_PASSWORD a one-time password is printed once");
            stderr.ShouldContain("Database ready");

            var (again, secondOut, secondErr) = await QalaProcess.RunAsync(["migrate"], environment);
            again.ShouldBe(0, secondErr);
            JsonDocument.Parse(secondOut).RootElement.GetProperty("appliedMigrations").GetArrayLength().ShouldBe(0);
            secondErr.ShouldNotContain("one-time password", Case.Insensitive);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
            if (database is not null)
            {
                await PostgresServer.DropDatabaseAsync(database);
            }
        }
    }

    [Theory]
    [InlineData("Qala__Database__Provider=oracle", "Qala:Database:Provider")]
    [InlineData("Qala__Database__Provider=postgres", "ConnectionStrings:Qala")]
    [InlineData("Qala__Database__MigrateOnStartup=perhaps", "Qala:Database:MigrateOnStartup")]
    public async Task Wrong_database_settings_stop_with_a_message_that_names_the_setting(string setting, string named)
    {
        var (key, value) = (setting.Split('=')[0], setting.Split('=')[1]);

        var (exit, _, stderr) = await QalaProcess.RunAsync(["migrate"], new() { [key] = value });

        exit.ShouldBe(1);
        stderr.ShouldContain(named);
        stderr.ShouldNotContain("   at ", Case.Sensitive, "a configuration mistake is explained, not dumped as a stack trace");
    }

    [Fact]
    public async Task An_unreachable_PostgreSQL_server_is_named_in_the_message()
    {
        var (exit, _, stderr) = await QalaProcess.RunAsync(["migrate"], new()
        {
            ["Qala__Database__Provider"] = "postgres",
            ["ConnectionStrings__Qala"] = "Host=127.0.0.1;Port=1;Database=qala;Username=qala;Timeout=3",
        });

        exit.ShouldBe(1);
        stderr.ShouldContain("ConnectionStrings:Qala");
    }

    [Fact]
    public async Task Help_lists_the_verbs()
    {
        var (exit, stdout, _) = await QalaProcess.RunAsync(["--help"], []);

        exit.ShouldBe(0);
        stdout.ShouldContain("migrate");
        stdout.ShouldContain("model-diff");
        stdout.ShouldContain("QALA_ADMIN_PASSWORD");
    }
}

/// <summary>Runs the built Qala.Web as its own process, the way an operator does.</summary>
internal static class QalaProcess
{
    public static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(string[] args, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(typeof(Program).Assembly.Location)!,
        };
        start.ArgumentList.Add(typeof(Program).Assembly.Location);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment.Remove("QALA_ADMIN_PASSWORD");
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
