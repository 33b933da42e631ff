using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;

namespace Qala.Engine.Access.Osm;

/// <summary>
/// Reads an OpenStreetMap <c>.osm.pbf</c> file (https://wiki.openstreetmap.org/wiki/PBF_Format) one blob at a
/// time: the 4-byte length, the <c>BlobHeader</c>, the <c>Blob</c> (raw or zlib), then the <c>HeaderBlock</c> or
/// <c>PrimitiveBlock</c> with its string table, plain nodes, dense nodes (delta-coded ids, coordinates and tags) and
/// ways (delta-coded node references). Memory holds one blob, whatever the size of the file. Truncated or corrupt
/// input and unsupported features throw <see cref="OsmPbfException"/>.
/// </summary>
public sealed class OsmPbfReader
{
    // Limits of the format: a header of at most 64 KiB, a blob of at most 32 MiB.
    private const int MaxHeaderSize = 64 * 1024;
    private const int MaxBlobSize = 32 * 1024 * 1024;

    private static readonly HashSet<string> SupportedFeatures = ["OsmSchema-V0.6", "DenseNodes"];

    private byte[] compressed = new byte[64 * 1024];
    private byte[] block = new byte[64 * 1024];
    private int[] strings = new int[1024];
    private int[] tags = new int[64];
    private long[] refs = new long[256];
    private long fileOffset;

    private OsmPbfReader()
    {
    }

