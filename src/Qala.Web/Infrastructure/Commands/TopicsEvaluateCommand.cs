using System.Diagnostics;
using System.Globalization;
using Qala.Engine.Participation.Topics;
using Qala.Web.Infrastructure.Imports;

namespace Qala.Web.Infrastructure.Commands;

/// <summary>What <c>topics-evaluate --train --test</c> prints: scores on the test file, seconds to train, texts classified per second.</summary>
public sealed record TopicsEvaluateOutput(double Accuracy, double MacroF1, double TrainSeconds, double TextsPerSecond);

/// <summary>
/// What <c>topics-evaluate --data --folds</c> prints: the scores over all held-out folds together, the mean seconds to
/// train one fold, texts classified per second, and how the folds were cut.
/// </summary>
public sealed record TopicsCrossValidationOutput(int Texts, int Folds, bool Grouped, double Accuracy, double MacroF1, double TrainSeconds, double TextsPerSecond);

/// <summary>
/// <c>topics-evaluate</c>: measures the topic suggestion model (<see cref="TopicClassifier"/>, default options) on
/// labelled CSV files. Either <c>--train A.csv --test B.csv</c> (train on A, evaluate on B) or <c>--data A.csv --folds 5
/// [--grouped] [--seed 0]</c> (cross-validation; <c>--grouped</c> keeps a text and its exact repeats in one fold).
/// <c>--text</c> and <c>--label</c> name the columns (default <c>text</c> and <c>category</c>). Rows with an empty
/// label are left out. Needs no database.
/// </summary>
internal static class TopicsEvaluateCommand
{
    public const string Description =
        "Measure topic suggestion on labelled CSV files: --train A.csv --test B.csv, or --data A.csv --folds 5 [--grouped] [--seed 0]; --text COLUMN --label COLUMN (default text, category). Prints accuracy, macro-F1, training seconds and texts classified per second. Needs no database.";

    public static async Task<object> RunAsync(IServiceProvider _, string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var grouped = false;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--grouped")
            {
                grouped = true;
                continue;
            }

            if (args[i] is not ("--train" or "--test" or "--data" or "--folds" or "--seed" or "--text" or "--label"))
            {
                throw new CommandLineException($"Unknown option {args[i]}; expected --train and --test, or --data and --folds [--grouped] [--seed], and --text, --label.");
            }

            options[args[i]] = i + 1 < args.Length ? args[++i] : throw new CommandLineException($"{args[i]} needs a value.");
        }

        var textColumn = options.GetValueOrDefault("--text", "text");
        var labelColumn = options.GetValueOrDefault("--label", "category");
        if (options.TryGetValue("--data", out var data))
        {
            if (options.ContainsKey("--train") || options.ContainsKey("--test"))
            {
                throw new CommandLineException("Give either --data with --folds, or --train with --test.");
            }

            var folds = Number(options.GetValueOrDefault("--folds"), "--folds", 2);
            var seed = Number(options.GetValueOrDefault("--seed", "0"), "--seed", 0);
            return CrossValidate(await ReadAsync(data, textColumn, labelColumn), folds, grouped, seed);
        }

        if (!options.TryGetValue("--train", out var train) || !options.TryGetValue("--test", out var test) || options.ContainsKey("--folds") || grouped)
        {
            throw new CommandLineException("topics-evaluate needs --train A.csv --test B.csv, or --data A.csv --folds K [--grouped].");
        }

