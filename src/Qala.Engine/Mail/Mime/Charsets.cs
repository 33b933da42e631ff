using System.Text;
using System.Text.Unicode;

namespace Qala.Engine.Mail.Mime;

/// <summary>
/// Charset names as mail programs write them, mapped to .NET encodings, with the code pages of the region
/// (Windows-1251, KOI8-R) registered. An unknown or missing charset never fails: bytes that are valid UTF-8 are read
/// as UTF-8, anything else as Windows-1251, the most common legacy charset of Kazakh and Russian mail.
/// </summary>
public static class Charsets
{
    private static readonly Encoding Windows1251;

    static Charsets()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Windows1251 = Encoding.GetEncoding(1251);
    }

    /// <summary>The encoding named <paramref name="charset"/>, or null when .NET does not know it.</summary>
    public static Encoding? Find(string? charset)
    {
        var name = charset?.Trim().Trim('"', '\'').ToLowerInvariant();
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        name = name switch
        {
            "utf8" or "utf-8" or "unicode-1-1-utf-8" => "utf-8",
            "cp1251" or "win-1251" or "windows1251" or "x-cp1251" or "cp-1251" => "windows-1251",
            "koi8r" or "koi8_r" or "x-koi8-r" => "koi8-r",
            "koi8u" or "koi8_u" => "koi8-u",
            "latin1" or "latin-1" => "iso-8859-1",
            _ => name,
        };
        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>
    /// Text from <paramref name="bytes"/> in <paramref name="charset"/>; an unknown charset is guessed and recorded in
    /// <paramref name="issues"/>, a missing one guessed silently.
    /// </summary>
    public static string Decode(ReadOnlySpan<byte> bytes, string? charset, ICollection<MimeIssue> issues)
    {
        ArgumentNullException.ThrowIfNull(issues);
        // Clients declare ASCII and send 8-bit anyway: read it like an undeclared charset.
        var encoding = Find(charset);
        if (encoding is not null && encoding.CodePage != Encoding.ASCII.CodePage)
        {
            return encoding.GetString(bytes);
        }

        if (!string.IsNullOrWhiteSpace(charset) && encoding is null)
        {
            issues.Add(new MimeIssue(MimeIssueKind.UnknownCharset, charset.Trim()));
        }

        return Guess(bytes);
    }

    /// <summary>UTF-8 when the bytes are valid UTF-8 (ASCII included), otherwise Windows-1251.</summary>
    public static string Guess(ReadOnlySpan<byte> bytes) =>
        Utf8.IsValid(bytes) ? Encoding.UTF8.GetString(bytes) : Windows1251.GetString(bytes);

    /// <summary>Whether <see cref="Guess"/> would read the bytes as UTF-8.</summary>
    public static bool IsUtf8(ReadOnlySpan<byte> bytes) => Utf8.IsValid(bytes);
}
