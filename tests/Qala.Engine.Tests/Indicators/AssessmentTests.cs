using Qala.Engine.Indicators;

namespace Qala.Engine.Tests.Indicators;

public sealed class AssessmentTests
{
    private static readonly YearValue Baseline2020 = new(2020, 100);

    private static List<YearValue> Series(params (int Year, double? Value)[] points) => [.. points.Select(p => new YearValue(p.Year, p.Value))];

    [Fact]
    public void Measures_the_latest_value_against_the_next_target()
    {
        var assessment = Assessment.Of(
            Series((2020, 100), (2021, 104), (2022, 108), (2023, 112)),
            Polarity.HigherIsBetter,
            null,
            Baseline2020,
            [new YearTarget(2022, Target.AtLeast(110)), new YearTarget(2025, Target.AtLeast(130))]);

        assessment.Year.ShouldBe(2023);
        assessment.Actual.ShouldBe(112);
        assessment.YearEarlier.ShouldBe(108);
        assessment.Direction.ShouldBe(Direction.Improving);
        assessment.Target!.Value.Year.ShouldBe(2025);
        assessment.AchievementPercent!.Value.ShouldBe(112.0 / 130 * 100, 1e-9);
        assessment.Progress!.Value.ShouldBe(12.0 / 30, 1e-9);

        // Expected by 2023 on the path from 100 (2020) to 130 (2025): 118; 12 of 18 = 67 % of the way → off track.
        assessment.Status.ShouldBe(IndicatorStatus.OffTrack);

        // The trend of +4 a year reaches 120 in 2025, far below 130.
        assessment.Forecast!.Value.ShouldBe(120, 1e-9);
        assessment.WillMiss.ShouldBeTrue();
        assessment.IsLagging.ShouldBeTrue();
    }

    [Fact]
    public void Lower_is_better_on_track_and_forecast_to_meet()
    {
        var assessment = Assessment.Of(
            Series((2020, 10), (2021, 9), (2022, 8), (2023, 7)),
            Polarity.LowerIsBetter,
            null,
            new YearValue(2020, 10),
            [new YearTarget(2025, Target.AtMost(6))]);

        assessment.Status.ShouldBe(IndicatorStatus.OnTrack);
        assessment.Direction.ShouldBe(Direction.Improving);
        assessment.WillMiss.ShouldBeFalse();
        assessment.IsLagging.ShouldBeFalse();
        assessment.AchievementPercent!.Value.ShouldBe(6.0 / 7 * 100, 1e-9);
    }

    [Fact]
    public void After_the_last_target_year_it_is_measured_against_that_target_without_a_forecast()
    {
        var assessment = Assessment.Of(
            Series((2024, 140)), Polarity.HigherIsBetter, null, Baseline2020, [new YearTarget(2022, Target.AtLeast(130))]);

        assessment.Target!.Value.Year.ShouldBe(2022);
        assessment.Status.ShouldBe(IndicatorStatus.Achieved);
        assessment.Forecast.ShouldBeNull();
        assessment.Severity.ShouldBe(4);
    }

    [Fact]
    public void Without_values_there_is_no_data_and_the_first_target_is_named()
    {
        var assessment = Assessment.Of(
            Series((2021, null), (2022, double.NaN)), Polarity.HigherIsBetter, null, Baseline2020, [new YearTarget(2025, Target.AtLeast(1))]);

        assessment.Status.ShouldBe(IndicatorStatus.NoData);
        assessment.Actual.ShouldBeNull();
        assessment.Target!.Value.Year.ShouldBe(2025);
        assessment.IsLagging.ShouldBeFalse();
        assessment.Severity.ShouldBe(5);
    }

    [Fact]
    public void Without_targets_there_is_no_status_but_a_direction()
    {
        var assessment = Assessment.Of(Series((2022, 5), (2023, 4)), Polarity.HigherIsBetter, null, null, []);

        assessment.Status.ShouldBe(IndicatorStatus.NoData);
        assessment.Direction.ShouldBe(Direction.Worsening);
        assessment.AchievementPercent.ShouldBeNull();
    }

    [Fact]
    public void Without_a_baseline_an_unmet_target_has_no_status()
    {
        var assessment = Assessment.Of(Series((2022, 5), (2023, 6)), Polarity.HigherIsBetter, null, null, [new YearTarget(2025, Target.AtLeast(10))]);

        assessment.Status.ShouldBe(IndicatorStatus.NoData);
        assessment.AchievementPercent.ShouldBe(60);
        assessment.Progress.ShouldBeNull();
    }

    [Fact]
    public void A_range_inside_is_achieved_and_a_gap_in_the_years_gives_no_direction()
    {
        var assessment = Assessment.Of(
            Series((2021, 30), (2023, 15)), Polarity.TargetRange, new ValueRange(10, 20), new YearValue(2021, 30), [new YearTarget(2025, Target.Within(10, 20))]);

        assessment.Status.ShouldBe(IndicatorStatus.Achieved);
        assessment.YearEarlier.ShouldBeNull();
        assessment.Direction.ShouldBe(Direction.Unknown);
        assessment.AchievementPercent.ShouldBe(100);
    }
}
