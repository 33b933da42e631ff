using Qala.Engine.Participation;
using Qala.Engine.Participation.Duplicates;

namespace Qala.Engine.Tests.Participation;

public sealed class NearDuplicatesTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Groups_are_exactly_the_components_of_brute_force_Jaccard_pairs(int seed)
    {
        var texts = RandomTexts(seed, 300);
        var options = NearDuplicateOptions.Default;

        var groups = NearDuplicates.Group(texts, options);

        var expected = BruteForceComponents(texts, options);
        Canonical(groups.Select(g => g.Members)).ShouldBe(Canonical(expected));
        expected.Count.ShouldBeGreaterThan(10);
        groups.ShouldAllBe(g => g.LeastSimilarity >= options.Threshold && g.LeastSimilarity <= 1);
    }

    [Fact]
    public void The_index_finds_the_same_matches_as_brute_force_one_text_at_a_time()
    {
        var texts = RandomTexts(4, 200);
        var index = new DuplicateIndex();
        var shingles = texts.Select(t => ShingleSet(t, 5)).ToList();

        for (var i = 0; i < texts.Count; i++)
        {
            var expected = Enumerable.Range(0, i)
                .Select(j => new DuplicateMatch(j, Jaccard(shingles[i], shingles[j])))
                .Where(m => m.Similarity >= 0.7)
                .OrderByDescending(m => m.Similarity).ThenBy(m => m.Id)
                .ToList();

            index.Find(texts[i]).Select(m => m.Id).ShouldBe(expected.Select(m => m.Id));
            var (id, matches) = index.Add(texts[i]);

            id.ShouldBe(i);
            matches.Select(m => m.Id).ShouldBe(expected.Select(m => m.Id));
            for (var m = 0; m < matches.Count; m++)
            {
                matches[m].Similarity.ShouldBe(expected[m].Similarity, 1e-12);
            }
        }

        index.Count.ShouldBe(texts.Count);
    }

    [Fact]
    public void Exact_repeats_of_real_appeals_always_group_together()
    {
        var texts = AppealsSample.All.Select(a => a.Text).ToList();
        // The same appeals sent again, some retyped in another case and spacing.
        texts.AddRange(texts.Take(50).Select((t, i) => i % 2 == 0 ? t : "  " + t.ToUpperInvariant().Replace(" ", "\n", StringComparison.Ordinal)));

        var groups = NearDuplicates.Group(texts);

        var groupOf = new Dictionary<int, int>();
        for (var g = 0; g < groups.Count; g++)
        {
            foreach (var member in groups[g].Members)
            {
                groupOf.Add(member, g);
            }
        }

        foreach (var repeats in Enumerable.Range(0, texts.Count).GroupBy(i => SuggestionText.Normalise(texts[i])).Where(g => g.Count() > 1))
        {
            repeats.Select(i => groupOf.GetValueOrDefault(i, -1)).Distinct().ShouldHaveSingleItem().ShouldBeGreaterThanOrEqualTo(0);
        }
    }

    [Fact]
    public void Similar_requests_join_and_different_ones_do_not()
    {
        string[] texts =
        [
            "Прошу установить освещение во дворе дома 12 по улице Абая",
            "Прошу установить освещение во дворе дома 14 по улице Абая",
            "Просим отремонтировать крышу детского сада на Сатпаева",
            "",
            "   ",
        ];

        var groups = NearDuplicates.Group(texts);

        groups.ShouldHaveSingleItem().Members.ShouldBe([0, 1]);
        groups[0].LeastSimilarity.ShouldBeLessThan(1);
        new DuplicateIndex().Find("").ShouldBeEmpty();
    }

    /// <summary>Texts made of a few base sentences, each copied with random edits, so every similarity occurs.</summary>
    private static List<string> RandomTexts(int seed, int count)
    {
        var random = new Random(seed);
        const string letters = "абвгдежзиклмнопрстуфхцчшыэюя";
        var bases = Enumerable.Range(0, count / 6).Select(_ => Word(random, 40 + random.Next(60))).ToList();
        var texts = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var chars = bases[random.Next(bases.Count)].ToCharArray();
            var edits = random.Next(0, 12);
            for (var e = 0; e < edits; e++)
            {
                chars[random.Next(chars.Length)] = letters[random.Next(letters.Length)];
            }

            texts.Add(new string(chars));
        }

        return texts;

        string Word(Random r, int length) =>
            new([.. Enumerable.Range(0, length).Select(_ => r.Next(6) == 0 ? ' ' : letters[r.Next(letters.Length)])]);
    }

    private static List<IReadOnlyList<int>> BruteForceComponents(List<string> texts, NearDuplicateOptions options)
    {
        var sets = texts.Select(t => ShingleSet(t, options.ShingleLength)).ToList();
        var parent = Enumerable.Range(0, texts.Count).ToArray();
        for (var i = 0; i < texts.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (sets[i].Count > 0 && Jaccard(sets[i], sets[j]) >= options.Threshold)
                {
                    parent[Root(i)] = Root(j);
                }
            }
        }

        return [.. Enumerable.Range(0, texts.Count).GroupBy(Root).Where(g => g.Count() > 1).Select(g => (IReadOnlyList<int>)[.. g])];

        int Root(int i) => parent[i] == i ? i : parent[i] = Root(parent[i]);
    }

    private static HashSet<string> ShingleSet(string text, int length)
    {
        var normal = SuggestionText.Normalise(text);
        if (normal.Length == 0)
        {
            return [];
        }

        var size = Math.Min(length, normal.Length);
        return [.. Enumerable.Range(0, normal.Length - size + 1).Select(i => normal.Substring(i, size))];
    }

    private static double Jaccard(HashSet<string> a, HashSet<string> b) =>
        a.Count + b.Count == 0 ? 0 : (double)a.Intersect(b).Count() / a.Union(b).Count();

    private static List<string> Canonical(IEnumerable<IReadOnlyList<int>> groups) =>
        [.. groups.Select(g => string.Join(',', g.Order())).Order(StringComparer.Ordinal)];
}
