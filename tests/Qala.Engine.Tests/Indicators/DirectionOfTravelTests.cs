using Qala.Engine.Indicators;
using static Qala.Engine.Tests.Indicators.IndicatorTestData;

namespace Qala.Engine.Tests.Indicators;

public sealed class DirectionOfTravelTests
{
    [Theory]
    // Higher is better, default tolerance 1 % of the year-earlier value.
    [InlineData(105.0, 100.0, ">=", Direction.Improving)]
    [InlineData(101.0, 100.0, ">=", Direction.Stable)] // the tolerance is inclusive
    [InlineData(99.5, 100.0, ">=", Direction.Stable)]
    [InlineData(101.5, 100.0, ">=", Direction.Improving)]
    [InlineData(95.0, 100.0, ">=", Direction.Worsening)]
    [InlineData(0.0, 0.0, ">=", Direction.Stable)]
    [InlineData(0.001, 0.0, ">=", Direction.Improving)] // no relative tolerance around 0
    [InlineData(0.0, 10.0, ">=", Direction.Worsening)]
    [InlineData(-5.0, -10.0, ">=", Direction.Improving)]
    [InlineData(-10.0, -5.0, ">=", Direction.Worsening)]
    [InlineData(-10.05, -10.0, ">=", Direction.Stable)]
    // Lower is better.
    [InlineData(95.0, 100.0, "<=", Direction.Improving)]
    [InlineData(105.0, 100.0, "<=", Direction.Worsening)]
    [InlineData(0.0, 1.0, "<=", Direction.Improving)]
    [InlineData(-3.0, -2.0, "<=", Direction.Improving)]
    [InlineData(100.5, 100.0, "<=", Direction.Stable)]
    // A range: closer to it is better; anywhere inside is as good as anywhere else.
    [InlineData(15.0, 12.0, "10..20", Direction.Stable)]
    [InlineData(22.0, 25.0, "10..20", Direction.Improving)]
    [InlineData(18.0, 25.0, "10..20", Direction.Improving)]
    [InlineData(25.0, 22.0, "10..20", Direction.Worsening)]
    [InlineData(5.0, 25.0, "10..20", Direction.Stable)] // 5 outside either way
    [InlineData(0.0, 5.0, "10..20", Direction.Worsening)]
    [InlineData(-12.0, -25.0, "-20..-10", Direction.Improving)]
    // Missing values.
    [InlineData(null, 100.0, ">=", Direction.Unknown)]
    [InlineData(100.0, null, "<=", Direction.Unknown)]
    [InlineData(null, null, "10..20", Direction.Unknown)]
    [InlineData(double.NaN, 100.0, ">=", Direction.Unknown)]
    public void Of_compares_with_a_year_earlier_by_polarity(double? current, double? yearEarlier, string polarity, Direction expected)
    {
        var (kind, range) = polarity switch
        {
            ">=" => (Polarity.HigherIsBetter, (ValueRange?)null),
            "<=" => (Polarity.LowerIsBetter, null),
            _ => (Polarity.TargetRange, Target(polarity)!.Value.Bounds),
        };

        DirectionOfTravel.Of(current, yearEarlier, kind, range).ShouldBe(expected);
    }

    [Theory]
    [InlineData(0.4, 0.0, Direction.Stable)]
    [InlineData(0.6, 0.0, Direction.Improving)]
    [InlineData(-0.6, 0.0, Direction.Worsening)]
    [InlineData(10.9, 10.0, Direction.Stable)] // 0.5 + 5 % of 10
    [InlineData(11.1, 10.0, Direction.Improving)]
    public void Tolerances_add_up(double current, double yearEarlier, Direction expected) =>
        DirectionOfTravel.Of(current, yearEarlier, Polarity.HigherIsBetter, relativeTolerance: 0.05, absoluteTolerance: 0.5)
            .ShouldBe(expected);

    [Fact]
    public void A_target_range_needs_its_bounds_and_tolerances_cannot_be_negative()
    {
        Should.Throw<ArgumentException>(() => DirectionOfTravel.Of(1, 2, Polarity.TargetRange));
        Should.Throw<ArgumentOutOfRangeException>(() => DirectionOfTravel.Of(1, 2, Polarity.HigherIsBetter, relativeTolerance: -0.01));
        Should.Throw<ArgumentOutOfRangeException>(() => DirectionOfTravel.Of(1, 2, Polarity.HigherIsBetter, absoluteTolerance: double.NaN));
    }
}
