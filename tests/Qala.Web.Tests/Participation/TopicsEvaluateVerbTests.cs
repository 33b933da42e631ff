using System.Text;
using System.Text.Json;
using Qala.Web.Infrastructure.Commands;

namespace Qala.Web.Tests.Participation;

public sealed class TopicsEvaluateVerbTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("qala-topics-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task Trains_on_one_file_and_scores_another_with_quoted_line_breaks_and_a_byte_order_mark()
    {
        var train = Write("train.csv", Rows(0, 40), bom: true);
        var test = Write("test.csv", Rows(40, 20), bom: false);

        var output = (TopicsEvaluateOutput)await TopicsEvaluateCommand.RunAsync(null!, ["--train", train, "--test", test, "--text", "Обращение", "--label", "Тема"]);

        output.Accuracy.ShouldBe(1);
        output.MacroF1.ShouldBe(1);
        output.TrainSeconds.ShouldBeGreaterThanOrEqualTo(0);
        output.TextsPerSecond.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Cross_validates_with_grouped_folds()
    {
        var data = Write("data.csv", Rows(0, 60) + Rows(0, 10), bom: true);

        var output = (TopicsCrossValidationOutput)await TopicsEvaluateCommand.RunAsync(null!, ["--data", data, "--folds", "5", "--grouped", "--text", "Обращение", "--label", "Тема"]);

        (output.Texts, output.Folds, output.Grouped).ShouldBe((70, 5, true));
        output.Accuracy.ShouldBe(1);
    }

    [Fact]
    public async Task The_verb_prints_the_four_figures_as_JSON_without_a_database()
    {
        var train = Write("train.csv", Rows(0, 40), bom: false);
        var test = Write("test.csv", Rows(40, 10), bom: false);

        var (exit, stdout, stderr) = await QalaProcess.RunAsync(
            ["topics-evaluate", "--train", train, "--test", test, "--text", "Обращение", "--label", "Тема"],
            new Dictionary<string, string> { ["Qala__DataDirectory"] = "/proc/qala-no-database" });

        exit.ShouldBe(0, stderr);
        var json = JsonDocument.Parse(stdout).RootElement;
        json.EnumerateObject().Select(p => p.Name).ShouldBe(["accuracy", "macroF1", "trainSeconds", "textsPerSecond"]);
        json.GetProperty("accuracy").GetDouble().ShouldBe(1);
    }

    [Theory]
    [InlineData("--train", "{train}", "--test", "{train}", "--text", "text")]
    [InlineData("--train", "{train}", "--test", "missing.csv", "--text", "Обращение", "--label", "Тема")]
    [InlineData("--train", "{train}", "--text", "Обращение", "--label", "Тема")]
    [InlineData("--data", "{train}", "--folds", "1", "--text", "Обращение", "--label", "Тема")]
    [InlineData("--data", "{train}", "--test", "{train}", "--folds", "5")]
    [InlineData("--train", "{train}", "--test", "{train}", "--model", "svm")]
    [InlineData("--train")]
    public async Task Bad_arguments_get_a_clear_message(params string[] args)
    {
        var train = Write("train.csv", Rows(0, 10), bom: false);

        var e = await Should.ThrowAsync<CommandLineException>(() =>
            TopicsEvaluateCommand.RunAsync(null!, [.. args.Select(a => a.Replace("{train}", train, StringComparison.Ordinal))]));

        e.Message.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task A_missing_column_is_named()
    {
        var train = Write("train.csv", Rows(0, 10), bom: false);

        var e = await Should.ThrowAsync<CommandLineException>(() => TopicsEvaluateCommand.RunAsync(null!, ["--train", train, "--test", train]));

        e.Message.ShouldContain("'text'");
        e.Message.ShouldContain("Обращение");
    }

    /// <summary>Two topics told apart by their words; every third text spans two lines and holds quotes and commas.</summary>
    private static string Rows(int from, int count)
    {
        var rows = new StringBuilder();
        for (var i = from; i < from + count; i++)
        {
            var (topic, text) = i % 2 == 0
                ? ("Освещение", $"Не горит фонарь у дома {i}, темно во дворе")
                : ("Парковка", $"Машина стоит на газоне у дома {i}, мешает проходу");
            rows.Append(i % 3 == 0 ? $"{i},\"{text}\n\"\"срочно\"\", пожалуйста\",{topic}\n" : $"{i},{text.Replace(",", "", StringComparison.Ordinal)},{topic}\n");
        }

        return rows.ToString();
    }

    private string Write(string name, string rows, bool bom)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, "id,Обращение,Тема\n" + rows, new UTF8Encoding(bom));
        return path;
    }
}
