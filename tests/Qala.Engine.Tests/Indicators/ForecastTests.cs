using Qala.Engine.Indicators;
using static Qala.Engine.Tests.Indicators.IndicatorTestData;

namespace Qala.Engine.Tests.Indicators;

public sealed class ForecastTests
{
    // 2018–2022: 10, 12, 15, 15, 19. By hand: mean year 2020, mean value 14.2, Sxx = 10, Sxy = 21, slope 2.1,
    // intercept 14.2 − 2.1 × 2020 = −4227.8, SSE = 2.7, s = √(2.7 / 3) = √0.9.
    // 2025: 14.2 + 2.1 × 5 = 24.7; half width = t × √0.9 × √(1 + 1/5 + 25/10) = t × √0.9 × √3.7,
    // t(0.95; 3) = 2.353363434801 → ±4.294485276414; t(0.975; 3) = 3.182446305284 → ±5.807419542140.
    private static readonly YearValue[] Known =
    [
        new(2018, 10), new(2019, 12), new(2020, 15), new(2021, 15), new(2022, 19),
    ];

    [Theory]
    [InlineData(0.90, 20.40551472358557, 28.99448527641443)]
    [InlineData(0.95, 18.892580457859744, 30.507419542140255)]
    public void A_known_series_gives_the_hand_computed_forecast(double confidence, double lower, double upper)
    {
        var forecast = Forecast.ToYear(Known, 2025, confidence).ShouldNotBeNull();

        forecast.Slope.ShouldBe(2.1, 1e-12);
        forecast.Intercept.ShouldBe(-4227.8, 1e-9);
        forecast.Value.ShouldBe(24.7, 1e-9);
        forecast.Lower.ShouldBe(lower, 1e-9);
        forecast.Upper.ShouldBe(upper, 1e-9);
        forecast.Points.ShouldBe(5);
        forecast.Confidence.ShouldBe(confidence);
    }

    [Theory]
    // 2020–2022: 1, 3, 2 (one degree of freedom). Slope 0.5, 2023: 3; SSE 1.5;
    // ± t(0.95; 1) × √1.5 × √(1 + 1/3 + 4/2), t(0.95; 1) = 6.313751514675.
    [InlineData(new[] { 2020, 2021, 2022 }, new[] { 1.0, 3.0, 2.0 }, 2023, 3.0, -11.11797757985556, 17.117977579855562)]
    // 2019–2022: 0, −1, −3, −3. Slope −1.1, 2024: −1.75 − 1.1 × 3.5 = −5.6; SSE 0.3;
    // ± t(0.95; 2) × √0.15 × √(1 + 1/4 + 12.25/5), t(0.95; 2) = 2.919985580354.
    [InlineData(new[] { 2019, 2020, 2021, 2022 }, new[] { 0.0, -1.0, -3.0, -3.0 }, 2024, -5.6, -8.922887140330001, -2.277112859669998)]
    // A perfect line: no residuals, no width.
    [InlineData(new[] { 2018, 2019, 2020, 2021, 2022 }, new[] { 54.0, 57.0, 60.0, 63.0, 66.0 }, 2025, 75.0, 75.0, 75.0)]
    [InlineData(new[] { 2018, 2020, 2021 }, new[] { 0.0, 0.0, 0.0 }, 2030, 0.0, 0.0, 0.0)]
    public void Small_series_give_the_hand_computed_forecast(int[] years, double[] values, int year, double value, double lower, double upper)
    {
        var forecast = Forecast.ToYear(years.Zip(values, (y, v) => new YearValue(y, v)), year).ShouldNotBeNull();

        forecast.Value.ShouldBe(value, 1e-9);
        forecast.Lower.ShouldBe(lower, 1e-9);
        forecast.Upper.ShouldBe(upper, 1e-9);
    }

    [Fact]
    public void Missing_values_are_skipped_and_order_does_not_matter()
    {
        YearValue[] shuffled =
        [
            new(2021, 15), new(2016, null), new(2018, 10), new(2022, 19), new(2017, double.NaN), new(2020, 15), new(2019, 12),
        ];

        Forecast.ToYear(shuffled, 2025).ShouldBe(Forecast.ToYear(Known, 2025));
    }

    [Theory]
    [InlineData(new int[0], new double[0])]
    [InlineData(new[] { 2020, 2021 }, new[] { 1.0, 2.0 })]
    [InlineData(new[] { 2020, 2021, 2022 }, new[] { 1.0, 2.0, double.NaN })]
    public void Fewer_than_three_values_give_no_forecast(int[] years, double[] values) =>
        Forecast.ToYear(years.Zip(values, (y, v) => new YearValue(y, v)), 2025).ShouldBeNull();

    [Fact]
    public void Three_years_with_one_missing_give_no_forecast() =>
        Forecast.ToYear([new(2020, 1), new(2021, null), new(2022, 3)], 2025).ShouldBeNull();

    [Theory]
    // The 90 % interval of the known series in 2025 is [20.41, 28.99].
    [InlineData(">=30", true)]
    [InlineData(">=29", true)]
    [InlineData(">=28", false)]
    [InlineData(">=0", false)]
    [InlineData("<=20", true)]
    [InlineData("<=21", false)]
    [InlineData("<=-5", true)]
    [InlineData("30..40", true)]
    [InlineData("0..20", true)]
    [InlineData("0..20.5", false)]
    [InlineData("25..26", false)]
    [InlineData("-10..0", true)]
    public void WillMiss_when_the_whole_interval_is_on_the_wrong_side(string target, bool expected) =>
        Forecast.ToYear(Known, 2025)!.WillMiss(Target(target)!.Value).ShouldBe(expected);

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-0.5)]
    [InlineData(double.NaN)]
    public void Confidence_lies_strictly_between_0_and_1(double confidence) =>
        Should.Throw<ArgumentOutOfRangeException>(() => Forecast.ToYear(Known, 2025, confidence));

    [Fact]
    public void Two_values_for_one_year_are_refused() =>
        Should.Throw<ArgumentException>(() => Forecast.ToYear([new(2020, 1), new(2021, 2), new(2021, 3)], 2025));
}
