using Qala.Engine.Indicators;

namespace Qala.Engine.Tests.Indicators;

public sealed class ProgressTests
{
    [Theory]
    [InlineData(150.0, 100.0, 200.0, 0.5)]
    [InlineData(200.0, 100.0, 200.0, 1.0)]
    [InlineData(250.0, 100.0, 200.0, 1.5)]
    [InlineData(80.0, 100.0, 200.0, -0.2)]
    [InlineData(40.0, 50.0, 30.0, 0.5)] // a falling target
    [InlineData(0.0, 0.0, 10.0, 0.0)]
    [InlineData(5.0, 0.0, 10.0, 0.5)]
    [InlineData(0.0, -10.0, 10.0, 0.5)]
    [InlineData(-15.0, -10.0, -20.0, 0.5)]
    [InlineData(5.0, 10.0, 10.0, null)] // target = baseline
    [InlineData(0.0, 0.0, 0.0, null)]
    [InlineData(null, 10.0, 20.0, null)]
    [InlineData(15.0, null, 20.0, null)]
    [InlineData(15.0, 10.0, null, null)]
    [InlineData(double.NaN, 10.0, 20.0, null)]
    [InlineData(1.0, 0.0, double.PositiveInfinity, null)]
    [InlineData(1e308, -1e308, 1e-300, null)] // would overflow
    public void FromBaseline_is_the_share_of_the_way_to_the_target(double? actual, double? baseline, double? target, double? expected)
    {
        var progress = Progress.FromBaseline(actual, baseline, target);

        if (expected is null)
        {
            progress.ShouldBeNull();
        }
        else
        {
            progress.ShouldNotBeNull().ShouldBe(expected.Value, 1e-12);
        }
    }
}
