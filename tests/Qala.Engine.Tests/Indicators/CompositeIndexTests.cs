using System.Globalization;
using Qala.Engine.Indicators;
using static Qala.Engine.Tests.Indicators.IndicatorTestData;

namespace Qala.Engine.Tests.Indicators;

public sealed class CompositeIndexTests
{
    // A: higher is better; B: lower is better; R: range 10..20; C: higher is better.
    private static readonly CompositeIndicator A = new("A", Polarity.HigherIsBetter);
    private static readonly CompositeIndicator B = new("B", Polarity.LowerIsBetter);
    private static readonly CompositeIndicator R = new("R", Polarity.TargetRange, Range: new ValueRange(10, 20));
    private static readonly CompositeIndicator C = new("C", Polarity.HigherIsBetter);

    [Theory]
    // A normalises to 0, .5, 1, .5; B (inverted) to 1, 1, 0, 1: scores .5, .75, .5, .75.
    [InlineData("AB", "T1 A=10 B=5; T2 A=20 B=5; T3 A=30 B=10; T4 A=20 B=5", MissingValues.Exclude,
        "T2 0.75 1; T4 0.75 1; T1 0.5 3; T3 0.5 3")]
    // Weights 3 and 1 become 0.75 and 0.25: .25, .625, .75, .625 — "1, 2, 2, 4".
    [InlineData("A3B", "T1 A=10 B=5; T2 A=20 B=5; T3 A=30 B=10; T4 A=20 B=5", MissingValues.Exclude,
        "T3 0.75 1; T2 0.625 2; T4 0.625 2; T1 0.25 4")]
    // Zero and negative values normalise like any other.
    [InlineData("A", "T1 A=-10; T2 A=0; T3 A=10", MissingValues.Exclude, "T3 1 1; T2 0.5 2; T1 0 3")]
    [InlineData("B", "T1 B=-10; T2 B=0; T3 B=30", MissingValues.Exclude, "T1 1 1; T2 0.75 2; T3 0 3")]
    // A range counts the distance outside it: 0, 5 and 10 outside.
    [InlineData("R", "T1 R=15; T2 R=25; T3 R=0; T4 R=10", MissingValues.Exclude, "T1 1 1; T4 1 1; T2 0.5 3; T3 0 4")]
    // All equal: the fixed middle value for everyone.
    [InlineData("C", "T1 C=7; T2 C=7", MissingValues.Exclude, "T1 0.5 1; T2 0.5 1")]
    [InlineData("AC", "T1 A=0 C=7; T2 A=10 C=7", MissingValues.Exclude, "T2 0.75 1; T1 0.25 2")]
    // Missing values: T3 lacks B (absent), T4 has B = null, T5 has nothing, T6 has NaN.
    // B is normalised over T1 and T2 only: 1 and 0. A over T1–T4 and T6 is missing: 0, 1/3, 2/3, 1.
    [InlineData("AB", "T1 A=0 B=1; T2 A=10 B=2; T3 A=20; T4 A=30 B=-; T5; T6 A=NaN B=NaN", MissingValues.Exclude,
        "T1 0.5 1; T2 0.16666666666666666 2; T3 - -; T4 - -; T5 - -; T6 - -")]
    [InlineData("AB", "T1 A=0 B=1; T2 A=10 B=2; T3 A=20; T4 A=30 B=-; T5; T6 A=NaN B=NaN", MissingValues.Reweight,
        "T4 1 1; T3 0.6666666666666666 2; T1 0.5 3; T2 0.16666666666666666 4; T5 - -; T6 - -")]
    // An indicator no territory has leaves the others to decide under Reweight, and nobody scored under Exclude.
    [InlineData("AC", "T1 A=1; T2 A=2", MissingValues.Reweight, "T2 1 1; T1 0 2")]
    [InlineData("AC", "T1 A=1; T2 A=2", MissingValues.Exclude, "T1 - -; T2 - -")]
    [InlineData("A", "", MissingValues.Exclude, "")]
    public void Compute_normalises_weighs_and_ranks(string indicators, string territories, MissingValues missing, string expected)
    {
        var scores = CompositeIndex.Compute(Indicators(indicators), Territories(territories), missing);

        Describe(scores).ShouldBe(expected);
    }

