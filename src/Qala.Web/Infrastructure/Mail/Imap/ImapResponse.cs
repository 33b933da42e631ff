using System.Globalization;
using System.Text;

namespace Qala.Web.Infrastructure.Mail.Imap;

/// <summary>A value in a server response (RFC 9051 §4): an atom or number, a string (quoted or literal), NIL or a list.</summary>
public abstract record ImapValue;

/// <summary>An atom, number or flag, including section specifiers: <c>UID</c>, <c>42</c>, <c>\Seen</c>, <c>BODY[]</c>.</summary>
public sealed record ImapAtom(string Text) : ImapValue
{
    public bool Is(string text) => string.Equals(Text, text, StringComparison.OrdinalIgnoreCase);

    public uint? Number => uint.TryParse(Text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;

    public long? LongNumber => long.TryParse(Text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;
}

/// <summary>A quoted string or a literal, as the bytes the server sent.</summary>
public sealed record ImapString(byte[] Bytes) : ImapValue
{
    public string Text => Encoding.UTF8.GetString(Bytes);
}

public sealed record ImapNil : ImapValue
{
    public static ImapNil Value { get; } = new();
}

public sealed record ImapList(IReadOnlyList<ImapValue> Items) : ImapValue;

public enum ImapResponseKind
{
    /// <summary><c>* …</c>: data or a status the server volunteers.</summary>
    Untagged,

    /// <summary><c>A0001 OK …</c>: the end of a command.</summary>
    Tagged,

    /// <summary><c>+ …</c>: the server waits for the rest of a command.</summary>
    Continuation,
}

/// <summary>
/// One server response. Status responses (<c>OK</c>, <c>NO</c>, <c>BAD</c>, <c>BYE</c>, <c>PREAUTH</c>) carry
/// <see cref="Status"/>, the bracketed <see cref="Code"/> and <see cref="Text"/>; data responses
/// (<c>* 3 EXISTS</c>, <c>* 1 FETCH (…)</c>) carry <see cref="Values"/>.
/// </summary>
public sealed record ImapResponse(ImapResponseKind Kind, string? Tag, string? Status, string? Code, string Text, IReadOnlyList<ImapValue> Values)
{
    private static readonly string[] Statuses = ["OK", "NO", "BAD", "BYE", "PREAUTH"];

    public bool IsStatus(string status) => string.Equals(Status, status, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Parses one response whose literals were cut out of the text: each literal stands as a NUL character in
    /// <paramref name="text"/> (a character IMAP forbids on the wire) and its bytes are the next of <paramref name="literals"/>.
    /// </summary>
    public static ImapResponse Parse(string text, IReadOnlyList<byte[]> literals)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.StartsWith('+'))
        {
            return new ImapResponse(ImapResponseKind.Continuation, null, null, null, text.Length > 1 ? text[1..].TrimStart() : string.Empty, []);
        }

        var space = text.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0)
        {
            throw new ImapConnectionException($"IMAP server sent an unreadable response: {Shorten(text)}");
        }

        var tag = text[..space];
        var rest = text[(space + 1)..];
        var kind = tag == "*" ? ImapResponseKind.Untagged : ImapResponseKind.Tagged;
        var wordEnd = rest.IndexOf(' ', StringComparison.Ordinal);
        var word = wordEnd < 0 ? rest : rest[..wordEnd];
        if (Statuses.Any(s => string.Equals(s, word, StringComparison.OrdinalIgnoreCase)))
        {
            var after = wordEnd < 0 ? string.Empty : rest[(wordEnd + 1)..];
            string? code = null;
            if (after.StartsWith('['))
            {
                var close = after.IndexOf(']', StringComparison.Ordinal);
                code = close < 0 ? after[1..] : after[1..close];
                after = close < 0 ? string.Empty : after[(close + 1)..];
            }

            return new ImapResponse(kind, kind == ImapResponseKind.Tagged ? tag : null, word.ToUpperInvariant(), code, after.Trim(), []);
        }

        if (kind == ImapResponseKind.Tagged)
        {
            throw new ImapConnectionException($"IMAP server sent a tagged response without a status: {Shorten(text)}");
        }

        return new ImapResponse(kind, null, null, null, string.Empty, new Tokenizer(rest, literals).ReadAll());
    }

    private static string Shorten(string text) => text.Length > 100 ? text[..100] + "…" : text;

    private sealed class Tokenizer(string text, IReadOnlyList<byte[]> literals)
    {
        private int position;
        private int literal;

        public List<ImapValue> ReadAll()
        {
            var values = new List<ImapValue>();
            while (Next() is { } value)
            {
                values.Add(value);
            }

            return values;
        }

        private ImapValue? Next()
        {
            while (position < text.Length && text[position] == ' ')
            {
                position++;
            }

            if (position >= text.Length || text[position] == ')')
            {
                return null;
            }

            var c = text[position];
            if (c == '(')
            {
                position++;
                var items = new List<ImapValue>();
                while (Next() is { } item)
                {
                    items.Add(item);
                }

                if (position >= text.Length)
                {
                    throw new ImapConnectionException("IMAP server sent a list without its closing parenthesis.");
                }

                position++;
                return new ImapList(items);
            }

            if (c == '"')
            {
                return Quoted();
            }

            if (c == '\0')
            {
                position++;
                if (literal >= literals.Count)
                {
                    throw new ImapConnectionException("IMAP response refers to a literal it did not send.");
                }

                return new ImapString(literals[literal++]);
            }

            return Atom();
        }

        private ImapString Quoted()
        {
            var value = new StringBuilder();
            position++;
            while (position < text.Length)
            {
                var c = text[position++];
                if (c == '\\' && position < text.Length)
                {
                    value.Append(text[position++]);
                }
                else if (c == '"')
                {
                    return new ImapString(Encoding.UTF8.GetBytes(value.ToString()));
                }
                else
                {
                    value.Append(c);
                }
            }

            throw new ImapConnectionException("IMAP server sent a quoted string without its closing quote.");
        }

        private ImapValue Atom()
        {
            var start = position;
            var brackets = 0;
            while (position < text.Length)
            {
                var c = text[position];
                if (c == '[')
                {
                    brackets++;
                }
                else if (c == ']' && brackets > 0)
                {
                    brackets--;
                }
                else if (brackets == 0 && c is ' ' or '(' or ')' or '"' or '\0')
                {
                    break;
                }

                position++;
            }

            var atom = text[start..position];
            return string.Equals(atom, "NIL", StringComparison.OrdinalIgnoreCase) ? ImapNil.Value : new ImapAtom(atom);
        }
    }
}