        var examples = await ReadAsync(train, textColumn, labelColumn);
        var held = await ReadAsync(test, textColumn, labelColumn);
        var (evaluation, trainSeconds, perSecond) = TrainAndTest(examples, held);
        return new TopicsEvaluateOutput(Round(evaluation.Accuracy), Round(evaluation.MacroF1), Math.Round(trainSeconds, 3), Math.Round(perSecond));
    }

    private static TopicsCrossValidationOutput CrossValidate(IReadOnlyList<LabelledText> examples, int k, bool grouped, int seed)
    {
        var texts = examples.Select(e => e.Text).ToArray();
        var labels = examples.Select(e => e.Label).ToArray();
        var folds = grouped ? Folds.GroupedStratified(texts, labels, k, seed) : Folds.Stratified(labels, k, seed);
        var truth = new List<string>();
        var predicted = new List<string>();
        double trainSeconds = 0, predictSeconds = 0;
        for (var fold = 0; fold < k; fold++)
        {
            var train = examples.Where((_, i) => folds[i] != fold).ToList();
            var test = examples.Where((_, i) => folds[i] == fold).ToList();
            var clock = Stopwatch.StartNew();
            var model = TopicClassifier.Train(train);
            trainSeconds += clock.Elapsed.TotalSeconds;
            var testTexts = test.Select(t => t.Text).ToList();
            WarmUp(model, testTexts);
            clock.Restart();
            var suggestions = model.PredictMany(testTexts);
            predictSeconds += clock.Elapsed.TotalSeconds;
            truth.AddRange(test.Select(t => t.Label));
            predicted.AddRange(suggestions.Select(s => s.Label));
        }

        var evaluation = TopicEvaluation.Of(truth, predicted);
        return new TopicsCrossValidationOutput(examples.Count, k, grouped, Round(evaluation.Accuracy), Round(evaluation.MacroF1),
            Math.Round(trainSeconds / k, 3), Math.Round(truth.Count / Math.Max(predictSeconds, 1e-9)));
    }

    private static (TopicEvaluation Evaluation, double TrainSeconds, double TextsPerSecond) TrainAndTest(IReadOnlyList<LabelledText> train, IReadOnlyList<LabelledText> test)
    {
        var clock = Stopwatch.StartNew();
        var model = TopicClassifier.Train(train);
        var trainSeconds = clock.Elapsed.TotalSeconds;
        var texts = test.Select(t => t.Text).ToList();
        WarmUp(model, texts);
        clock.Restart();
        var suggestions = model.PredictMany(texts);
        var perSecond = texts.Count / Math.Max(clock.Elapsed.TotalSeconds, 1e-9);
        return (TopicEvaluation.Of([.. test.Select(t => t.Label)], [.. suggestions.Select(s => s.Label)]), trainSeconds, perSecond);
    }

    /// <summary>Classifies a few texts first so that the rate measures classifying, not compiling the code that does it.</summary>
    private static void WarmUp(TopicModel model, List<string> texts) => model.PredictMany([.. texts.Take(100)]);

    /// <summary>The labelled rows of a CSV file, read by the imports' reader (UTF-8 with or without BOM, quoted line breaks).</summary>
    private static async Task<IReadOnlyList<LabelledText>> ReadAsync(string file, string textColumn, string labelColumn)
    {
        if (!File.Exists(file))
        {
            throw new CommandLineException($"The file {file} does not exist.");
        }

        await using var content = File.OpenRead(file);
        var opened = await TabularFile.OpenAsync(content, Path.GetFileName(file));
        if (!opened.Succeeded)
        {
            throw new CommandLineException($"{file} cannot be read as CSV ({opened.Issue.Code}).");
        }

        await using var reader = opened.Reader;
        foreach (var column in new[] { textColumn, labelColumn })
        {
            if (reader.Header.Find(column) is null)
            {
                throw new CommandLineException($"{file} has no column '{column}'; its columns are {string.Join(", ", reader.Header.Columns.Select(c => c.Name))}.");
            }
        }

        var examples = new List<LabelledText>();
        try
        {
            await foreach (var row in reader.ReadRowsAsync())
            {
                var label = row[labelColumn].Value.Trim();
                if (label.Length > 0)
                {
                    examples.Add(new LabelledText(row[textColumn].Value, label));
                }
            }
        }
        catch (TabularFileException e)
        {
            throw new CommandLineException($"{file}: {e.Message}");
        }

        return examples.Count > 0 ? examples : throw new CommandLineException($"{file} has no labelled rows.");
    }

    private static int Number(string? text, string option, int least) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= least
            ? value
            : throw new CommandLineException($"{option} needs a whole number of at least {least}.");

    private static double Round(double value) => Math.Round(value, 4);
}
