using System.Text;

namespace Qala.Engine.Mail.Mime;

/// <summary>
/// RFC 2047 encoded words (<c>=?utf-8?B?0JDQu9C80LDRgtGL?=</c>) in header text. Adjacent encoded words are one text:
/// the whitespace between them is dropped, and words in the same charset are joined before decoding, because mail
/// programs split a multi-byte character across two words.
/// </summary>
public static class EncodedWords
{
    /// <summary>Decodes every encoded word in <paramref name="text"/>; text that is not an encoded word stays as it is.</summary>
    public static string Decode(string text, ICollection<MimeIssue> issues)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Contains("=?", StringComparison.Ordinal))
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        var pendingBytes = new List<byte>();
        string? pendingCharset = null;
        var pendingSpace = new StringBuilder();
        var position = 0;
        while (position < text.Length)
        {
            if (TryReadWord(text, position, out var word))
            {
                if (pendingCharset is not null && !string.Equals(pendingCharset, word.Charset, StringComparison.OrdinalIgnoreCase))
                {
                    Flush();
                }

                // Whitespace between two encoded words is folding, not content (RFC 2047 §6.2).
                pendingSpace.Clear();
                pendingCharset = word.Charset;
                pendingBytes.AddRange(word.Bytes);
                position = word.End;
                continue;
            }

            var c = text[position];
            if (pendingCharset is not null && c is ' ' or '\t' or '\r' or '\n')
            {
                pendingSpace.Append(c);
                position++;
                continue;
            }

            Flush();
            result.Append(pendingSpace);
            pendingSpace.Clear();
            result.Append(c);
            position++;
        }

        Flush();
        result.Append(pendingSpace);
        return result.ToString();

        void Flush()
        {
            if (pendingCharset is null)
            {
                return;
            }

            result.Append(Charsets.Decode([.. pendingBytes], pendingCharset, issues));
            pendingBytes.Clear();
            pendingCharset = null;
        }
    }

    private static bool TryReadWord(string text, int start, out EncodedWord word)
    {
        word = default;
        if (start + 1 >= text.Length || text[start] != '=' || text[start + 1] != '?')
        {
            return false;
        }

        var charsetEnd = text.IndexOf('?', start + 2);
        if (charsetEnd < 0 || charsetEnd + 2 >= text.Length || text[charsetEnd + 2] != '?')
        {
            return false;
        }

        var encoding = char.ToUpperInvariant(text[charsetEnd + 1]);
        var payloadStart = charsetEnd + 3;
        var end = text.IndexOf("?=", payloadStart, StringComparison.Ordinal);
        if (encoding is not ('B' or 'Q') || end < 0)
        {
            return false;
        }

        var charset = text[(start + 2)..charsetEnd];
        var payload = text[payloadStart..end];
        if (charset.Length == 0 || charset.Any(char.IsWhiteSpace) || payload.Any(char.IsWhiteSpace))
        {
            return false;
        }

        // RFC 2231 §5 lets a language follow the charset: "utf-8*kk".
        var star = charset.IndexOf('*', StringComparison.Ordinal);
        if (star >= 0)
        {
            charset = charset[..star];
        }

        var raw = Encoding.Latin1.GetBytes(payload);
        var bytes = encoding == 'B' ? TransferEncodings.Base64(raw) : TransferEncodings.QuotedPrintable(raw, underscoreIsSpace: true);
        word = new EncodedWord(charset, bytes, end + 2);
        return true;
    }

    private readonly record struct EncodedWord(string Charset, byte[] Bytes, int End);
}
