using Qala.Engine.Participation;
using Qala.Engine.Participation.Topics;

namespace Qala.Engine.Tests.Participation;

public sealed class FoldsTests
{
    [Fact]
    public void Grouped_folds_never_split_a_text_from_its_repeats()
    {
        var texts = AppealsSample.All.Select(a => a.Text).ToList();
        var labels = AppealsSample.All.Select(a => a.Label).ToList();
        // Repeats that differ in case and spacing only, some with another label, as in the real data.
        texts.AddRange(["МУСОР", "мусор  ", "Снег на  дороге", "снег на дороге"]);
        labels.AddRange(["Благоустройство", "Санитарное состояние", "Благоустройство", "Содержание МКД"]);

        var folds = Folds.GroupedStratified(texts, labels, 5, seed: 3);

        var byText = texts.Select((t, i) => (Normal: SuggestionText.Normalise(t), Fold: folds[i])).GroupBy(p => p.Normal);
        byText.ShouldAllBe(g => g.Select(p => p.Fold).Distinct().Count() == 1);
        byText.Count(g => g.Count() > 1).ShouldBeGreaterThan(2);
        folds.ShouldAllBe(f => f >= 0 && f < 5);
    }

    [Fact]
    public void Stratified_folds_spread_every_topic_and_the_texts_evenly()
    {
        var labels = AppealsSample.All.Select(a => a.Label).ToList();

        var folds = Folds.Stratified(labels, 5, seed: 1);

        var sizes = folds.GroupBy(f => f).Select(g => g.Count()).ToList();
        sizes.Count.ShouldBe(5);
        (sizes.Max() - sizes.Min()).ShouldBeLessThanOrEqualTo(2);
        foreach (var topic in labels.GroupBy(l => l))
        {
            var perFold = Enumerable.Range(0, 5).Select(f => labels.Where((l, i) => l == topic.Key && folds[i] == f).Count()).ToList();
            (perFold.Max() - perFold.Min()).ShouldBeLessThanOrEqualTo(1, topic.Key);
        }
    }

    [Fact]
    public void The_same_seed_gives_the_same_folds_and_another_seed_others()
    {
        var texts = AppealsSample.All.Select(a => a.Text).ToList();
        var labels = AppealsSample.All.Select(a => a.Label).ToList();

        Folds.GroupedStratified(texts, labels, 5, 1).ShouldBe(Folds.GroupedStratified(texts, labels, 5, 1));
        Folds.GroupedStratified(texts, labels, 5, 1).ShouldNotBe(Folds.GroupedStratified(texts, labels, 5, 2));
    }
}
