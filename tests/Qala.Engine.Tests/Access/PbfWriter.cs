using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Qala.Engine.Tests.Access;

/// <summary>Writes small .osm.pbf files by hand for the reader's tests: protobuf fields, blobs and primitive blocks.</summary>
internal static class PbfWriter
{
    public sealed record Node(long Id, long Lat, long Lon, params (string Key, string Value)[] Tags);

    public sealed record Way(long Id, long[] Refs, params (string Key, string Value)[] Tags);

    /// <summary>A file of one header block and one data block (dense nodes, plain nodes and ways).</summary>
    public static byte[] File(
        IReadOnlyList<Node> denseNodes,
        IReadOnlyList<Node> plainNodes,
        IReadOnlyList<Way> ways,
        long granularity = 100,
        long latOffset = 0,
        long lonOffset = 0,
        bool compress = true,
        string[]? requiredFeatures = null)
    {
        var header = new Message();
        foreach (var feature in requiredFeatures ?? ["OsmSchema-V0.6", "DenseNodes"])
        {
            header.Bytes(4, Encoding.UTF8.GetBytes(feature));
        }

        var strings = new List<string> { "" };
        int Index(string s)
        {
            var i = strings.IndexOf(s);
            if (i < 0)
            {
                strings.Add(s);
                i = strings.Count - 1;
            }

            return i;
        }

        var group = new Message();
        if (denseNodes.Count > 0)
        {
            var dense = new Message();
            long id = 0, lat = 0, lon = 0;
            var ids = new Message();
            var lats = new Message();
            var lons = new Message();
            var keysValues = new Message();
            foreach (var node in denseNodes)
            {
                ids.RawSigned(node.Id - id);
                lats.RawSigned(node.Lat - lat);
                lons.RawSigned(node.Lon - lon);
                (id, lat, lon) = (node.Id, node.Lat, node.Lon);
                foreach (var (key, value) in node.Tags)
                {
                    keysValues.RawVarint((ulong)Index(key));
                    keysValues.RawVarint((ulong)Index(value));
                }

                keysValues.RawVarint(0);
            }

            dense.Bytes(1, ids.ToArray());
            dense.Bytes(8, lats.ToArray());
            dense.Bytes(9, lons.ToArray());
            dense.Bytes(10, keysValues.ToArray());
            group.Bytes(2, dense.ToArray());
        }

        foreach (var node in plainNodes)
        {
            var message = new Message();
            message.Signed(1, node.Id);
            message.Bytes(2, Packed(node.Tags.Select(t => (ulong)Index(t.Key))));
            message.Bytes(3, Packed(node.Tags.Select(t => (ulong)Index(t.Value))));
            message.Signed(8, node.Lat);
            message.Signed(9, node.Lon);
            group.Bytes(1, message.ToArray());
        }

        foreach (var way in ways)
        {
            var message = new Message();
            message.Varint(1, (ulong)way.Id);
            message.Bytes(2, Packed(way.Tags.Select(t => (ulong)Index(t.Key))));
            message.Bytes(3, Packed(way.Tags.Select(t => (ulong)Index(t.Value))));
            var refs = new Message();
            long previous = 0;
            foreach (var r in way.Refs)
            {
                refs.RawSigned(r - previous);
                previous = r;
            }

            message.Bytes(8, refs.ToArray());
            group.Bytes(3, message.ToArray());
        }

        var table = new Message();
        foreach (var s in strings)
        {
            table.Bytes(1, Encoding.UTF8.GetBytes(s));
        }

        var block = new Message();
        block.Bytes(1, table.ToArray());
        block.Bytes(2, group.ToArray());
        block.Varint(17, (ulong)granularity);
        block.Varint(19, (ulong)latOffset);
        block.Varint(20, (ulong)lonOffset);

        using var file = new MemoryStream();
        WriteBlob(file, "OSMHeader", header.ToArray(), compress);
        WriteBlob(file, "OSMData", block.ToArray(), compress);
        return file.ToArray();
    }

    public static void WriteBlob(Stream file, string type, byte[] content, bool compress)
    {
        var blob = new Message();
        if (compress)
        {
            using var zipped = new MemoryStream();
            using (var zlib = new ZLibStream(zipped, CompressionLevel.Optimal, leaveOpen: true))
            {
                zlib.Write(content);
            }

            blob.Varint(2, (ulong)content.Length);
            blob.Bytes(3, zipped.ToArray());
        }
        else
        {
            blob.Bytes(1, content);
        }

        var blobBytes = blob.ToArray();
        var header = new Message();
        header.Bytes(1, Encoding.UTF8.GetBytes(type));
        header.Varint(3, (ulong)blobBytes.Length);
        var headerBytes = header.ToArray();
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, headerBytes.Length);
        file.Write(length);
        file.Write(headerBytes);
        file.Write(blobBytes);
    }

    private static byte[] Packed(IEnumerable<ulong> values)
    {
        var message = new Message();
        foreach (var value in values)
        {
            message.RawVarint(value);
        }

        return message.ToArray();
    }

    private sealed class Message
    {
        private readonly List<byte> bytes = [];

        public byte[] ToArray() => [.. bytes];

        public void Varint(int field, ulong value)
        {
            RawVarint((ulong)field << 3);
            RawVarint(value);
        }

        public void Signed(int field, long value)
        {
            RawVarint((ulong)field << 3);
            RawSigned(value);
        }

        public void Bytes(int field, byte[] value)
        {
            RawVarint(((ulong)field << 3) | 2);
            RawVarint((ulong)value.Length);
            bytes.AddRange(value);
        }

        public void RawSigned(long value) => RawVarint((ulong)((value << 1) ^ (value >> 63)));

        public void RawVarint(ulong value)
        {
            while (value >= 0x80)
            {
                bytes.Add((byte)(value | 0x80));
                value >>= 7;
            }

            bytes.Add((byte)value);
        }
    }
}
