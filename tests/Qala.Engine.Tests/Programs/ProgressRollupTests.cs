using Qala.Engine.Programs;

namespace Qala.Engine.Tests.Programs;

public sealed class ProgressRollupTests
{
    [Fact]
    public void No_children_or_none_with_data_is_empty()
    {
        ProgressRollup.Of([]).ShouldBe(Rollup.Empty);
        ProgressRollup.Of([null, new RollupPart(null, 50), RollupPart.Indicator(null)]).ShouldBe(Rollup.Empty);
        ProgressRollup.Of([new RollupPart(50, 50, 0), new RollupPart(50, 50, -1), new RollupPart(50, 50, double.NaN)]).ShouldBe(Rollup.Empty);
        ProgressRollup.Of([new RollupPart(double.PositiveInfinity, 50)]).ShouldBe(Rollup.Empty);
    }

    [Fact]
    public void An_empty_branch_is_left_out_of_its_parent()
    {
        var emptyTask = ProgressRollup.Of([]);
        var task = ProgressRollup.Of([new RollupPart(40, 50)]);

        var goal = ProgressRollup.Of([emptyTask.AsPart(), task.AsPart()]);

        goal.Percent.ShouldBe(40);
        goal.Expected.ShouldBe(50);
    }

    [Theory]
    [InlineData(new[] { 50.0, 100.0 }, new[] { 1.0, 1.0 }, 75.0)]
    [InlineData(new[] { 50.0, 100.0 }, new[] { 3.0, 1.0 }, 62.5)]
    [InlineData(new[] { 150.0, 0.0 }, new[] { 1.0, 1.0 }, 50.0)] // each child capped at 100 %
    [InlineData(new[] { 300.0, 20.0 }, new[] { 1.0, 1.0 }, 60.0)]
    [InlineData(new[] { -40.0, 60.0 }, new[] { 1.0, 1.0 }, 30.0)] // and floored at 0
    [InlineData(new[] { 70.0 }, new[] { 0.5 }, 70.0)]
    public void The_mean_is_weighted_and_capped(double[] percents, double[] weights, double expected)
    {
        var rollup = ProgressRollup.Of(percents.Zip(weights, (p, w) => new RollupPart(p, 100, w)));

        rollup.Percent!.Value.ShouldBe(expected, 1e-9);
    }

    [Theory]
    [InlineData(50.0, 50.0, ProgressBand.OnTrack)]
    [InlineData(45.0, 50.0, ProgressBand.AtRisk)]
    [InlineData(30.0, 50.0, ProgressBand.OffTrack)]
    [InlineData(100.0, 100.0, ProgressBand.Completed)]
    [InlineData(10.0, 0.0, ProgressBand.OnTrack)] // nothing expected yet
    [InlineData(0.0, 0.0, ProgressBand.OnTrack)]
    public void The_band_compares_the_mean_with_what_is_expected(double percent, double expected, ProgressBand band) =>
        ProgressRollup.Of([new RollupPart(percent, expected)]).Band.ShouldBe(band);

    [Fact]
    public void A_goal_combines_indicator_achievement_and_activity_progress()
    {
        var task = ProgressRollup.Of([
            ActivityProgress.Assess(ActivityStatus.InProgress, 60, new(2026, 1, 1), new(2026, 1, 10), new(2026, 1, 5)).AsPart(),
            ActivityProgress.Assess(ActivityStatus.Cancelled, 0, new(2026, 1, 1), new(2026, 1, 10), new(2026, 1, 5)).AsPart(),
            ActivityProgress.Assess(ActivityStatus.Completed, 100, new(2026, 1, 1), new(2026, 1, 3), new(2026, 1, 5)).AsPart(),
        ]);
        task.Percent.ShouldBe(80); // (60 + 100) / 2, the cancelled one left out
        task.Expected.ShouldBe(75); // (50 + 100) / 2

        var goal = ProgressRollup.Of([task.AsPart(), RollupPart.Indicator(120), RollupPart.Indicator(null)]);

        goal.Percent.ShouldBe(90); // (80 + 100 capped) / 2; the indicator without data left out
        goal.Expected!.Value.ShouldBe(87.5);
        goal.Band.ShouldBe(ProgressBand.OnTrack);

        var program = ProgressRollup.Of([ProgressRollup.Of([goal.AsPart()]).AsPart(), ProgressRollup.Of([]).AsPart()]);
        program.Percent.ShouldBe(90);
    }
}
