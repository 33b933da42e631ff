using Qala.Engine.Indicators;
using static Qala.Engine.Tests.Indicators.IndicatorTestData;

namespace Qala.Engine.Tests.Indicators;

public sealed class AchievementTests
{
    [Theory]
    // Higher is better: fact / plan × 100.
    [InlineData(120.0, ">=100", false, 120.0)]
    [InlineData(120.0, ">=100", true, 100.0)]
    [InlineData(80.0, ">=100", true, 80.0)]
    [InlineData(0.0, ">=100", false, 0.0)]
    [InlineData(-20.0, ">=100", false, -20.0)]
    [InlineData(50.0, ">=0", false, null)] // plan 0: no ratio
    [InlineData(0.0, ">=0", false, null)]
    [InlineData(-5.0, ">=-10", false, 150.0)] // better than a negative plan, so above 100
    [InlineData(-15.0, ">=-10", false, 50.0)]
    [InlineData(null, ">=100", false, null)]
    [InlineData(100.0, "", false, null)]
    [InlineData(double.NaN, ">=100", false, null)]
    [InlineData(double.PositiveInfinity, ">=100", false, null)]
    [InlineData(1e308, ">=1e-308", false, null)] // would overflow
    // Lower is better: plan / fact × 100.
    [InlineData(80.0, "<=100", false, 125.0)]
    [InlineData(80.0, "<=100", true, 100.0)]
    [InlineData(125.0, "<=100", false, 80.0)]
    [InlineData(0.0, "<=100", false, null)] // fact 0: no ratio
    [InlineData(50.0, "<=0", false, 0.0)]
    [InlineData(-20.0, "<=-10", false, 150.0)]
    [InlineData(-5.0, "<=-10", false, 0.0)]
    [InlineData(10.0, "<=-10", false, -100.0)]
    [InlineData(-10.0, "<=10", false, 300.0)]
    [InlineData(null, "<=100", false, null)]
    // A range: 100 inside, then down by the relative distance to the nearest bound, not below 0.
    [InlineData(15.0, "10..20", false, 100.0)]
    [InlineData(10.0, "10..20", false, 100.0)]
    [InlineData(20.0, "10..20", true, 100.0)]
    [InlineData(22.0, "10..20", false, 90.0)]
    [InlineData(9.0, "10..20", false, 90.0)]
    [InlineData(0.0, "10..20", false, 0.0)]
    [InlineData(-5.0, "10..20", false, 0.0)]
    [InlineData(6.0, "0..5", false, 80.0)]
    [InlineData(-1.0, "0..5", false, null)] // nearest bound 0: no relative distance
    [InlineData(-22.0, "-20..-10", false, 90.0)]
    [InlineData(-9.0, "-20..-10", false, 90.0)]
    [InlineData(7.0, "7..7", false, 100.0)]
    [InlineData(null, "10..20", false, null)]
    public void Percent_follows_the_polarity_and_is_null_when_undefined(double? fact, string target, bool cap, double? expected)
    {
        var percent = Achievement.Percent(fact, Target(target), cap);

        if (expected is null)
        {
            percent.ShouldBeNull();
        }
        else
        {
            percent.ShouldNotBeNull().ShouldBe(expected.Value, 1e-9);
        }
    }
}
