using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Qala.Web.Data.Audit;
using Qala.Web.Data.Seeding;

namespace Qala.Web.Data;

public static class DataServices
{
    /// <summary>Registers the database chosen by configuration, the start-up migration and the seeding.</summary>
    public static IHostApplicationBuilder AddQalaData(this IHostApplicationBuilder builder)
    {
        var settings = DatabaseSettings.Read(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddSingleton(settings);

        // First of the hosted services: the database is migrated before anything (the Data Protection key ring) reads it.
        builder.Services.AddHostedService<DatabaseStartup>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<AuditActorAccessor>();
        builder.Services.AddSingleton<AuditInterceptor>();
        builder.Services.AddScoped<AuditLog>();
        // Pooled: a request takes a context whose options and services are built once per node, not once per request
        // (the public form's throughput, ADR 0011). The context keeps no state of its own between uses; the audit
        // interceptor's per-save state is released on every path a save can end by.
        builder.Services.AddDbContextPool<QalaDbContext>((services, options) =>
            options.UseQalaDatabase(settings).AddInterceptors(services.GetRequiredService<AuditInterceptor>()));
        builder.Services.AddDataProtection().SetApplicationName("Qala").PersistKeysToDbContext<QalaDbContext>();
        builder.Services.AddScoped<ReferenceDataSeeder>();
        builder.Services.AddScoped<DemoDataSeeder>();
        builder.Services.AddScoped<DemoStatistics>();
        builder.Services.AddScoped<DemoTargetSets>();
        builder.Services.AddScoped<DemoParticipation>();
        builder.Services.AddScoped<DatabaseInitializer>();
        return builder;
    }

    public static DbContextOptionsBuilder UseQalaDatabase(this DbContextOptionsBuilder options, DatabaseSettings settings) =>
        settings.Provider switch
        {
            DatabaseProvider.Sqlite => options.UseSqlite(settings.ConnectionString),
            DatabaseProvider.Postgres => options.UseNpgsql(settings.ConnectionString),
        };
}
