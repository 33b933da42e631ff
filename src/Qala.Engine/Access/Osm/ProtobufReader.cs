namespace Qala.Engine.Access.Osm;

/// <summary>
/// A forward-only reader of protocol buffer wire format over a span: tags, varints (with zigzag for
/// <c>sint</c> types), length-delimited fields. Reading past the end throws <see cref="OsmPbfException"/>, so a
/// truncated message never yields made-up values.
/// </summary>
internal ref struct ProtobufReader(ReadOnlySpan<byte> data)
{
    private readonly ReadOnlySpan<byte> data = data;
    private int position;

    public const int Varint = 0;
    public const int Fixed64 = 1;
    public const int LengthDelimited = 2;
    public const int Fixed32 = 5;

    public readonly bool AtEnd => position >= data.Length;

    /// <summary>Reads a field key; returns false at the end of the message.</summary>
    public bool TryReadField(out int field, out int wireType)
    {
        if (position >= data.Length)
        {
            field = 0;
            wireType = 0;
            return false;
        }

        var key = ReadVarint();
        field = (int)(key >> 3);
        wireType = (int)(key & 7);
        if (field <= 0)
        {
            throw new OsmPbfException($"Invalid protobuf field number {field} at byte {position}.");
        }

        return true;
    }

    public ulong ReadVarint()
    {
        ulong result = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (position >= data.Length)
            {
                throw new OsmPbfException("A protobuf varint runs past the end of its message.");
            }

            var b = data[position++];
            result |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return result;
            }
        }

        throw new OsmPbfException("A protobuf varint is longer than ten bytes.");
    }

    public long ReadSignedVarint()
    {
        var raw = ReadVarint();
        return (long)(raw >> 1) ^ -(long)(raw & 1);
    }

    public ReadOnlySpan<byte> ReadBytes()
    {
        var length = ReadVarint();
        if (length > (ulong)(data.Length - position))
        {
            throw new OsmPbfException($"A protobuf field of {length} bytes runs past the end of its message.");
        }

        var slice = data.Slice(position, (int)length);
        position += (int)length;
        return slice;
    }

    /// <summary>Reads a length-delimited field and returns its offset and length within the reader's span.</summary>
    public (int Offset, int Length) ReadBytesRange()
    {
        var length = ReadVarint();
        if (length > (ulong)(data.Length - position))
        {
            throw new OsmPbfException($"A protobuf field of {length} bytes runs past the end of its message.");
        }

        var offset = position;
        position += (int)length;
        return (offset, (int)length);
    }

    public void Skip(int wireType)
    {
        switch (wireType)
        {
            case Varint:
                ReadVarint();
                break;
            case Fixed64:
                Advance(8);
                break;
            case LengthDelimited:
                ReadBytes();
                break;
            case Fixed32:
                Advance(4);
                break;
            default:
                throw new OsmPbfException($"Unsupported protobuf wire type {wireType}.");
        }
    }

    public static void Expect(int wireType, int expected, string field)
    {
        if (wireType != expected)
        {
            throw new OsmPbfException($"The protobuf field {field} has wire type {wireType}, expected {expected}.");
        }
    }

    private void Advance(int count)
    {
        if (count > data.Length - position)
        {
            throw new OsmPbfException("A fixed-size protobuf field runs past the end of its message.");
        }

        position += count;
    }
}
