namespace Qala.Engine.Mail.Mime;

/// <summary>
/// The parts of a multipart body (RFC 2046 §5.1.1): the ranges between delimiter lines <c>--boundary</c>, up to
/// the close delimiter <c>--boundary--</c>. A line only delimits when the boundary is followed by whitespace, the line
/// end or <c>--</c>, so a nested boundary that starts with the outer one does not split the outer part.
/// </summary>
internal sealed class MultipartBody
{
    private MultipartBody(List<Range> parts, bool closed)
    {
        Parts = parts;
        Closed = closed;
    }

    public IReadOnlyList<Range> Parts { get; }

    /// <summary>Whether the close delimiter was found; if not, the last part runs to the end.</summary>
    public bool Closed { get; }

    public static MultipartBody Split(ReadOnlySpan<byte> body, string boundary)
    {
        var delimiter = System.Text.Encoding.ASCII.GetBytes("--" + boundary);
        var parts = new List<Range>();
        var partStart = -1;
        var position = 0;
        while (position <= body.Length)
        {
            var newline = position < body.Length ? body[position..].IndexOf((byte)'\n') : -1;
            var lineEnd = newline < 0 ? body.Length : position + newline;
            var line = body[position..lineEnd];
            if (line.StartsWith(delimiter))
            {
                var rest = line[delimiter.Length..];
                var close = rest.StartsWith("--"u8);
                if (close)
                {
                    rest = rest[2..];
                }

                if (rest.Trim(" \t\r"u8).IsEmpty)
                {
                    if (partStart >= 0)
                    {
                        parts.Add(new Range(partStart, ContentEnd(body, position, partStart)));
                    }

                    if (close)
                    {
                        return new MultipartBody(parts, closed: true);
                    }

                    partStart = Math.Min(lineEnd + 1, body.Length);
                }
            }

            if (newline < 0)
            {
                break;
            }

            position = lineEnd + 1;
        }

        if (partStart >= 0)
        {
            parts.Add(new Range(partStart, body.Length));
        }

        return new MultipartBody(parts, closed: false);
    }

    // The line break before a delimiter belongs to the delimiter (RFC 2046 §5.1.1).
    private static int ContentEnd(ReadOnlySpan<byte> body, int delimiterLine, int partStart)
    {
        var end = delimiterLine;
        if (end > partStart && body[end - 1] == '\n')
        {
            end--;
            if (end > partStart && body[end - 1] == '\r')
            {
                end--;
            }
        }

        return end;
    }
}
