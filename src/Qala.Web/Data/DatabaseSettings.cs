using Microsoft.Data.Sqlite;
using Npgsql;

namespace Qala.Web.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Where Qala keeps its data, read once from configuration. A wrong setting stops start-up with a message that names
/// the setting, never with a stack trace.
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString, bool MigrateOnStartup, bool DemoData)
{
    /// <summary>Whether the demo also imports the statistics office's SDG files (on with the demo unless turned off).</summary>
    public bool DemoStatistics { get; init; } = DemoData;

    /// <summary>Whether the demo also loads the sample street extract, facilities and population (on with the demo unless turned off).</summary>
    public bool DemoSocialInfrastructure { get; init; } = DemoData;

    public const string ProviderKey = "Qala:Database:Provider";
    public const string ConnectionStringKey = "ConnectionStrings:Qala";
    public const string DataDirectoryKey = "Qala:DataDirectory";
    public const string MigrateOnStartupKey = "Qala:Database:MigrateOnStartup";
    public const string DemoDataKey = "Qala:DemoData";
    public const string DemoStatisticsKey = "Qala:DemoStatistics";
    public const string DemoSocialInfrastructureKey = "Qala:DemoSocialInfrastructure";

    public static DatabaseSettings Read(IConfiguration configuration, string contentRoot)
    {
        var providerName = configuration[ProviderKey];
        var provider = providerName?.Trim().ToUpperInvariant() switch
        {
            null or "" or "SQLITE" => DatabaseProvider.Sqlite,
            "POSTGRES" or "POSTGRESQL" or "NPGSQL" => DatabaseProvider.Postgres,
            _ => throw new QalaConfigurationException(
                $"Setting {ProviderKey} is '{providerName}': use 'sqlite' (the default) or 'postgres'."),
        };

        var connectionString = configuration[ConnectionStringKey];
        if (provider == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new QalaConfigurationException(
                    $"Setting {ConnectionStringKey} is empty: PostgreSQL ({ProviderKey}=postgres) needs a connection string, " +
                    "e.g. Host=127.0.0.1;Port=5432;Database=qala;Username=qala;Password=… (environment: ConnectionStrings__Qala).");
            }

            connectionString = Validate(connectionString, WithAutoPrepare);
        }
        else if (string.IsNullOrWhiteSpace(connectionString))
        {
            var dataDirectory = Path.GetFullPath(configuration[DataDirectoryKey] is { Length: > 0 } configured
                ? Path.Combine(contentRoot, configured)
                : Path.Combine(contentRoot, "data"));
            try
            {
                Directory.CreateDirectory(dataDirectory);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new QalaConfigurationException($"Setting {DataDirectoryKey}: cannot create '{dataDirectory}': {e.Message}");
            }

            connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataDirectory, "qala.db") }.ToString();
        }
        else
        {
            connectionString = Validate(connectionString, s => new SqliteConnectionStringBuilder(s).ToString());
        }

        var demoData = ReadFlag(configuration, DemoDataKey, provider == DatabaseProvider.Sqlite);
        return new DatabaseSettings(provider, connectionString, ReadFlag(configuration, MigrateOnStartupKey, true), demoData)
        {
            DemoStatistics = demoData && ReadFlag(configuration, DemoStatisticsKey, true),
            DemoSocialInfrastructure = demoData && ReadFlag(configuration, DemoSocialInfrastructureKey, true),
        };
    }

    /// <summary>
    /// Unless the connection string says otherwise, Npgsql prepares the statements a connection sends most often
    /// (<see cref="AutoPreparedStatements"/>), so PostgreSQL parses and plans them once per connection instead of at every
    /// execution: the public form's batched inserts, the audit entries and the lookups of every page (ADR 0013).
    /// </summary>
    private static string WithAutoPrepare(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        if (!given.ContainsKey("Max Auto Prepare") && !given.ContainsKey("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = AutoPreparedStatements;
        }

        return builder.ToString();
    }

    /// <summary>How many statements each PostgreSQL connection keeps prepared when the connection string does not say.</summary>
    public const int AutoPreparedStatements = 100;

    private static string Validate(string connectionString, Func<string, string> parse)
    {
        try
        {
            return parse(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new QalaConfigurationException($"Setting {ConnectionStringKey} is not a valid connection string: {e.Message}");
        }
    }

    private static bool ReadFlag(IConfiguration configuration, string key, bool fallback)
    {
        var value = configuration[key];
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        return bool.TryParse(value, out var flag)
            ? flag
            : throw new QalaConfigurationException($"Setting {key} is '{value}': use true or false.");
    }
}

/// <summary>A setting that makes Qala unable to start; the message names the setting and what to put there.</summary>
public sealed class QalaConfigurationException(string message, Exception? inner = null) : Exception(message, inner);