    /// <summary>Reads every node and way of <paramref name="stream"/> into <paramref name="handler"/>.</summary>
    public static void Read(Stream stream, IOsmHandler handler)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(handler);
        new OsmPbfReader().ReadAll(stream, handler);
    }

    /// <summary>Reads the file at <paramref name="path"/> into <paramref name="handler"/>.</summary>
    public static void Read(string path, IOsmHandler handler)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        Read(stream, handler);
    }

    private void ReadAll(Stream stream, IOsmHandler handler)
    {
        Span<byte> lengthBytes = stackalloc byte[4];
        var sawHeader = false;
        while (true)
        {
            var start = fileOffset;
            var got = ReadUpTo(stream, lengthBytes);
            if (got == 0)
            {
                if (start == 0)
                {
                    throw new OsmPbfException("The file is empty.");
                }

                return;
            }

            if (got < 4)
            {
                throw Truncated(start, "the length of a blob header");
            }

            var headerLength = BinaryPrimitives.ReadInt32BigEndian(lengthBytes);
            if (headerLength <= 0 || headerLength > MaxHeaderSize)
            {
                throw new OsmPbfException($"Byte {At(start)}: a blob header of {headerLength} bytes is not possible; this is not an OSM PBF file or it is corrupt.");
            }

            EnsureCapacity(ref compressed, headerLength);
            if (ReadUpTo(stream, compressed.AsSpan(0, headerLength)) < headerLength)
            {
                throw Truncated(start, "a blob header");
            }

            var (type, dataSize) = ParseBlobHeader(compressed.AsSpan(0, headerLength), start);
            if (!sawHeader && type != "OSMHeader")
            {
                throw new OsmPbfException($"Byte {At(start)}: the file starts with a '{type}' blob, not 'OSMHeader'; this is not an OSM PBF file.");
            }

            EnsureCapacity(ref compressed, dataSize);
            if (ReadUpTo(stream, compressed.AsSpan(0, dataSize)) < dataSize)
            {
                throw Truncated(start, $"the '{type}' blob of {dataSize} bytes");
            }

            if (type is not ("OSMHeader" or "OSMData"))
            {
                continue;
            }

            var content = Unpack(compressed.AsSpan(0, dataSize), start);
            try
            {
                if (type == "OSMHeader")
                {
                    CheckHeaderBlock(content);
                    sawHeader = true;
                }
                else
                {
                    ReadPrimitiveBlock(content, handler);
                }
            }
            catch (OsmPbfException e) when (!e.Message.StartsWith("Byte ", StringComparison.Ordinal))
            {
                throw new OsmPbfException($"Byte {At(start)}, '{type}' blob: {e.Message}", e);
            }
        }
    }

    private int ReadUpTo(Stream stream, Span<byte> buffer)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var n = stream.Read(buffer[total..]);
            if (n == 0)
            {
                break;
            }

            total += n;
        }

        fileOffset += total;
        return total;
    }

    private static (string Type, int DataSize) ParseBlobHeader(ReadOnlySpan<byte> header, long start)
    {
        string? type = null;
        long dataSize = -1;
        var reader = new ProtobufReader(header);
        try
        {
            while (reader.TryReadField(out var field, out var wire))
            {
                switch (field)
                {
                    case 1:
                        ProtobufReader.Expect(wire, ProtobufReader.LengthDelimited, "BlobHeader.type");
                        type = System.Text.Encoding.UTF8.GetString(reader.ReadBytes());
                        break;
                    case 3:
                        ProtobufReader.Expect(wire, ProtobufReader.Varint, "BlobHeader.datasize");
                        dataSize = (long)reader.ReadVarint();
                        break;
                    default:
                        reader.Skip(wire);
                        break;
                }
            }
        }
        catch (OsmPbfException e)
        {
            throw new OsmPbfException($"Byte {At(start)}: the blob header is corrupt: {e.Message}", e);
        }

        if (type is null || dataSize < 0)
        {
            throw new OsmPbfException($"Byte {At(start)}: the blob header lacks its type or data size; the file is corrupt.");
        }

        if (dataSize > MaxBlobSize)
        {
            throw new OsmPbfException($"Byte {At(start)}: a blob of {dataSize} bytes exceeds the format's 32 MiB limit; the file is corrupt.");
        }

        return (type, (int)dataSize);
    }

    private ReadOnlySpan<byte> Unpack(ReadOnlySpan<byte> blob, long start)
    {
        var raw = (Offset: -1, Length: 0);
        var zlib = (Offset: -1, Length: 0);
        long rawSize = -1;
        var reader = new ProtobufReader(blob);
        try
        {
            while (reader.TryReadField(out var field, out var wire))
            {
                switch (field)
                {
                    case 1:
                        ProtobufReader.Expect(wire, ProtobufReader.LengthDelimited, "Blob.raw");
                        raw = reader.ReadBytesRange();
                        break;
                    case 2:
                        ProtobufReader.Expect(wire, ProtobufReader.Varint, "Blob.raw_size");
                        rawSize = (long)reader.ReadVarint();
                        break;
                    case 3:
                        ProtobufReader.Expect(wire, ProtobufReader.LengthDelimited, "Blob.zlib_data");
                        zlib = reader.ReadBytesRange();
                        break;
                    case 4 or 5 or 6 or 7:
                        throw new OsmPbfException($"Byte {At(start)}: the blob uses {CompressionName(field)} compression; only raw and zlib blobs are supported.");
                    default:
                        reader.Skip(wire);
                        break;
                }
            }
        }
        catch (OsmPbfException e) when (!e.Message.StartsWith("Byte ", StringComparison.Ordinal))
        {
            throw new OsmPbfException($"Byte {At(start)}: the blob is corrupt: {e.Message}", e);
        }

        if (raw.Offset >= 0)
        {
            return blob.Slice(raw.Offset, raw.Length);
        }

        if (zlib.Offset < 0)
        {
            throw new OsmPbfException($"Byte {At(start)}: the blob holds no data.");
        }

        if (rawSize < 0 || rawSize > MaxBlobSize)
        {
            throw new OsmPbfException($"Byte {At(start)}: the blob's uncompressed size ({rawSize}) is missing or beyond the 32 MiB limit.");
        }

        EnsureCapacity(ref block, (int)rawSize + 1);
        int produced;
        try
        {
            using var input = new MemoryStream(compressed, zlib.Offset, zlib.Length, writable: false);
            using var inflater = new ZLibStream(input, CompressionMode.Decompress);
            produced = 0;
            while (produced <= rawSize)
            {
                var n = inflater.Read(block, produced, (int)rawSize + 1 - produced);
                if (n == 0)
                {
                    break;
                }

                produced += n;
            }
        }
        catch (InvalidDataException e)
        {
            throw new OsmPbfException($"Byte {At(start)}: the blob's zlib data is corrupt ({e.Message}).", e);
        }

        if (produced != rawSize)
        {
            throw new OsmPbfException($"Byte {At(start)}: the blob inflates to {produced} bytes, not the {rawSize} its header announces; the file is corrupt.");
        }

        return block.AsSpan(0, produced);
    }

    private static void CheckHeaderBlock(ReadOnlySpan<byte> content)
    {
        var reader = new ProtobufReader(content);
        while (reader.TryReadField(out var field, out var wire))
        {
            if (field == 4)
            {
                ProtobufReader.Expect(wire, ProtobufReader.LengthDelimited, "HeaderBlock.required_features");
                var feature = System.Text.Encoding.UTF8.GetString(reader.ReadBytes());
                if (!SupportedFeatures.Contains(feature))
                {
                    throw new OsmPbfException($"The file requires the feature '{feature}', which this reader does not support.");
                }
            }
            else
            {
                reader.Skip(wire);
            }
        }
    }

    private void ReadPrimitiveBlock(ReadOnlySpan<byte> content, IOsmHandler handler)
    {
        var stringCount = 0;
        long granularity = 100, latOffset = 0, lonOffset = 0;
        var groupList = new List<(int Offset, int Length)>(4);
        var reader = new ProtobufReader(content);
        while (reader.TryReadField(out var field, out var wire))
        {
            switch (field)
            {
                case 1:
                    ProtobufReader.Expect(wire, ProtobufReader.LengthDelimited, "PrimitiveBlock.stringtable");
                    var (tableOffset, tableLength) = reader.ReadBytesRange();
                    stringCount = ReadStringTable(content.Slice(tableOffset, tableLength), tableOffset);
                    break;
                case 2:
                    ProtobufReader.Expect(wire, ProtobufReader.LengthDelimited, "PrimitiveBlock.primitivegroup");
                    groupList.Add(reader.ReadBytesRange());
                    break;
                case 17:
                    ProtobufReader.Expect(wire, ProtobufReader.Varint, "PrimitiveBlock.granularity");
                    granularity = (long)reader.ReadVarint();
                    break;
                case 19:
                    ProtobufReader.Expect(wire, ProtobufReader.Varint, "PrimitiveBlock.lat_offset");
                    latOffset = (long)reader.ReadVarint();
                    break;
                case 20:
                    ProtobufReader.Expect(wire, ProtobufReader.Varint, "PrimitiveBlock.lon_offset");
                    lonOffset = (long)reader.ReadVarint();
                    break;
                default:
                    reader.Skip(wire);
                    break;
            }
        }

        if (granularity <= 0)
        {
            throw new OsmPbfException($"The block's granularity {granularity} is not positive.");
        }

        var scale = new Coordinates(granularity, latOffset, lonOffset);
        foreach (var (offset, length) in groupList)
        {
            ReadGroup(content, content.Slice(offset, length), stringCount, scale, handler);
        }
    }

    private int ReadStringTable(ReadOnlySpan<byte> table, int tableOffset)
    {
        var count = 0;
        var reader = new ProtobufReader(table);
        while (reader.TryReadField(out var field, out var wire))
        {
            if (field != 1)
            {
                reader.Skip(wire);
                continue;
            }

            ProtobufReader.Expect(wire, ProtobufReader.LengthDelimited, "StringTable.s");
            var (offset, length) = reader.ReadBytesRange();
            EnsureCapacity(ref strings, (2 * count) + 2);
            strings[2 * count] = tableOffset + offset;
            strings[(2 * count) + 1] = length;
            count++;
        }

        return count;
    }

    private void ReadGroup(ReadOnlySpan<byte> content, ReadOnlySpan<byte> group, int stringCount, Coordinates scale, IOsmHandler handler)
    {
        var reader = new ProtobufReader(group);
        while (reader.TryReadField(out var field, out var wire))
        {
            switch (field)
            {
                case 1:
                    ProtobufReader.Expect(wire, ProtobufReader.LengthDelimited, "PrimitiveGroup.nodes");
                    ReadNode(content, reader.ReadBytes(), stringCount, scale, handler);
                    break;
                case 2:
                    ProtobufReader.Expect(wire, ProtobufReader.LengthDelimited, "PrimitiveGroup.dense");
                    ReadDenseNodes(content, reader.ReadBytes(), stringCount, scale, handler);
                    break;
                case 3:
                    ProtobufReader.Expect(wire, ProtobufReader.LengthDelimited, "PrimitiveGroup.ways");
                    ReadWay(content, reader.ReadBytes(), stringCount, handler);
                    break;
                default:
                    reader.Skip(wire);
                    break;
            }
        }
    }

    private void ReadNode(ReadOnlySpan<byte> content, ReadOnlySpan<byte> node, int stringCount, Coordinates scale, IOsmHandler handler)
    {
        long id = 0, lat = 0, lon = 0;
        ReadOnlySpan<byte> keys = default, values = default;
        var reader = new ProtobufReader(node);
        while (reader.TryReadField(out var field, out var wire))
        {
            switch (field)
            {
                case 1:
                    ProtobufReader.Expect(wire, ProtobufReader.Varint, "Node.id");
                    id = reader.ReadSignedVarint();
                    break;
                case 2:
                    ProtobufReader.Expect(wire, ProtobufReader.LengthDelimited, "Node.keys");
                    keys = reader.ReadBytes();
                    break;
                case 3:
                    ProtobufReader.Expect(wire, ProtobufReader.LengthDelimited, "Node.vals");
                    values = reader.ReadBytes();
                    break;
                case 8:
                    ProtobufReader.Expect(wire, ProtobufReader.Varint, "Node.lat");
                    lat = reader.ReadSignedVarint();
                    break;
                case 9:
                    ProtobufReader.Expect(wire, ProtobufReader.Varint, "Node.lon");
                    lon = reader.ReadSignedVarint();
                    break;
                default:
                    reader.Skip(wire);
                    break;
            }
        }

        var count = ReadKeysAndValues(keys, values, stringCount);
        handler.Node(id, scale.Latitude(lat), scale.Longitude(lon), new OsmTags(content, strings, tags.AsSpan(0, 2 * count)));
    }

    private void ReadDenseNodes(ReadOnlySpan<byte> content, ReadOnlySpan<byte> dense, int stringCount, Coordinates scale, IOsmHandler handler)
    {
        ReadOnlySpan<byte> ids = default, lats = default, lons = default, keysValues = default;
        var reader = new ProtobufReader(dense);
        while (reader.TryReadField(out var field, out var wire))
        {
            switch (field)
            {
                case 1:
                    ProtobufReader.Expect(wire, ProtobufReader.LengthDelimited, "DenseNodes.id");
                    ids = reader.ReadBytes();
                    break;
                case 8:
                    ProtobufReader.Expect(wire, ProtobufReader.LengthDelimited, "DenseNodes.lat");
                    lats = reader.ReadBytes();
                    break;
                case 9:
                    ProtobufReader.Expect(wire, ProtobufReader.LengthDelimited, "DenseNodes.lon");
                    lons = reader.ReadBytes();
                    break;
                case 10:
                    ProtobufReader.Expect(wire, ProtobufReader.LengthDelimited, "DenseNodes.keys_vals");
                    keysValues = reader.ReadBytes();
                    break;
                default:
                    reader.Skip(wire);
                    break;
            }
        }

        var idReader = new ProtobufReader(ids);
        var latReader = new ProtobufReader(lats);
        var lonReader = new ProtobufReader(lons);
        var tagReader = new ProtobufReader(keysValues);
        long id = 0, lat = 0, lon = 0;
        while (!idReader.AtEnd)
        {
            if (latReader.AtEnd || lonReader.AtEnd)
            {
                throw new OsmPbfException("The dense nodes have fewer coordinates than ids.");
            }

            id += idReader.ReadSignedVarint();
            lat += latReader.ReadSignedVarint();
            lon += lonReader.ReadSignedVarint();
            var count = 0;
            if (!keysValues.IsEmpty)
            {
                while (true)
                {
                    if (tagReader.AtEnd)
                    {
                        throw new OsmPbfException("The dense nodes' tags end before their nodes.");
                    }

                    var key = CheckedString(tagReader.ReadVarint(), stringCount);
                    if (key == 0)
                    {
                        break;
                    }

                    var value = CheckedString(tagReader.ReadVarint(), stringCount);
                    EnsureCapacity(ref tags, (2 * count) + 2);
                    tags[2 * count] = key;
                    tags[(2 * count) + 1] = value;
                    count++;
                }
            }

            handler.Node(id, scale.Latitude(lat), scale.Longitude(lon), new OsmTags(content, strings, tags.AsSpan(0, 2 * count)));
        }

        if (!latReader.AtEnd || !lonReader.AtEnd)
        {
            throw new OsmPbfException("The dense nodes have more coordinates than ids.");
        }
    }

    private void ReadWay(ReadOnlySpan<byte> content, ReadOnlySpan<byte> way, int stringCount, IOsmHandler handler)
    {
        long id = 0;
        ReadOnlySpan<byte> keys = default, values = default, packedRefs = default;
        var reader = new ProtobufReader(way);
        while (reader.TryReadField(out var field, out var wire))
        {
            switch (field)
            {
                case 1:
                    ProtobufReader.Expect(wire, ProtobufReader.Varint, "Way.id");
                    id = (long)reader.ReadVarint();
                    break;
                case 2:
                    ProtobufReader.Expect(wire, ProtobufReader.LengthDelimited, "Way.keys");
                    keys = reader.ReadBytes();
                    break;
                case 3:
                    ProtobufReader.Expect(wire, ProtobufReader.LengthDelimited, "Way.vals");
                    values = reader.ReadBytes();
                    break;
                case 8:
                    ProtobufReader.Expect(wire, ProtobufReader.LengthDelimited, "Way.refs");
                    packedRefs = reader.ReadBytes();
                    break;
                default:
                    reader.Skip(wire);
                    break;
            }
        }

        var count = ReadKeysAndValues(keys, values, stringCount);
        var refReader = new ProtobufReader(packedRefs);
        var refCount = 0;
        long nodeId = 0;
        while (!refReader.AtEnd)
        {
            nodeId += refReader.ReadSignedVarint();
            EnsureCapacity(ref refs, refCount + 1);
            refs[refCount++] = nodeId;
        }

        handler.Way(id, refs.AsSpan(0, refCount), new OsmTags(content, strings, tags.AsSpan(0, 2 * count)));
    }

    private int ReadKeysAndValues(ReadOnlySpan<byte> keys, ReadOnlySpan<byte> values, int stringCount)
    {
        var keyReader = new ProtobufReader(keys);
        var valueReader = new ProtobufReader(values);
        var count = 0;
        while (!keyReader.AtEnd)
        {
            if (valueReader.AtEnd)
            {
                throw new OsmPbfException("An element has more tag keys than values.");
            }

            EnsureCapacity(ref tags, (2 * count) + 2);
            tags[2 * count] = CheckedString(keyReader.ReadVarint(), stringCount);
            tags[(2 * count) + 1] = CheckedString(valueReader.ReadVarint(), stringCount);
            count++;
        }

        if (!valueReader.AtEnd)
        {
            throw new OsmPbfException("An element has more tag values than keys.");
        }

        return count;
    }

    private static int CheckedString(ulong index, int stringCount) =>
        index < (ulong)stringCount
            ? (int)index
            : throw new OsmPbfException($"A tag refers to string {index} of a table of {stringCount}.");

    private static void EnsureCapacity<T>(ref T[] array, int size)
    {
        if (array.Length < size)
        {
            Array.Resize(ref array, Math.Max(size, array.Length * 2));
        }
    }

    private static string CompressionName(int field) => field switch
    {
        4 => "LZMA",
        5 => "bzip2",
        6 => "LZ4",
        _ => "Zstandard",
    };

    private static string At(long offset) => offset.ToString(CultureInfo.InvariantCulture);

    private static OsmPbfException Truncated(long start, string what) =>
        new($"Byte {At(start)}: the file ends inside {what}; it is truncated.");

    /// <summary>A block's coordinate encoding: degrees = (offset + granularity × value) nanodegrees.</summary>
    private readonly record struct Coordinates(long Granularity, long LatOffset, long LonOffset)
    {
        // Division (correctly rounded) rather than multiplication by 1e-9, so that 1e-7 coordinates come out exactly
        // as other readers print them.
        public double Latitude(long value) => (LatOffset + (Granularity * value)) / 1e9;

        public double Longitude(long value) => (LonOffset + (Granularity * value)) / 1e9;
    }
}
