using System.Text.Json;
using Microsoft.Extensions.Logging.Console;
using Qala.Web.Data.Audit;
using Qala.Web.Data.Seeding;
using Qala.Web.Features.Indicators;
using Qala.Web.Features.Participation;

namespace Qala.Web.Infrastructure.Commands;

/// <summary>
/// The command-line verbs, served by the same program and configuration as the web application:
/// <c>dotnet run --project src/Qala.Web -- VERB [options]</c>. A verb writes its result as JSON to standard output
/// and every log line to standard error, so the output can be piped.
/// </summary>
public static class QalaCommands
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private static readonly IReadOnlyList<Verb> Verbs =
    [
        new("migrate", "Apply pending migrations, load reference data (and demo data when Qala:DemoData is true), create the first administrator.", MigrateAsync),
        new("audit-verify", "Check the hash chain of the audit log; prints the first broken link and exits with 2 when the log was tampered with.", VerifyAuditAsync),
        new("model-diff", "Print EF Core's differences between the model of a previous build (--previous DIR with its Qala.Web.dll) or an empty database and the current model: the starting point of the next hand-written migration.", (services, _) => ModelDiff.RunAsync(services)),
        new("import-indicators", "Import indicator values: FILE... [--dry-run] [--skip-invalid-rows]. open-sdg files (indicator_8-5-2.csv) or long files (indicator, territory, period, value). Prints {files, observations, unchanged, revised, errors}; exits with 1 when a file is rejected.", IndicatorImportCommand.RunAsync, IndicatorImportCommand.Flags),
        new("topics-train", "Train the suggestions' topic model now from the topics staff confirmed, as the nightly job does. Prints {trained, examples, labels}.", TrainTopicsAsync),
        new("access-coverage", AccessCoverageCommand.Description, AccessCoverageCommand.RunAsync, UsesDatabase: false),
        new("extract-instructions", ExtractInstructionsCommand.Description, ExtractInstructionsCommand.RunAsync, UsesDatabase: false),
        new("topics-evaluate", TopicsEvaluateCommand.Description, TopicsEvaluateCommand.RunAsync, UsesDatabase: false),
    ];

    public static bool IsCommand(string[] args) =>
        args.Length > 0 && (IsHelp(args[0]) || Verbs.Any(v => v.Name == args[0]));

    public static async Task<int> RunAsync(string[] args)
    {
        if (IsHelp(args[0]))
        {
            await Console.Out.WriteLineAsync(Usage());
            return 0;
        }

        var verb = Verbs.Single(v => v.Name == args[0]);
        var options = args[1..];
        if (options.Any(IsHelp))
        {
            await Console.Out.WriteLineAsync($"{verb.Name}: {verb.Description}");
            return 0;
        }

        if (!verb.UsesDatabase)
        {
            try
            {
                await using var none = new ServiceCollection().BuildServiceProvider();
                await Console.Out.WriteLineAsync(JsonSerializer.Serialize(await verb.Run(none, options), Json));
                return 0;
            }
            catch (CommandLineException e)
            {
                await Console.Error.WriteLineAsync($"{verb.Name}: {e.Message}");
                return 1;
            }
        }

        // A verb runs once: watching the configuration files would first walk every folder under the working directory.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [.. VerbArguments.Parse(options, verb.Flags).Settings, "--hostBuilder:reloadConfigOnChange=false"],
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.Configure<ConsoleFormatterOptions>(o => o.IncludeScopes = false);
        builder.AddQalaServices();
        await using var app = builder.Build();
        await using var scope = app.Services.CreateAsyncScope();
        var result = await verb.Run(scope.ServiceProvider, options);
        await Console.Out.WriteLineAsync(JsonSerializer.Serialize(result, Json));
        return result switch
        {
            AuditVerification { Intact: false } => 2,
            IndicatorImportSummary { Rejected: true } => 1,
            _ => 0,
        };
    }


    private static async Task<object> MigrateAsync(IServiceProvider services, string[] _) =>
        await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);

    private static async Task<object> VerifyAuditAsync(IServiceProvider services, string[] _) =>
        await services.GetRequiredService<AuditLog>().VerifyAsync(CancellationToken.None);

    private static async Task<object> TrainTopicsAsync(IServiceProvider services, string[] _) =>
        await services.GetRequiredService<TopicTraining>().TrainAsync(CancellationToken.None) is { } model
            ? new TopicTrainingSummary(true, model.Examples, model.Labels.Split(','))
            : new TopicTrainingSummary(false, 0, []);

    private static bool IsHelp(string arg) => arg is "--help" or "-h" or "help" or "-?";

    private static string Usage() =>
        $"""
         Qala — development programs, monitoring, instruction control and public participation for an akimat.

         Usage:
           dotnet run --project src/Qala.Web                      serve the web application
           dotnet run --project src/Qala.Web -- VERB [options]    run a command

         Verbs:
         {string.Join(Environment.NewLine, Verbs.Select(v => $"  {v.Name,-15} {v.Description}"))}

         Settings (appsettings.json, or environment variables with __ for :):
           Qala:Database:Provider          sqlite (default) | postgres
           ConnectionStrings:Qala          the PostgreSQL connection string (or a SQLite one)
           Qala:DataDirectory              folder of the SQLite file (default: data)
           Qala:Database:MigrateOnStartup  true (default) | false
           Qala:DemoData                   demo data: on by default with SQLite, off with PostgreSQL
           QALA_ADMIN_PASSWORD             password of the first administrator (else a one-time one is printed)
         Results are JSON on standard output; logs go to standard error.
         """;

    /// <summary>What <c>topics-train</c> did: no model when too few topics were confirmed (<c>Qala:Participation:MinTrainingExamples</c>).</summary>
    private sealed record TopicTrainingSummary(bool Trained, int Examples, IReadOnlyList<string> Labels);

    /// <summary>A verb; one that does not use the database (<paramref name="UsesDatabase"/> false) runs without building the web host.</summary>
    private sealed record Verb(string Name, string Description, Func<IServiceProvider, string[], Task<object>> Run, IReadOnlySet<string>? OwnFlags = null, bool UsesDatabase = true)
    {
        public IReadOnlySet<string> Flags => OwnFlags ?? new HashSet<string>();
    }
}
