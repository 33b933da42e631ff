using System.Globalization;
using System.Text.Json;
using Qala.Engine.Instructions.Extraction;

namespace Qala.Engine.Tests.Instructions;

/// <summary>
/// The extraction measured against the gold annotation of the five seed texts (Gold/README.md): a proposal matches
/// at most one gold item whose span it overlaps; a fact must also agree in value × scale.
/// </summary>
public sealed class ExtractionQualityTests(ITestOutputHelper output)
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public static readonly TheoryData<string> Seeds =
        ["almaty-2019-en", "almaty-2020-program-en", "karaganda-en", "shymkent-2018-en", "shymkent-2018-kk"];

    [Theory, MemberData(nameof(Seeds))]
    public void The_gold_quotes_the_text_at_its_indices(string seed)
    {
        var (text, gold) = Load(seed);
        foreach (var item in gold.Instructions.Concat(gold.Facts.Select(f => new GoldInstruction(f.Text, f.Start, f.End, null))))
        {
            text[item.Start..item.End].ShouldBe(item.Text);
        }
    }

    [Fact]
    public void Precision_and_recall_reach_nine_tenths_for_instructions_and_facts()
    {
        var total = new Score();
        output.WriteLine("text                      | instr. P  R (found/proposed/gold) | facts P  R (found/proposed/gold)");
        foreach (var seed in Seeds)
        {
            var (text, gold) = Load(seed);
            var result = InstructionExtractor.Extract(text);
            result.Language.ShouldBe(gold.Language);
            var score = Measure(gold, result);
            total += score;
            output.WriteLine(score.Line(seed));
            foreach (var miss in score.Notes)
            {
                output.WriteLine("    " + miss);
            }
        }

        output.WriteLine(total.Line("overall"));
        total.InstructionPrecision.ShouldBeGreaterThanOrEqualTo(0.9);
        total.InstructionRecall.ShouldBeGreaterThanOrEqualTo(0.9);
        total.FactPrecision.ShouldBeGreaterThanOrEqualTo(0.9);
        total.FactRecall.ShouldBeGreaterThanOrEqualTo(0.9);
    }

    [Fact]
    public void The_same_text_gives_the_same_proposals()
    {
        var (text, _) = Load("karaganda-en");
        JsonSerializer.Serialize(InstructionExtractor.Extract(text)).ShouldBe(JsonSerializer.Serialize(InstructionExtractor.Extract(text)));
    }

    internal static Score Measure(Gold gold, MeetingExtraction result)
    {
        var notes = new List<string>();
        var instructionsFound = Pair(
            result.Instructions.Select(i => (i.Start, i.End, 0.0)).ToList(),
            gold.Instructions.Select(i => (i.Start, i.End, 0.0)).ToList(),
            (_, _) => true,
            out var unmatchedProposals,
            out var unmatchedGold);
        notes.AddRange(unmatchedProposals.Select(p => $"extra instruction: {Cut(result.Instructions[p].Text)} [{result.Instructions[p].Cue}]"));
        notes.AddRange(unmatchedGold.Select(g => $"missed instruction: {Cut(gold.Instructions[g].Text)}"));

        var factsFound = Pair(
            result.Facts.Select(f => (f.Start, f.End, f.Value * f.Scale)).ToList(),
            gold.Facts.Select(f => (f.Start, f.End, f.Value * f.Scale)).ToList(),
            (a, b) => Math.Abs(a - b) <= 1e-9 * Math.Max(1, Math.Abs(b)),
            out var extraFacts,
            out var missedFacts);
        notes.AddRange(extraFacts.Select(p => string.Create(CultureInfo.InvariantCulture, $"extra fact: {result.Facts[p].Text} = {result.Facts[p].Value} × {result.Facts[p].Scale}")));
        notes.AddRange(missedFacts.Select(g => $"missed fact: {gold.Facts[g].Text}"));

        return new Score(instructionsFound, result.Instructions.Count, gold.Instructions.Count, factsFound, result.Facts.Count, gold.Facts.Count, notes);
    }

    private static int Pair(
        List<(int Start, int End, double Quantity)> proposals,
        List<(int Start, int End, double Quantity)> gold,
        Func<double, double, bool> agree,
        out List<int> unmatchedProposals,
        out List<int> unmatchedGold)
    {
        var taken = new bool[gold.Count];
        unmatchedProposals = [];
        var found = 0;
        for (var p = 0; p < proposals.Count; p++)
        {
            var g = Enumerable.Range(0, gold.Count).FirstOrDefault(g => !taken[g]
                && proposals[p].Start < gold[g].End && gold[g].Start < proposals[p].End
                && agree(proposals[p].Quantity, gold[g].Quantity), -1);
            if (g < 0)
            {
                unmatchedProposals.Add(p);
                continue;
            }

            taken[g] = true;
            found++;
        }

        unmatchedGold = [.. Enumerable.Range(0, gold.Count).Where(g => !taken[g])];
        return found;
    }

    private static string Cut(string s) => s.Length <= 90 ? s : s[..90] + "…";

    internal static (string Text, Gold Gold) Load(string seed)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Instructions", "Gold");
        var text = File.ReadAllText(Path.Combine(folder, seed + ".txt"));
        var gold = JsonSerializer.Deserialize<Gold>(File.ReadAllText(Path.Combine(folder, seed + ".json")), Web)!;
        return (text, gold);
    }

    internal sealed record Gold(string Language, List<GoldInstruction> Instructions, List<GoldFact> Facts);

    internal sealed record GoldInstruction(string Text, int Start, int End, string? Addressee);

    internal sealed record GoldFact(string Text, int Start, int End, double Value, double Scale, string Unit);

    internal sealed record Score(int InstructionsFound, int InstructionsProposed, int InstructionsGold, int FactsFound, int FactsProposed, int FactsGold, List<string> Notes)
    {
        public Score()
            : this(0, 0, 0, 0, 0, 0, [])
        {
        }

        public double InstructionPrecision => Ratio(InstructionsFound, InstructionsProposed);

        public double InstructionRecall => Ratio(InstructionsFound, InstructionsGold);

        public double FactPrecision => Ratio(FactsFound, FactsProposed);

        public double FactRecall => Ratio(FactsFound, FactsGold);

        public static Score operator +(Score a, Score b) => new(
            a.InstructionsFound + b.InstructionsFound, a.InstructionsProposed + b.InstructionsProposed, a.InstructionsGold + b.InstructionsGold,
            a.FactsFound + b.FactsFound, a.FactsProposed + b.FactsProposed, a.FactsGold + b.FactsGold, []);

        public string Line(string name) => string.Create(CultureInfo.InvariantCulture,
            $"{name,-25} | {InstructionPrecision,4:0.00} {InstructionRecall,4:0.00} ({InstructionsFound}/{InstructionsProposed}/{InstructionsGold}) | {FactPrecision,4:0.00} {FactRecall,4:0.00} ({FactsFound}/{FactsProposed}/{FactsGold})");

        // Nothing proposed where nothing is due counts as perfect.
        private static double Ratio(int found, int of) => of == 0 ? 1 : (double)found / of;
    }
}
