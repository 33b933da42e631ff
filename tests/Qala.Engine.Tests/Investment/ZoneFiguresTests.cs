using Qala.Engine.Investment;

namespace Qala.Engine.Tests.Investment;

public sealed class ZoneFiguresTests
{
    private static readonly DateOnly AsOf = new(2019, 10, 29);

    [Fact]
    public void An_empty_zone_has_zeros_and_no_ratios()
    {
        var figures = ZoneFigures.Compute([], AsOf);

        figures.Registered.ShouldBe(0);
        figures.CommissioningRate.ShouldBeNull();
        figures.MedianDaysToCommissioning.ShouldBeNull();
        figures.InvestmentPerParticipant.ShouldBeNull();
        figures.InvestmentPerJob.ShouldBeNull();
    }

    [Fact]
    public void Stages_are_counted_as_of_the_day()
    {
        ParticipantRecord[] participants =
        [
            P(jobs: 100, invest: [(2015, 1_000), (2016, 500)], steps: [(LifecycleStage.Registered, "2014-01-10"), (LifecycleStage.UnderConstruction, "2015-01-01"), (LifecycleStage.Commissioned, "2016-01-10")]),
            P(jobs: 50, invest: [(2019, 300), (2020, 999)], steps: [(LifecycleStage.Registered, "2018-05-01"), (LifecycleStage.Commissioned, "2019-05-01")]),
            P(jobs: 0, invest: [(2018, 200)], steps: [(LifecycleStage.Applied, "2017-01-01"), (LifecycleStage.Registered, "2017-06-01"), (LifecycleStage.UnderConstruction, "2018-01-01")]),
            P(jobs: 10, invest: [(2017, 50)], steps: [(LifecycleStage.Registered, "2016-01-01"), (LifecycleStage.Excluded, "2018-01-01")]),
            P(jobs: 0, invest: [], steps: [(LifecycleStage.Applied, "2019-09-01")]),
            // Commissioned, then withdrawn: counted as commissioned once, not as operating or registered.
            P(jobs: 20, invest: [(2015, 70)], steps: [(LifecycleStage.Registered, "2014-01-01"), (LifecycleStage.Commissioned, "2015-01-01"), (LifecycleStage.Withdrawn, "2019-01-01")]),
            // Starts after the day: left out.
            P(jobs: 5, invest: [(2020, 1)], steps: [(LifecycleStage.Registered, "2020-01-01")]),
        ];

        var figures = ZoneFigures.Compute(participants, AsOf);

        figures.Applied.ShouldBe(1);
        figures.Registered.ShouldBe(3);
        figures.UnderConstruction.ShouldBe(1);
        figures.Operating.ShouldBe(2);
        figures.CommissionedEver.ShouldBe(3);
        figures.CommissionedInYear.ShouldBe(1);
        figures.Left.ShouldBe(2);
        figures.CommissioningRate!.Value.ShouldBe(2.0 / 3, 1e-12);
        // 730 days (2014-01-10 → 2016-01-10), 365 (2018-05-01 → 2019-05-01), 365 (2014-01-01 → 2015-01-01).
        figures.MedianDaysToCommissioning.ShouldBe(365);
        figures.MeanDaysToCommissioning!.Value.ShouldBe(1460 / 3.0, 1e-9);
        // Registered participants' investment up to 2019: 1,500 + 300 + 200; the 2020 amount is not yet counted.
        figures.Investment.ShouldBe(2_000);
        figures.InvestmentPerParticipant!.Value.ShouldBe(2_000m / 3);
        figures.Jobs.ShouldBe(150);
        figures.InvestmentPerJob!.Value.ShouldBe(2_000m / 150);
    }

    [Theory]
    [InlineData(new[] { 10 }, 10.0)]
    [InlineData(new[] { 30, 10 }, 20.0)] // the mean of the middle two
    [InlineData(new[] { 5, 1, 100 }, 5.0)]
    public void The_median_is_the_middle_value(int[] days, double median)
    {
        var start = new DateOnly(2015, 1, 1);
        var participants = days.Select(d => P(0, [], [(LifecycleStage.Registered, Iso(start)), (LifecycleStage.Commissioned, Iso(start.AddDays(d)))]));

        ZoneFigures.Compute(participants, AsOf).MedianDaysToCommissioning.ShouldBe(median);
    }

    [Fact]
    public void Commissioning_without_a_registration_date_does_not_count_towards_the_time()
    {
        var figures = ZoneFigures.Compute([P(0, [], [(LifecycleStage.Applied, "2015-01-01"), (LifecycleStage.Commissioned, "2016-01-01")])], AsOf);

        figures.CommissionedEver.ShouldBe(1);
        figures.MedianDaysToCommissioning.ShouldBeNull();
    }

    [Theory]
    [InlineData("Registered:2015-01-01,Commissioned:2016-01-01", null)]
    [InlineData("Applied:2015-01-01,Registered:2015-01-01,UnderConstruction:2015-02-01,Commissioned:2016-01-01,Excluded:2017-01-01", null)]
    [InlineData("", "A lifecycle starts with an application or a registration.")]
    [InlineData("Commissioned:2015-01-01", "A lifecycle starts with an application or a registration.")]
    [InlineData("Registered:2015-01-01,Applied:2015-02-01", "This stage cannot follow the one before it.")]
    [InlineData("Applied:2015-01-01,Commissioned:2015-02-01", "This stage cannot follow the one before it.")]
    [InlineData("Registered:2015-01-01,Withdrawn:2015-02-01,Registered:2015-03-01", "This stage cannot follow the one before it.")]
    [InlineData("Registered:2016-01-01,Commissioned:2015-12-31", "A stage cannot be dated before the one before it.")]
    public void Histories_are_checked(string history, string? problem)
    {
        var steps = history.Length == 0
            ? []
            : history.Split(',').Select(s => s.Split(':')).Select(p => new LifecycleStep(Enum.Parse<LifecycleStage>(p[0]), D(p[1]))).ToList();

        Lifecycle.Check(steps).ShouldBe(problem);
    }

    [Fact]
    public void The_ends_of_a_lifecycle_allow_no_moves()
    {
        Lifecycle.NextOf(LifecycleStage.Withdrawn).ShouldBeEmpty();
        Lifecycle.NextOf(LifecycleStage.Excluded).ShouldBeEmpty();
        Lifecycle.NextOf(LifecycleStage.Commissioned).ShouldBe([LifecycleStage.Withdrawn, LifecycleStage.Excluded]);
    }

    private static ParticipantRecord P(int jobs, (int Year, decimal Amount)[] invest, (LifecycleStage Stage, string On)[] steps) =>
        new([.. steps.Select(s => new LifecycleStep(s.Stage, D(s.On)))], [.. invest.Select(i => new YearAmount(i.Year, i.Amount))], jobs);

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
