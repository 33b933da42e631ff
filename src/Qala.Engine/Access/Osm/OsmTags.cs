using System.Text;

namespace Qala.Engine.Access.Osm;

/// <summary>
/// The tags of one OSM element as UTF-8 bytes in the block being read. Valid only during the handler call that
/// received it; copy what must outlive the call (<see cref="GetString"/>).
/// </summary>
public readonly ref struct OsmTags
{
    private readonly ReadOnlySpan<byte> block;
    private readonly ReadOnlySpan<int> strings;
    private readonly ReadOnlySpan<int> pairs;

    internal OsmTags(ReadOnlySpan<byte> block, ReadOnlySpan<int> strings, ReadOnlySpan<int> pairs)
    {
        this.block = block;
        this.strings = strings;
        this.pairs = pairs;
    }

    /// <summary>The number of tags.</summary>
    public int Count => pairs.Length / 2;

    public ReadOnlySpan<byte> Key(int index) => String(pairs[2 * index]);

    public ReadOnlySpan<byte> Value(int index) => String(pairs[(2 * index) + 1]);

    /// <summary>The value of <paramref name="key"/> (UTF-8, e.g. <c>"highway"u8</c>); false when the element lacks it.</summary>
    public bool TryGetValue(ReadOnlySpan<byte> key, out ReadOnlySpan<byte> value)
    {
        for (var i = 0; i < pairs.Length; i += 2)
        {
            if (String(pairs[i]).SequenceEqual(key))
            {
                value = String(pairs[i + 1]);
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>The value of <paramref name="key"/> as a string, or null when the element lacks it.</summary>
    public string? GetString(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return TryGetValue(Encoding.UTF8.GetBytes(key), out var value) ? Encoding.UTF8.GetString(value) : null;
    }

    private ReadOnlySpan<byte> String(int index) => block.Slice(strings[2 * index], strings[(2 * index) + 1]);
}
