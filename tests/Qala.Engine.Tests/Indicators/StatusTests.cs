using Qala.Engine.Indicators;
using static Qala.Engine.Tests.Indicators.IndicatorTestData;

namespace Qala.Engine.Tests.Indicators;

public sealed class StatusTests
{
    [Theory]
    // Baseline 100 in 2020, target 200 in 2025: 2023 expects 160, a gain of 60.
    [InlineData(160.0, 2023, 100.0, ">=200", IndicatorStatus.OnTrack)]
    [InlineData(157.0, 2023, 100.0, ">=200", IndicatorStatus.OnTrack)] // 57 / 60 = 95 %
    [InlineData(156.0, 2023, 100.0, ">=200", IndicatorStatus.AtRisk)]
    [InlineData(148.0, 2023, 100.0, ">=200", IndicatorStatus.AtRisk)] // 80 %
    [InlineData(147.0, 2023, 100.0, ">=200", IndicatorStatus.OffTrack)]
    [InlineData(90.0, 2023, 100.0, ">=200", IndicatorStatus.OffTrack)]
    [InlineData(200.0, 2023, 100.0, ">=200", IndicatorStatus.Achieved)]
    [InlineData(250.0, 2021, 100.0, ">=200", IndicatorStatus.Achieved)]
    [InlineData(196.0, 2027, 100.0, ">=200", IndicatorStatus.OnTrack)] // after the target year the path stays at 200
    [InlineData(150.0, 2027, 100.0, ">=200", IndicatorStatus.OffTrack)]
    // At or before the baseline year nothing is expected yet.
    [InlineData(100.0, 2020, 100.0, ">=200", IndicatorStatus.OnTrack)]
    [InlineData(99.0, 2020, 100.0, ">=200", IndicatorStatus.OffTrack)]
    [InlineData(101.0, 2019, 100.0, ">=200", IndicatorStatus.OnTrack)]
    // Lower is better: 50 → 30; 2022 expects 42.
    [InlineData(42.0, 2022, 50.0, "<=30", IndicatorStatus.OnTrack)]
    [InlineData(43.0, 2022, 50.0, "<=30", IndicatorStatus.AtRisk)] // 7 / 8
    [InlineData(44.0, 2022, 50.0, "<=30", IndicatorStatus.OffTrack)] // 6 / 8
    [InlineData(55.0, 2022, 50.0, "<=30", IndicatorStatus.OffTrack)]
    [InlineData(30.0, 2022, 50.0, "<=30", IndicatorStatus.Achieved)]
    [InlineData(29.0, 2022, 50.0, "<=30", IndicatorStatus.Achieved)]
    // Zero and negative values.
    [InlineData(-0.4, 2025, -10.0, ">=0", IndicatorStatus.OnTrack)] // 9.6 / 10
    [InlineData(-3.0, 2025, -10.0, ">=0", IndicatorStatus.OffTrack)]
    [InlineData(0.0, 2025, -10.0, ">=0", IndicatorStatus.Achieved)]
    [InlineData(1.9, 2021, 0.0, ">=10", IndicatorStatus.OnTrack)] // expects 2
    [InlineData(1.6, 2021, 0.0, ">=10", IndicatorStatus.AtRisk)]
    [InlineData(0.0, 2021, 0.0, ">=10", IndicatorStatus.OffTrack)]
    [InlineData(-1.9, 2022, 0.0, "<=-5", IndicatorStatus.OnTrack)] // expects -2
    [InlineData(-1.0, 2022, 0.0, "<=-5", IndicatorStatus.OffTrack)]
    // A range 10..20 from 30 (10 outside): 2024 expects 2 outside.
    [InlineData(22.0, 2024, 30.0, "10..20", IndicatorStatus.OnTrack)]
    [InlineData(22.5, 2024, 30.0, "10..20", IndicatorStatus.AtRisk)]
    [InlineData(25.0, 2024, 30.0, "10..20", IndicatorStatus.OffTrack)]
    [InlineData(15.0, 2024, 30.0, "10..20", IndicatorStatus.Achieved)]
    [InlineData(8.0, 2024, 5.0, "10..20", IndicatorStatus.OffTrack)] // 3 of the 4 expected
    [InlineData(9.0, 2024, 5.0, "10..20", IndicatorStatus.OnTrack)]
    [InlineData(25.0, 2024, 15.0, "10..20", IndicatorStatus.OffTrack)] // left a range it was in
    // A target no better than the baseline: staying on the path is enough.
    [InlineData(95.0, 2025, 100.0, ">=90", IndicatorStatus.Achieved)]
    [InlineData(85.0, 2025, 100.0, ">=90", IndicatorStatus.OffTrack)]
    // Missing values.
    [InlineData(null, 2023, 100.0, ">=200", IndicatorStatus.NoData)]
    [InlineData(double.NaN, 2023, 100.0, ">=200", IndicatorStatus.NoData)]
    [InlineData(150.0, 2023, 100.0, "", IndicatorStatus.NoData)]
    [InlineData(150.0, 2023, null, ">=200", IndicatorStatus.NoData)]
    [InlineData(210.0, 2023, null, ">=200", IndicatorStatus.Achieved)]
    public void Of_grades_the_progress_against_a_straight_path_from_2020_to_2025(
        double? actual, int year, double? baseline, string target, IndicatorStatus expected) =>
        Status.Of(actual, year, baseline, 2020, Target(target), 2025).ShouldBe(expected);

    [Theory]
    [InlineData(155.0, IndicatorStatus.OnTrack)] // 55 / 60 ≈ 92 %
    [InlineData(130.0, IndicatorStatus.AtRisk)] // 50 %
    [InlineData(129.0, IndicatorStatus.OffTrack)]
    public void Thresholds_are_configurable(double actual, IndicatorStatus expected) =>
        Status.Of(actual, 2023, 100, 2020, Target(">=200"), 2025, new StatusThresholds(onTrack: 0.9, atRisk: 0.5))
            .ShouldBe(expected);

    [Fact]
    public void Baseline_and_target_in_the_same_year_expect_the_target_from_then_on()
    {
        Status.Of(150, 2020, 100, 2020, Target(">=200"), 2020).ShouldBe(IndicatorStatus.OffTrack);
        Status.Of(195, 2021, 100, 2020, Target(">=200"), 2020).ShouldBe(IndicatorStatus.OnTrack);
        Status.Of(101, 2019, 100, 2020, Target(">=200"), 2020).ShouldBe(IndicatorStatus.OnTrack);
    }

    [Theory]
    [InlineData(0.8, 0.95)]
    [InlineData(-0.1, 0.5)]
    [InlineData(double.NaN, 0.8)]
    public void Thresholds_must_be_ordered(double onTrack, double atRisk) =>
        Should.Throw<ArgumentOutOfRangeException>(() => new StatusThresholds(onTrack, atRisk));

    [Fact]
    public void A_target_year_before_the_baseline_year_is_refused() =>
        Should.Throw<ArgumentOutOfRangeException>(() => Status.Of(1, 2021, 0, 2022, Target(">=10"), 2021));
}
