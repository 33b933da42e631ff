using Qala.Web;
using Qala.Web.Data;
using Qala.Web.Infrastructure.Commands;

try
{
    if (QalaCommands.IsCommand(args))
    {
        return await QalaCommands.RunAsync(args);
    }

    var builder = WebApplication.CreateBuilder(args);
    builder.AddQalaApplication();
    var app = builder.Build();
    app.UseQalaApplication();
    await app.RunAsync();
    return 0;
}
catch (QalaConfigurationException e)
{
    await Console.Error.WriteLineAsync($"Qala cannot start: {e.Message}");
    return 1;
}

/// <summary>The entry point, visible to the integration tests' application factory.</summary>
public partial class Program;
