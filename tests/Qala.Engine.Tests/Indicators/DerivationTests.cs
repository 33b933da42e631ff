using Qala.Engine.Indicators;

namespace Qala.Engine.Tests.Indicators;

public sealed class DerivationTests
{
    private const int Country = 1;
    private const int Almaty = 2;
    private const int Karaganda = 3;

    private static SeriesKey Key(int territory, int year, int period = 0) => new(territory, year, period);

    [Fact]
    public void A_ratio_divides_key_by_key_and_scales()
    {
        var grp = new Dictionary<SeriesKey, double> { [Key(Almaty, 2023)] = 20_000, [Key(Karaganda, 2023)] = 9_000, [Key(Almaty, 2022)] = 18_000 };
        var population = new Dictionary<SeriesKey, double> { [Key(Almaty, 2023)] = 2_200, [Key(Karaganda, 2023)] = 0 };

        var perThousand = Derivation.Compute(DerivationKind.Ratio, grp, population, scale: 1000);

        perThousand.ShouldBe(new Dictionary<SeriesKey, double> { [Key(Almaty, 2023)] = 20_000.0 / 2_200 * 1000 });
    }

    [Fact]
    public void A_share_of_the_country_is_a_percentage_of_the_same_period()
    {
        var grp = new Dictionary<SeriesKey, double> { [Key(Country, 2023)] = 100, [Key(Almaty, 2023)] = 20.9, [Key(Almaty, 2022)] = 19 };

        var share = Derivation.Compute(DerivationKind.ShareOfCountry, grp, countryId: Country);

        share[Key(Almaty, 2023)].ShouldBe(20.9, 1e-12);
        share[Key(Country, 2023)].ShouldBe(100);
        share.ContainsKey(Key(Almaty, 2022)).ShouldBeFalse("the country has no 2022 value");
    }

    [Fact]
    public void A_growth_rate_compares_with_a_year_earlier_and_skips_zero_and_gaps()
    {
        var jobs = new Dictionary<SeriesKey, double>
        {
            [Key(Almaty, 2021)] = 0,
            [Key(Almaty, 2022)] = 100,
            [Key(Almaty, 2023)] = 110,
            [Key(Almaty, 2025)] = 90,
            [Key(Almaty, 2024, 3)] = 40,
            [Key(Almaty, 2023, 3)] = 50,
        };

        var growth = Derivation.Compute(DerivationKind.GrowthRate, jobs);

        growth.Keys.OrderBy(k => k.Year).ThenBy(k => k.PeriodNumber).ShouldBe([Key(Almaty, 2023), Key(Almaty, 2024, 3)]);
        growth[Key(Almaty, 2023)].ShouldBe(10, 1e-9);
        growth[Key(Almaty, 2024, 3)].ShouldBe(-20, 1e-9);
    }

    [Fact]
    public void Growth_from_a_negative_value_is_measured_on_its_magnitude_and_a_zero_scale_is_refused()
    {
        var balance = new Dictionary<SeriesKey, double> { [Key(Almaty, 2022)] = -50, [Key(Almaty, 2023)] = -25 };

        Derivation.Compute(DerivationKind.GrowthRate, balance)[Key(Almaty, 2023)].ShouldBe(50, 1e-9);
        Should.Throw<ArgumentOutOfRangeException>(() => Derivation.Compute(DerivationKind.Ratio, balance, balance, scale: 0));
    }
}
