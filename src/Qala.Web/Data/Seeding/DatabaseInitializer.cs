using Microsoft.EntityFrameworkCore;
using Qala.Web.Features.Indicators;
using Qala.Web.Features.Investment;
using Qala.Web.Features.Users;

namespace Qala.Web.Data.Seeding;

/// <summary>
/// Brings a database to the current version: applies pending migrations, loads reference data and (when configured)
/// demo data into an empty database, and makes sure an administrator exists. Runs at start-up and as the
/// <c>migrate</c> command; safe to run again and on several nodes (EF Core takes a migration lock).
/// </summary>
internal sealed partial class DatabaseInitializer(
    QalaDbContext db,
    DatabaseSettings settings,
    ReferenceDataSeeder referenceData,
    DemoDataSeeder demoData,
    DemoStatistics demoStatistics,
    DemoTargetSets demoTargetSets,
    DemoSocialInfrastructure demoSocial,
    InvestmentIndicators investmentIndicators,
    DemoParticipation demoParticipation,
    Scorecards scorecards,
    AdministratorBootstrap administrator,
    ILogger<DatabaseInitializer> logger)
{
    public async Task<InitializationResult> InitializeAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<string> pending;
        try
        {
            pending = [.. await db.Database.GetPendingMigrationsAsync(cancellationToken)];
            await db.Database.MigrateAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException and not QalaConfigurationException)
        {
            throw new QalaConfigurationException(
                $"Cannot open or migrate the {settings.Provider} database given by {DatabaseSettings.ConnectionStringKey} " +
                $"({DatabaseSettings.ProviderKey}={settings.Provider.ToString().ToLowerInvariant()}): {e.Message}", e);
        }

        // All or nothing: a failure while seeding leaves the database as empty as it was, and the next start tries again.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var referenceLoaded = await referenceData.SeedAsync(cancellationToken);
        var demoLoaded = settings.DemoData && await demoData.SeedAsync(cancellationToken);
        var administratorCreated = await administrator.EnsureAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        // Imports run in transactions of their own, one a file, after the rest is in place.
        var statisticsLoaded = settings.DemoStatistics && await demoStatistics.SeedAsync(cancellationToken);
        if (statisticsLoaded)
        {
            // The registry's KPIs of the demo zones and projects, beside the official statistics just imported.
            await investmentIndicators.RecomputeAsync(cancellationToken);

            // The demo programs' target indicators, with baselines and targets from the same statistics.
            await DemoPrograms.LinkIndicatorsAsync(db, scorecards, cancellationToken);

            // The Almaty-2020 discussion with its 1,378 suggestions, and the topic model learnt from them.
            await demoParticipation.SeedAsync(cancellationToken);
        }

        // The seed texts' own figures: their target sets' baselines and targets, the stated facts as observations. Once, and
        // not only beside statistics just imported: a demo database from before them gets them at its next start.
        if (settings.DemoStatistics)
        {
            await demoTargetSets.SeedAsync(cancellationToken);
        }

        // The sample street extract, its facilities and homes, in a transaction of their own.
        if (settings.DemoSocialInfrastructure)
        {
            await demoSocial.SeedAsync(cancellationToken);
        }

        LogReady(logger, settings.Provider, pending.Count, referenceLoaded, demoLoaded);
        return new InitializationResult(
            settings.Provider.ToString().ToLowerInvariant(), pending, referenceLoaded, demoLoaded, administratorCreated)
        {
            DemoStatisticsLoaded = statisticsLoaded,
        };
    }

    [LoggerMessage(LogLevel.Information,
        "Database ready: {Provider}, {MigrationCount} migrations applied, reference data loaded: {ReferenceLoaded}, demo data loaded: {DemoLoaded}")]
    private static partial void LogReady(ILogger logger, DatabaseProvider provider, int migrationCount, bool referenceLoaded, bool demoLoaded);
}

public sealed record InitializationResult(
    string Provider, IReadOnlyList<string> AppliedMigrations, bool ReferenceDataLoaded, bool DemoDataLoaded, bool AdministratorCreated)
{
    public bool DemoStatisticsLoaded { get; init; }
}

/// <summary>Initializes the database when the web application starts, unless start-up migration is switched off.</summary>
internal sealed class DatabaseStartup(IServiceProvider services, DatabaseSettings settings) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!settings.MigrateOnStartup)
        {
            return;
        }

        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
