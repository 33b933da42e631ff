namespace Qala.Engine.Mail.Mime;

/// <summary>
/// Content-Transfer-Encoding and encoded-word decoding, lenient as mail demands: characters outside the alphabet are
/// skipped, missing padding is tolerated, a broken <c>=XX</c> escape is kept as written.
/// </summary>
public static class TransferEncodings
{
    /// <summary>Decodes base64, ignoring line breaks, whitespace and any character outside the alphabet.</summary>
    public static byte[] Base64(ReadOnlySpan<byte> encoded)
    {
        var output = new byte[DecodedBase64Length(encoded)];
        var count = 0;
        var buffer = 0;
        var bits = 0;
        foreach (var c in encoded)
        {
            if (c == '=')
            {
                break;
            }

            var value = Base64Value(c);
            if (value < 0)
            {
                continue;
            }

            buffer = (buffer << 6) | value;
            bits += 6;
            if (bits >= 8)
            {
                bits -= 8;
                output[count++] = (byte)(buffer >> bits);
                buffer &= (1 << bits) - 1;
            }
        }

        return count == output.Length ? output : output[..count];
    }

    /// <summary>The number of bytes <see cref="Base64"/> yields, counted without decoding.</summary>
    public static long DecodedBase64Length(ReadOnlySpan<byte> encoded)
    {
        long symbols = 0;
        foreach (var c in encoded)
        {
            if (c == '=')
            {
                break;
            }

            if (Base64Value(c) >= 0)
            {
                symbols++;
            }
        }

        return symbols * 6 / 8;
    }

    /// <summary>
    /// Decodes quoted-printable (RFC 2045 §6.7): <c>=XX</c> escapes, soft line breaks (<c>=</c> at the end of a line),
    /// trailing whitespace on a line dropped. With <paramref name="underscoreIsSpace"/> it is the Q encoding of
    /// encoded words.
    /// </summary>
    public static byte[] QuotedPrintable(ReadOnlySpan<byte> encoded, bool underscoreIsSpace = false)
    {
        var output = new byte[encoded.Length];
        var count = 0;
        var trimmableFrom = 0;
        for (var i = 0; i < encoded.Length; i++)
        {
            var c = encoded[i];
            if (c == '=')
            {
                if (i + 2 < encoded.Length && HexValue(encoded[i + 1]) is var high and >= 0 && HexValue(encoded[i + 2]) is var low and >= 0)
                {
                    output[count++] = (byte)((high << 4) | low);
                    trimmableFrom = count;
                    i += 2;
                    continue;
                }

                // A soft line break: "=" then optional whitespace then the line end.
                var j = i + 1;
                while (j < encoded.Length && encoded[j] is (byte)' ' or (byte)'\t')
                {
                    j++;
                }

                if (j == encoded.Length || encoded[j] is (byte)'\r' or (byte)'\n')
                {
                    if (j < encoded.Length && encoded[j] == '\r')
                    {
                        j++;
                    }

                    if (j < encoded.Length && encoded[j] == '\n')
                    {
                        j++;
                    }

                    i = j - 1;
                    trimmableFrom = count;
                    continue;
                }

                output[count++] = c;
            }
            else if (c == '\n')
            {
                // Unescaped whitespace at the end of an encoded line was added in transport (RFC 2045 §6.7 rule 3).
                var hadCarriageReturn = count > trimmableFrom && output[count - 1] == '\r';
                var end = hadCarriageReturn ? count - 1 : count;
                while (end > trimmableFrom && output[end - 1] is (byte)' ' or (byte)'\t')
                {
                    end--;
                }

                count = end;
                if (hadCarriageReturn)
                {
                    output[count++] = (byte)'\r';
                }

                output[count++] = (byte)'\n';
                trimmableFrom = count;
            }
            else
            {
                output[count++] = underscoreIsSpace && c == '_' ? (byte)' ' : c;
            }
        }

        return output[..count];
    }

    private static int Base64Value(byte c) => c switch
    {
        >= (byte)'A' and <= (byte)'Z' => c - 'A',
        >= (byte)'a' and <= (byte)'z' => c - 'a' + 26,
        >= (byte)'0' and <= (byte)'9' => c - '0' + 52,
        (byte)'+' => 62,
        (byte)'/' => 63,
        _ => -1,
    };

    private static int HexValue(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        _ => -1,
    };
}
