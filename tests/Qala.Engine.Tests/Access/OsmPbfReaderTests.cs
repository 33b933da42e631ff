using Qala.Engine.Access.Osm;
using static Qala.Engine.Tests.Access.AccessTestData;
using static Qala.Engine.Tests.Access.PbfWriter;

namespace Qala.Engine.Tests.Access;

public sealed class OsmPbfReaderTests
{
    [Fact]
    public void The_Monaco_extract_reads_completely()
    {
        var counter = new Counter();

        OsmPbfReader.Read(Monaco, counter);

        // osmium fileinfo -e: 168,212 nodes and 26,398 ways.
        counter.Nodes.ShouldBe(168_212);
        counter.Ways.ShouldBe(26_398);
        counter.NodesInOrder.ShouldBeTrue();
        counter.MinLatitude.ShouldBeGreaterThan(43.5);
        counter.MaxLatitude.ShouldBeLessThan(43.9);
        counter.MinLongitude.ShouldBeGreaterThan(7.2);
        counter.MaxLongitude.ShouldBeLessThan(7.6);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Dense_nodes_plain_nodes_and_ways_decode_with_their_deltas_granularity_offsets_and_tags(bool compress)
    {
        var file = File(
            denseNodes:
            [
                new(10, 437_300_000, 74_200_000, ("amenity", "school"), ("name", "Lycée")),
                new(12, 437_300_500, 74_199_000),
                new(7, -10, 25, ("highway", "crossing")),
            ],
            plainNodes: [new(1_000_000_000_000, 5, -5, ("amenity", "kindergarten"))],
            ways: [new(99, [10, 12, 7, 10], ("highway", "footway"), ("surface", "paved"))],
            granularity: 1000,
            latOffset: 3_000,
            lonOffset: -7_000,
            compress: compress);
        var recorder = new Recorder();

        OsmPbfReader.Read(new MemoryStream(file), recorder);

        recorder.Nodes.ShouldBe(
        [
            (10L, 437.300_003, 74.199_993, "amenity=school;name=Lycée"),
            (12L, 437.300_503, 74.198_993, ""),
            (7L, -0.000_007, 0.000_018, "highway=crossing"),
            (1_000_000_000_000L, 0.000_008, -0.000_012, "amenity=kindergarten"),
        ]);
        recorder.Ways.ShouldBe([(99L, "10,12,7,10", "highway=footway;surface=paved")]);
    }

    [Fact]
    public void An_empty_file_is_refused()
    {
        var e = Should.Throw<OsmPbfException>(() => OsmPbfReader.Read(new MemoryStream([]), new Counter()));

        e.Message.ShouldContain("empty");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(10)]
    [InlineData(200)]
    [InlineData(5_000)]
    [InlineData(600_000)]
    public void A_truncated_file_is_refused_at_any_cut(int length)
    {
        var bytes = System.IO.File.ReadAllBytes(Monaco)[..length];

        var e = Should.Throw<OsmPbfException>(() => OsmPbfReader.Read(new MemoryStream(bytes), new Counter()));

        e.Message.ShouldContain("truncated");
    }

    [Fact]
    public void A_file_cut_one_byte_short_is_refused()
    {
        var bytes = System.IO.File.ReadAllBytes(Monaco);

        var e = Should.Throw<OsmPbfException>(() => OsmPbfReader.Read(new MemoryStream(bytes[..^1]), new Counter()));

        e.Message.ShouldContain("truncated");
    }

    [Theory]
    [InlineData(20_000)]
    [InlineData(300_000)]
    [InlineData(900_000)]
    public void Flipped_bytes_inside_compressed_data_are_refused(int offset)
    {
        var bytes = System.IO.File.ReadAllBytes(Monaco);
        for (var i = offset; i < offset + 16; i++)
        {
            bytes[i] ^= 0x5A;
        }

        Should.Throw<OsmPbfException>(() => OsmPbfReader.Read(new MemoryStream(bytes), new Counter()));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    [InlineData(6)]
    public void Corrupt_framing_is_refused(int offset)
    {
        var bytes = System.IO.File.ReadAllBytes(Monaco);
        bytes[offset] ^= 0xFF;

        Should.Throw<OsmPbfException>(() => OsmPbfReader.Read(new MemoryStream(bytes), new Counter()));
    }

    [Fact]
    public void A_text_file_is_not_taken_for_a_PBF_file()
    {
        var bytes = "<?xml version='1.0' encoding='UTF-8'?><osm version='0.6'></osm>"u8.ToArray();

        Should.Throw<OsmPbfException>(() => OsmPbfReader.Read(new MemoryStream(bytes), new Counter()));
    }

    [Fact]
    public void An_unsupported_required_feature_is_named()
    {
        var file = File([], [], [], requiredFeatures: ["OsmSchema-V0.6", "HistoricalInformation"]);

        var e = Should.Throw<OsmPbfException>(() => OsmPbfReader.Read(new MemoryStream(file), new Counter()));

        e.Message.ShouldContain("HistoricalInformation");
    }

    [Fact]
    public void A_tag_pointing_outside_the_string_table_is_refused()
    {
        var uncompressed = File([], [], [new(1, [1, 2], ("highway", "path"))], compress: false);
        // The way's keys [1] ("highway") and values [2] ("path"): make the key point at string 100.
        var index = FindSequence(uncompressed, [0x12, 0x01, 0x01, 0x1A, 0x01, 0x02]);
        index.ShouldBeGreaterThan(0);
        uncompressed[index + 2] = 100;

        var e = Should.Throw<OsmPbfException>(() => OsmPbfReader.Read(new MemoryStream(uncompressed), new Counter()));

        e.Message.ShouldContain("string 100");
    }

    [Fact]
    public void Random_damage_gives_either_a_clean_read_or_an_OsmPbfException()
    {
        var file = File(
            [new(1, 10, 20, ("amenity", "school")), new(2, 30, 40), new(3, 50, 60, ("highway", "crossing"))],
            [new(4, 70, 80, ("name", "x"))],
            [new(5, [1, 2, 3], ("highway", "path")), new(6, [3, 4], ("building", "yes"))],
            compress: false);
        var random = new Random(9);

        for (var k = 0; k < 2_000; k++)
        {
            var damaged = (byte[])file.Clone();
            for (var flips = 1 + random.Next(3); flips > 0; flips--)
            {
                damaged[random.Next(damaged.Length)] = (byte)random.Next(256);
            }

            try
            {
                OsmPbfReader.Read(new MemoryStream(damaged), new Counter());
            }
            catch (OsmPbfException)
            {
                // A clear refusal is one of the two acceptable outcomes.
            }
        }
    }

    private static int FindSequence(byte[] haystack, byte[] needle)
    {
        for (var i = 0; i + needle.Length <= haystack.Length; i++)
        {
            if (haystack.AsSpan(i, needle.Length).SequenceEqual(needle))
            {
                return i;
            }
        }

        return -1;
    }

    private sealed class Counter : IOsmHandler
    {
        private long lastId = long.MinValue;

        public int Nodes { get; private set; }

        public int Ways { get; private set; }

        public bool NodesInOrder { get; private set; } = true;

        public double MinLatitude { get; private set; } = double.MaxValue;

        public double MaxLatitude { get; private set; } = double.MinValue;

        public double MinLongitude { get; private set; } = double.MaxValue;

        public double MaxLongitude { get; private set; } = double.MinValue;

        public void Node(long id, double latitude, double longitude, OsmTags tags)
        {
            Nodes++;
            NodesInOrder &= id > lastId;
            lastId = id;
            MinLatitude = Math.Min(MinLatitude, latitude);
            MaxLatitude = Math.Max(MaxLatitude, latitude);
            MinLongitude = Math.Min(MinLongitude, longitude);
            MaxLongitude = Math.Max(MaxLongitude, longitude);
        }

        public void Way(long id, ReadOnlySpan<long> nodeIds, OsmTags tags) => Ways++;
    }

    private sealed class Recorder : IOsmHandler
    {
        public List<(long Id, double Latitude, double Longitude, string Tags)> Nodes { get; } = [];

        public List<(long Id, string Refs, string Tags)> Ways { get; } = [];

        public void Node(long id, double latitude, double longitude, OsmTags tags) =>
            Nodes.Add((id, Math.Round(latitude, 9), Math.Round(longitude, 9), Describe(tags)));

        public void Way(long id, ReadOnlySpan<long> nodeIds, OsmTags tags) =>
            Ways.Add((id, string.Join(',', nodeIds.ToArray()), Describe(tags)));

        private static string Describe(OsmTags tags)
        {
            var parts = new List<string>();
            for (var i = 0; i < tags.Count; i++)
            {
                parts.Add($"{System.Text.Encoding.UTF8.GetString(tags.Key(i))}={System.Text.Encoding.UTF8.GetString(tags.Value(i))}");
            }

            return string.Join(';', parts);
        }
    }
}
