using System.Globalization;
using System.Text;

namespace Qala.Web.Infrastructure.Mail.Imap;

/// <summary>
/// Reads whole responses from the server: a line, and for each <c>{n}</c> at the end of a line exactly n bytes of
/// literal followed by the rest of the response. Bounded: a line longer than a megabyte or a literal over the limit
/// ends the connection rather than the process's memory.
/// </summary>
internal sealed class ImapResponseReader(Stream stream, long maxLiteralBytes)
{
    private const int MaxLineBytes = 1024 * 1024;

    private byte[] buffer = new byte[16 * 1024];
    private int start;
    private int end;

    /// <summary>Whether bytes the server sent are waiting unread (must be none when TLS starts).</summary>
    public bool HasBufferedData => end > start;

    public async Task<ImapResponse> ReadAsync(CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        var literals = new List<byte[]>();
        while (true)
        {
            var line = await ReadLineAsync(cancellationToken);
            if (LiteralLength(line) is { } literal)
            {
                if (literal.Length > maxLiteralBytes)
                {
                    throw new ImapConnectionException($"IMAP server sent a literal of {literal.Length} bytes, over the limit of {maxLiteralBytes}.");
                }

                text.Append(line.AsSpan(0, literal.MarkerStart)).Append('\0');
                literals.Add(await ReadExactlyAsync((int)literal.Length, cancellationToken));
                continue;
            }

            text.Append(line);
            return ImapResponse.Parse(text.ToString(), literals);
        }
    }

    private static (long Length, int MarkerStart)? LiteralLength(string line)
    {
        if (!line.EndsWith('}'))
        {
            return null;
        }

        var open = line.LastIndexOf('{');
        if (open < 0)
        {
            return null;
        }

        var digits = line.AsSpan(open + 1, line.Length - open - 2).TrimEnd('+');
        if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var length))
        {
            return null;
        }

        // literal8 (RFC 3516) is written ~{n}.
        var markerStart = open > 0 && line[open - 1] == '~' ? open - 1 : open;
        return (length, markerStart);
    }

    private async Task<string> ReadLineAsync(CancellationToken cancellationToken)
    {
        // Bytes after start already searched for the line end; start moves when the buffer is compacted.
        var searched = 0;
        while (true)
        {
            var newline = Array.IndexOf(buffer, (byte)'\n', start + searched, end - start - searched);
            if (newline >= 0)
            {
                var lineEnd = newline > start && buffer[newline - 1] == '\r' ? newline - 1 : newline;
                var line = Encoding.UTF8.GetString(buffer, start, lineEnd - start).Replace('\0', '\uFFFD');
                start = newline + 1;
                return line;
            }

            searched = end - start;
            if (end - start >= MaxLineBytes)
            {
                throw new ImapConnectionException($"IMAP server sent a line longer than {MaxLineBytes} bytes.");
            }

            await FillAsync(cancellationToken);
        }
    }

    private async Task<byte[]> ReadExactlyAsync(int count, CancellationToken cancellationToken)
    {
        var result = new byte[count];
        var copied = Math.Min(count, end - start);
        Array.Copy(buffer, start, result, 0, copied);
        start += copied;
        while (copied < count)
        {
            var read = await stream.ReadAsync(result.AsMemory(copied), cancellationToken);
            if (read == 0)
            {
                throw new ImapConnectionException($"IMAP server closed the connection in the middle of a literal ({copied} of {count} bytes received).");
            }

            copied += read;
        }

        return result;
    }

    private async Task FillAsync(CancellationToken cancellationToken)
    {
        if (start > 0)
        {
            Array.Copy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }

        if (end == buffer.Length)
        {
            Array.Resize(ref buffer, buffer.Length * 2);
        }

        var read = await stream.ReadAsync(buffer.AsMemory(end), cancellationToken);
        if (read == 0)
        {
            throw new ImapConnectionException("IMAP server closed the connection.");
        }

        end += read;
    }
}
