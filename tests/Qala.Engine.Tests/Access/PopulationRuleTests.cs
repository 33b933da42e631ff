using Qala.Engine.Access.Osm;
using static Qala.Engine.Tests.Access.AccessTestData;

namespace Qala.Engine.Tests.Access;

public sealed class PopulationRuleTests
{
    private static readonly PopulationRule Rule = new(SquareMetresPerPerson: 25, DefaultLevels: 2, PeoplePerBuilding: 3);

    [Fact]
    public void A_building_houses_its_floor_area_divided_by_the_area_per_person()
    {
        // A closed rectangle of 20 m × 10 m (about 0.00018° of latitude, 0.000247° of longitude at 43.7° N).
        const double lat = 43.73, lon = 7.42, dLat = 10 / 111_195.08, dLon = 20 / (111_195.08 * 0.72261);
        long E7(double degrees) => (long)Math.Round(degrees * 1e7);
        var file = PbfWriter.File(
            [new(1, E7(lat), E7(lon)), new(2, E7(lat), E7(lon + dLon)), new(3, E7(lat + dLat), E7(lon + dLon)), new(4, E7(lat + dLat), E7(lon)), new(5, E7(lat), E7(lon + (2 * dLon)))],
            [],
            [
                new(1, [1, 2, 3, 4, 1], ("building", "apartments"), ("building:levels", "5")),
                new(2, [1, 2, 3, 4, 1], ("building", "yes"), ("building:levels", "five")),
                new(3, [1, 2, 3, 4, 1], ("building", "garage"), ("building:levels", "1")),
                new(4, [1, 2, 5], ("building", "house")),
                new(5, [1, 5], ("highway", "footway")),
            ]);

        var buildings = ReadBytes(file).Buildings;

        buildings.Count.ShouldBe(4);
        buildings[0].FootprintArea.ShouldBe(200, 0.5);
        buildings[0].Levels.ShouldBe(5);
        Rule.Estimate(buildings[0]).ShouldBe(40, "200 m² × 5 levels ÷ 25 m²");
        buildings[1].Levels.ShouldBeNull("a level count that is not a number is ignored");
        Rule.Estimate(buildings[1]).ShouldBe(16, "200 m² × 2 default levels ÷ 25 m²");
        Rule.Estimate(buildings[2]).ShouldBe(0, "nobody lives in a garage");
        buildings[3].FootprintArea.ShouldBe(0, "an open way has no footprint");
        Rule.Estimate(buildings[3]).ShouldBe(3, "the people of a building without a footprint");
    }

    [Fact]
    public void Monaco_buildings_are_estimated_by_the_rule()
    {
        var buildings = OsmAccessData.Read(Monaco).Buildings;

        buildings.Count.ShouldBe(23_370);
        buildings.Count(b => b.NonResidential).ShouldBe(24);
        buildings.Count(b => b.Levels is not null).ShouldBe(1);
        buildings.Count(b => b.FootprintArea <= 0).ShouldBe(44);
        buildings.Sum(b => (long)Rule.Estimate(b)).ShouldBe(198_573);
    }
}
