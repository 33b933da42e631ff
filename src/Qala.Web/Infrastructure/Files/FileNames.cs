using System.Globalization;
using System.Text;

namespace Qala.Web.Infrastructure.Files;

/// <summary>Makes the name a browser sent safe to store and to offer again as a download name.</summary>
public static class FileNames
{
    public const string Fallback = "file";

    private static readonly char[] Reserved = ['<', '>', ':', '"', '|', '?', '*'];

    /// <summary>
    /// The last segment of any path (either slash), NFC-normalised, without control or invisible formatting characters
    /// (a right-to-left override can make "report‮fdp.exe" look like a PDF), Windows' reserved characters replaced, no
    /// leading or trailing spaces and dots, at most <paramref name="maxLength"/> characters with the extension kept.
    /// </summary>
    public static string Sanitise(string? fileName, int maxLength = Attachment.MaxFileNameLength)
    {
        var name = (fileName ?? string.Empty).Normalize(NormalizationForm.FormC);
        name = name[(name.LastIndexOfAny(['/', '\\']) + 1)..];
        var clean = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            var category = char.GetUnicodeCategory(c);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                continue;
            }

            clean.Append(Array.IndexOf(Reserved, c) >= 0 ? '_' : c);
        }

        name = clean.ToString().Trim().Trim('.').Trim();
        if (name.Length == 0)
        {
            return Fallback;
        }

        if (name.Length <= maxLength)
        {
            return name;
        }

        var extension = Path.GetExtension(name);
        if (extension.Length >= maxLength / 2)
        {
            extension = string.Empty;
        }

        var stem = name[..(name.Length - extension.Length)];
        var keep = maxLength - extension.Length;
        if (char.IsHighSurrogate(stem[keep - 1]))
        {
            keep--;
        }

        return stem[..keep].TrimEnd() + extension;
    }
}