    [Fact]
    public void Input_order_does_not_change_scores_or_ranks()
    {
        var forward = Territories("T1 A=10 B=5; T2 A=20 B=5; T3 A=30 B=10; T4 A=20 B=5");
        List<TerritoryValues> backward = [.. Enumerable.Reverse(forward)];

        CompositeIndex.Compute([A, B], backward, MissingValues.Exclude)
            .ShouldBe(CompositeIndex.Compute([B, A], forward, MissingValues.Exclude));
    }

    [Fact]
    public void Extreme_values_stay_finite() =>
        Describe(CompositeIndex.Compute([A], Territories("T1 A=-1.7e308; T2 A=1.7e308; T3 A=0"), MissingValues.Exclude))
            .ShouldBe("T2 1 1; T3 0.5 2; T1 0 3");

    [Fact]
    public void Bad_input_is_refused()
    {
        var territories = Territories("T1 A=1");
        Should.Throw<ArgumentException>(() => CompositeIndex.Compute([], territories, MissingValues.Exclude));
        Should.Throw<ArgumentException>(() => CompositeIndex.Compute([A, A], territories, MissingValues.Exclude));
        Should.Throw<ArgumentException>(() => CompositeIndex.Compute([A with { Weight = 0 }], territories, MissingValues.Exclude));
        Should.Throw<ArgumentException>(() => CompositeIndex.Compute([A with { Weight = double.NaN }], territories, MissingValues.Exclude));
        Should.Throw<ArgumentException>(() => CompositeIndex.Compute([R with { Range = null }], territories, MissingValues.Exclude));
        Should.Throw<ArgumentException>(() => CompositeIndex.Compute([A], Territories("T1 A=1; T1 A=2"), MissingValues.Exclude));
    }

    [Theory]
    [InlineData("3 1 3 - 2", "1 4 1 - 3")]
    [InlineData("5 5 5", "1 1 1")]
    [InlineData("0 -1 0 -1 -2", "1 3 1 3 5")]
    [InlineData("1 2 2 3", "4 2 2 1")]
    [InlineData("- -", "- -")]
    [InlineData("", "")]
    public void Competition_ranks_share_a_rank_and_skip_the_next(string scores, string expected)
    {
        var parsed = Split(scores, ' ').Select(s => s == "-" ? (double?)null : Number(s)).ToList();

        string.Join(' ', Ranking.Competition(parsed).Select(r => r?.ToString(CultureInfo.InvariantCulture) ?? "-")).ShouldBe(expected);
    }

    // "A3B" = A with weight 3, then B with weight 1.
    private static List<CompositeIndicator> Indicators(string spec)
    {
        var all = new[] { A, B, R, C }.ToDictionary(i => i.Code);
        var list = new List<CompositeIndicator>();
        foreach (var c in spec)
        {
            if (char.IsDigit(c))
            {
                list[^1] = list[^1] with { Weight = c - '0' };
            }
            else
            {
                list.Add(all[c.ToString()]);
            }
        }

        return list;
    }

    // "T1 A=10 B=-; T2" = T1 with A 10 and B null, T2 with no values.
    private static List<TerritoryValues> Territories(string spec) =>
        Split(spec, ';')
            .Select(t => Split(t, ' '))
            .Select(parts => new TerritoryValues(
                parts[0],
                parts.Skip(1).Select(p => p.Split('=')).ToDictionary(kv => kv[0], kv => kv[1] == "-" ? (double?)null : Number(kv[1]))))
            .ToList();

    private static string Describe(IEnumerable<CompositeScore> scores) =>
        string.Join("; ", scores.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Territory} {s.Score?.ToString("R", CultureInfo.InvariantCulture) ?? "-"} {s.Rank?.ToString(CultureInfo.InvariantCulture) ?? "-"}")));

    private static string[] Split(string text, char separator) =>
        text.Split(separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
