using Qala.Engine.Participation.Topics;

namespace Qala.Engine.Tests.Participation;

public sealed class TopicEvaluationTests
{
    [Fact]
    public void Macro_F1_is_the_plain_mean_of_per_topic_F1_over_true_and_predicted_topics()
    {
        // roads: 3 true, 2 predicted right, 1 predicted as parking; parking: 1 true, right; "other" only predicted once.
        string[] truth = ["roads", "roads", "roads", "parking", "ecology"];
        string[] predicted = ["roads", "roads", "parking", "parking", "other"];

        var evaluation = TopicEvaluation.Of(truth, predicted);

        evaluation.Accuracy.ShouldBe(3 / 5.0, 1e-12);
        evaluation.Labels.ShouldBe(["ecology", "other", "parking", "roads"]);
        var roads = evaluation.Classes.Single(c => c.Label == "roads");
        (roads.Support, roads.Precision, roads.Recall).ShouldBe((3, 1.0, 2 / 3.0));
        roads.F1.ShouldBe(0.8, 1e-12);
        var parking = evaluation.Classes.Single(c => c.Label == "parking");
        parking.F1.ShouldBe(2 * 0.5 * 1 / 1.5, 1e-12);
        evaluation.Classes.Single(c => c.Label == "ecology").F1.ShouldBe(0);
        evaluation.Classes.Single(c => c.Label == "other").Support.ShouldBe(0);
        evaluation.MacroF1.ShouldBe((0 + 0 + (2 / 3.0) + 0.8) / 4, 1e-12);
        evaluation.Confusion[3].ShouldBe([0, 0, 1, 2]);
        evaluation.Confusion[0].ShouldBe([0, 1, 0, 0]);
    }

    [Fact]
    public void All_right_is_one_and_nothing_is_zero()
    {
        TopicEvaluation.Of(["a", "b"], ["a", "b"]).MacroF1.ShouldBe(1);
        var empty = TopicEvaluation.Of([], []);
        (empty.Accuracy, empty.MacroF1, empty.Count).ShouldBe((0.0, 0.0, 0));
    }

    [Fact]
    public void Lengths_must_agree() =>
        Should.Throw<ArgumentException>(() => TopicEvaluation.Of(["a"], []));
}
