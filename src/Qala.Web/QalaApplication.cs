using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.WebEncoders;
using Qala.Web.Data;
using Qala.Web.Features.Agencies;
using Qala.Web.Features.Indicators;
using Qala.Web.Features.Instructions;
using Qala.Web.Features.Investment;
using Qala.Web.Features.Participation;
using Qala.Web.Features.Programs;
using Qala.Web.Features.SocialInfrastructure;
using Qala.Web.Features.SourceFacts;
using Qala.Web.Features.Territories;
using Qala.Web.Features.Users;
using Qala.Web.Infrastructure.Auth;
using Qala.Web.Infrastructure.Calendar;
using Qala.Web.Infrastructure.Email;
using Qala.Web.Infrastructure.Files;
using Qala.Web.Infrastructure.Health;
using Qala.Web.Infrastructure.Imports;
using Qala.Web.Infrastructure.Jobs;
using Qala.Web.Infrastructure.Localization;
using Qala.Web.Infrastructure.Privacy;

namespace Qala.Web;

/// <summary>How Qala is put together: each part registers itself through one extension method.</summary>
public static partial class QalaApplication
{
    /// <summary>The services both the web application and the command-line verbs need.</summary>
    public static IHostApplicationBuilder AddQalaServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddQalaLocalization();
        builder.AddQalaData();
        builder.AddQalaAuth();
        builder.AddQalaUsers();
        builder.AddQalaJobs();
        builder.Services.AddJob<AuditVerificationJob>(AuditVerificationJob.Schedule);
        builder.AddQalaEmail();
        builder.AddQalaPersonalData();
        builder.AddQalaFiles();
        builder.Services.AddScoped<Deadlines>();
        builder.Services.AddOptions<ImportOptions>().Bind(builder.Configuration.GetSection(ImportOptions.Section))
            .Validate(o => o.IsValid, $"{ImportOptions.Section}: MaxUploadBytes is between 1 byte and 4 GB, UploadChunkBytes between 4096 and 16777216.")
            .ValidateOnStart();
        builder.Services.AddScoped<Importer>();
        builder.Services.AddScoped<CodeMappingImport>();
        builder.Services.AddScoped<OpenSdgImport>();
        builder.Services.AddScoped<ObservationStore>();
        builder.Services.AddScoped<LongImport>();
        builder.Services.AddScoped<LongTemplate>();
        builder.Services.AddScoped<Scorecards>();
        builder.Services.AddSingleton<ScorecardCache>();
        builder.Services.AddOptions<IndicatorOptions>().Bind(builder.Configuration.GetSection(IndicatorOptions.Section))
            .Validate(o => o.IsValid, $"{IndicatorOptions.Section}: OnTrack and AtRisk are shares with 0 ≤ AtRisk ≤ OnTrack, e.g. 0.95 and 0.80.")
            .ValidateOnStart();
        builder.Services.AddScoped<TargetImport>();
        builder.Services.AddScoped<ObservationExport>();
        builder.Services.AddScoped<DerivedIndicators>();
        builder.Services.AddScoped<ProgramAccess>();
        builder.Services.AddScoped<Infrastructure.Files.IAttachmentOwner, ProgramFiles>();
        builder.Services.AddScoped<ProgramTrees>();
        builder.Services.AddScoped<GoalTargets>();
        builder.Services.AddScoped<RoadmapImport>();
        builder.Services.AddScoped<ProgramAmendments>();
        builder.Services.AddScoped<ITargetSetGuard, ProgramTargetSetGuard>();
        builder.Services.AddScoped<ITargetSetVisibility, ProgramTargetSetVisibility>();
        builder.Services.AddScoped<HiddenTargetSets>();
        builder.Services.AddQalaInvestment();
        builder.AddQalaParticipation();
        builder.AddQalaSocialInfrastructure();
        builder.Services.AddQalaInstructions();
        return builder;
    }

    public static WebApplicationBuilder AddQalaApplication(this WebApplicationBuilder builder)
    {
        builder.AddQalaServices();
        builder.Services.AddRazorPages(options => options.RootDirectory = "/Features")
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(options =>
                options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
        builder.Services.AddOpenApi();
        builder.Services.AddQalaRateLimits(builder.Configuration);
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        builder.Services.AddProblemDetails();

        // Kazakh and Russian text is written as characters, not numeric entities; markup characters stay encoded.
        builder.Services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        return builder;
    }

    public static WebApplication UseQalaApplication(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error/500");
            app.UseHsts();
        }

        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseRequestLocalization();
        app.UseLanguageFromLinks();
        app.UseStaticFiles();

        // The API's browsable description is public, like the API's reference data; it is served before authorization.
        app.UseSwaggerUI(options =>
        {
            options.SwaggerEndpoint("/openapi/v1.json", "Qala API v1");
            options.RoutePrefix = "api/docs";
            options.DocumentTitle = "Qala API";
        });
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.Use(QalaClaimsPrincipalFactory.EnforcePasswordChange);
        app.UseAuthorization();

        app.MapOpenApi().AllowAnonymous();
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteHealth }).AllowAnonymous();
        app.MapLanguageSwitch();
        app.MapRazorPages();
        app.MapQalaFiles();
        app.MapProgramFiles();
        var api = app.MapGroup("/api/v1");
        api.MapTerritoriesApi();
        api.MapAgenciesApi();
        api.MapSourceFactsApi();
        api.MapIndicatorsApi();
        api.MapProgramsApi();
        api.MapInstructionsApi();
        api.MapInvestmentApi();

        // An unknown address is a 404 for everyone, not a sign-in prompt from the fallback authorization policy.
        app.MapFallback(() => TypedResults.NotFound()).AllowAnonymous().ExcludeFromDescription();

        app.Lifetime.ApplicationStarted.Register(() =>
        {
            foreach (var url in app.Urls)
            {
                LogReady(app.Logger, url, $"{url.TrimEnd('/')}/account/sign-in");
            }
        });
        return app;
    }

    [LoggerMessage(LogLevel.Information, "Qala is ready at {Url}; officials sign in at {SignInUrl} (first user: admin)")]
    private static partial void LogReady(ILogger logger, string url, string signInUrl);

    private static Task WriteHealth(HttpContext context, Microsoft.Extensions.Diagnostics.HealthChecks.HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), e.Value.Description }),
        }));
    }
}
