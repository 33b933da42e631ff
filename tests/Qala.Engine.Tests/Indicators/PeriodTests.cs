using Qala.Engine.Indicators;

namespace Qala.Engine.Tests.Indicators;

public sealed class PeriodTests
{
    [Theory]
    [InlineData("2024", Periodicity.Year, 2024, 0, "2024-01-01", "2024-12-31")]
    [InlineData("2024-Q2", Periodicity.Quarter, 2024, 2, "2024-04-01", "2024-06-30")]
    [InlineData("2024-q4", Periodicity.Quarter, 2024, 4, "2024-10-01", "2024-12-31")]
    [InlineData("2024-02", Periodicity.Month, 2024, 2, "2024-02-01", "2024-02-29")]
    [InlineData("2023-02", Periodicity.Month, 2023, 2, "2023-02-01", "2023-02-28")]
    [InlineData("2024-W01", Periodicity.Week, 2024, 1, "2024-01-01", "2024-01-07")]
    [InlineData("2020-W53", Periodicity.Week, 2020, 53, "2020-12-28", "2021-01-03")] // 2020 has 53 ISO weeks
    [InlineData("2024-03-15", Periodicity.Day, 2024, 75, "2024-03-15", "2024-03-15")]
    [InlineData("2024-12-31", Periodicity.Day, 2024, 366, "2024-12-31", "2024-12-31")]
    // A date reads as the period that contains it.
    [InlineData("2024-05-20", Periodicity.Quarter, 2024, 2, "2024-04-01", "2024-06-30")]
    [InlineData("2024-05-20", Periodicity.Year, 2024, 0, "2024-01-01", "2024-12-31")]
    [InlineData("2021-01-01", Periodicity.Week, 2020, 53, "2020-12-28", "2021-01-03")] // belongs to the previous ISO year
    public void Reads_each_periodicity_with_its_days(string text, Periodicity periodicity, int year, int number, string start, string end)
    {
        Period.TryParse(text, periodicity, out var period).ShouldBeTrue();

        period.ShouldBe(Period.Of(periodicity, year, number));
        period.Start.ShouldBe(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture));
        period.End.ShouldBe(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("", Periodicity.Year)]
    [InlineData("24", Periodicity.Year)]
    [InlineData("2024-Q2", Periodicity.Year)]
    [InlineData("2024-Q5", Periodicity.Quarter)]
    [InlineData("2024-Q0", Periodicity.Quarter)]
    [InlineData("2024-13", Periodicity.Month)]
    [InlineData("2024-00", Periodicity.Month)]
    [InlineData("2024-W53", Periodicity.Week)] // 2024 has 52 ISO weeks
    [InlineData("2024-02-30", Periodicity.Day)]
    [InlineData("2024-060", Periodicity.Day)]
    [InlineData("1850", Periodicity.Year)]
    [InlineData("+024", Periodicity.Year)]
    [InlineData("2024-+1", Periodicity.Month)]
    [InlineData("two thousand", Periodicity.Year)]
    public void Refuses_what_is_not_a_period_of_that_kind(string text, Periodicity periodicity) =>
        Period.TryParse(text, periodicity, out _).ShouldBeFalse();

    [Theory]
    [InlineData("2024", Periodicity.Year)]
    [InlineData("2024-Q2", Periodicity.Quarter)]
    [InlineData("2024-03", Periodicity.Month)]
    [InlineData("2024-W07", Periodicity.Week)]
    [InlineData("2024-03-15", Periodicity.Day)]
    public void Writes_what_it_reads(string text, Periodicity periodicity)
    {
        Period.TryParse(text, periodicity, out var period).ShouldBeTrue();

        period.ToString().ShouldBe(text);
    }

    [Fact]
    public void Text_forms_sort_like_the_periods()
    {
        var months = Enumerable.Range(2019, 3).SelectMany(y => Enumerable.Range(1, 12).Select(m => Period.Of(Periodicity.Month, y, m))).ToList();
        var shuffled = months.OrderBy(p => p.GetHashCode()).ToList();

        shuffled.Order().ShouldBe(months);
        shuffled.Select(p => p.ToString()).Order(StringComparer.Ordinal).ShouldBe(months.Select(p => p.ToString()));
    }

    [Theory]
    [InlineData("2024", Periodicity.Year, "2023")]
    [InlineData("2024-Q1", Periodicity.Quarter, "2023-Q1")]
    [InlineData("2024-03", Periodicity.Month, "2023-03")]
    [InlineData("2026-W53", Periodicity.Week, "2025-W52")] // 2025 has no week 53
    [InlineData("2022-W01", Periodicity.Week, "2021-W01")]
    [InlineData("2024-02-29", Periodicity.Day, "2023-02-28")]
    public void Knows_the_same_period_a_year_earlier(string text, Periodicity periodicity, string earlier)
    {
        Period.TryParse(text, periodicity, out var period).ShouldBeTrue();

        period.YearEarlier().ToString().ShouldBe(earlier);
    }

    [Fact]
    public void Refuses_to_build_a_period_that_does_not_exist() =>
        Should.Throw<ArgumentOutOfRangeException>(() => Period.Of(Periodicity.Month, 2024, 13));
}
