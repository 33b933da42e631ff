using System.Text.Json;
using Qala.Web.Infrastructure.Commands;

namespace Qala.Web.Tests.Access;

public sealed class AccessCoverageVerbTests
{
    private static readonly string Monaco = Path.Combine(AppContext.BaseDirectory, "Access", "monaco.osm.pbf");

    [Fact]
    public void The_verb_computes_in_process_with_a_comma_list_of_amenities()
    {
        var output = AccessCoverageCommand.Run(["--osm", Monaco, "--amenity", "school, kindergarten", "--radius", "500"]);

        output.Buildings.ShouldBe(23_370);
        output.Covered.ShouldBe(4_116);
        Math.Round(output.Share * 100, 2).ShouldBe(17.61);
        output.Seconds.ShouldBeGreaterThanOrEqualTo(0);
    }

    [Fact]
    public async Task The_verb_prints_JSON_without_a_database()
    {
        // A database folder that cannot be created: the verb must not touch it.
        var (exit, stdout, stderr) = await QalaProcess.RunAsync(
            ["access-coverage", "--osm", Monaco, "--amenity", "school", "--radius", "750"],
            new Dictionary<string, string> { ["Qala__DataDirectory"] = "/proc/qala-no-database" });

        exit.ShouldBe(0, stderr);
        var json = JsonDocument.Parse(stdout).RootElement;
        json.GetProperty("buildings").GetInt32().ShouldBe(23_370);
        json.GetProperty("covered").GetInt32().ShouldBe(5_851);
        json.GetProperty("share").GetDouble().ShouldBe(5_851 / 23_370.0, 1e-12);
        json.GetProperty("seconds").GetDouble().ShouldBeGreaterThanOrEqualTo(0);
    }

    [Theory]
    [InlineData("--osm", "missing.osm.pbf", "--amenity", "school", "--radius", "500")]
    [InlineData("--osm", "{monaco}", "--amenity", "school", "--radius", "far")]
    [InlineData("--osm", "{monaco}", "--amenity", ",", "--radius", "500")]
    [InlineData("--osm", "{monaco}", "--radius", "500", "--amenity")]
    [InlineData("--osm", "{monaco}", "--amenity", "school", "--walk", "500")]
    public void Bad_arguments_get_a_clear_message(params string[] args)
    {
        var e = Should.Throw<CommandLineException>(() => AccessCoverageCommand.Run([.. args.Select(a => a.Replace("{monaco}", Monaco, StringComparison.Ordinal))]));

        e.Message.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task A_truncated_file_exits_with_a_message_on_stderr()
    {
        var truncated = Path.GetTempFileName();
        await File.WriteAllBytesAsync(truncated, (await File.ReadAllBytesAsync(Monaco))[..100_000]);
        try
        {
            var (exit, stdout, stderr) = await QalaProcess.RunAsync(
                ["access-coverage", "--osm", truncated, "--amenity", "school", "--radius", "500"], []);

            exit.ShouldBe(1);
            stdout.ShouldBeEmpty();
            stderr.ShouldContain("truncated");
        }
        finally
        {
            File.Delete(truncated);
        }
    }
}
