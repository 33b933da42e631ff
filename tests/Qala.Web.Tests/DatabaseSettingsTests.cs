using Microsoft.Extensions.Configuration;
using Npgsql;
using Qala.Web.Data;

namespace Qala.Web.Tests;

public sealed class DatabaseSettingsTests
{
    [Theory]
    [InlineData("Host=db;Database=qala;Username=qala", DatabaseSettings.AutoPreparedStatements)]
    [InlineData("Host=db;Database=qala;Username=qala;Max Auto Prepare=0", 0)]
    [InlineData("Host=db;Database=qala;Username=qala;MaxAutoPrepare=20", 20)]
    public void PostgreSQL_connections_prepare_their_frequent_statements_unless_the_connection_string_says_otherwise(string given, int prepared)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [DatabaseSettings.ProviderKey] = "postgres",
            [DatabaseSettings.ConnectionStringKey] = given,
        }).Build();

        var settings = DatabaseSettings.Read(configuration, Path.GetTempPath());

        var used = new NpgsqlConnectionStringBuilder(settings.ConnectionString);
        used.MaxAutoPrepare.ShouldBe(prepared);
        used.Host.ShouldBe("db");
        used.Database.ShouldBe("qala");
    }
}
