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

    [Theory, MemberData(nameof(Seeds))]
    public void Windows_line_ends_and_a_byte_order_mark_give_the_same_proposals_at_their_own_indices(string seed)
    {
        var (text, _) = Load(seed);
        var unix = InstructionExtractor.Extract(text);
        var windows = "\uFEFF" + text.Replace("\n", "\r\n", StringComparison.Ordinal);
        var other = InstructionExtractor.Extract(windows);

        other.Instructions.Select(i => i.Text.Replace("\r\n", "\n", StringComparison.Ordinal)).ShouldBe(unix.Instructions.Select(i => i.Text));
        other.Facts.Select(f => f.Value * f.Scale).ShouldBe(unix.Facts.Select(f => f.Value * f.Scale));
        other.Instructions.ShouldAllBe(i => windows.Substring(i.Start, i.End - i.Start) == i.Text);
        other.Facts.ShouldAllBe(f => windows.Substring(f.Start, f.End - f.Start) == f.Text);
    }

    [Fact]
    public void Any_text_gives_proposals_whose_indices_quote_it()
    {
        const string alphabet = "abc xyz THE should must instruct 0123456789 ,.;:!?%$«»\"'-–\n\r\t\u00a0 поручаю необходимо до года қажет тиіс тапсырды жылғы әғқңөұүһі áǵńóúýı млрд billion tenge 😀";
        var random = new Random(20260424);
        for (var n = 0; n < 300; n++)
        {
            var chars = new char[random.Next(1, 400)];
            for (var k = 0; k < chars.Length; k++)
            {
                chars[k] = alphabet[random.Next(alphabet.Length)];
            }

            var text = new string(chars);
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            var result = InstructionExtractor.Extract(text);
            result.Instructions.ShouldAllBe(i => i.Start >= 0 && i.End <= text.Length && text.Substring(i.Start, i.End - i.Start) == i.Text);
            result.Facts.ShouldAllBe(f => f.Start >= 0 && f.End <= text.Length && text.Substring(f.Start, f.End - f.Start) == f.Text);
        }
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
