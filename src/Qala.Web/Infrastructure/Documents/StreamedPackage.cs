using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;

namespace Qala.Web.Infrastructure.Documents;

/// <summary>
/// Writes an Open XML package whose large parts stream. The Open XML SDK builds the package with small placeholders
/// in memory; the package is then copied into a zip written front to back, and each large part is written by an
/// <see cref="OpenXmlWriter"/> straight into its zip entry instead of its placeholder.
/// </summary>
/// <remarks>
/// Why not write the parts through the SDK: on .NET, System.IO.Packaging keeps every part written to a package in
/// memory until the package is closed (dotnet/Open-XML-SDK#807), and SDK 2.20 cannot open a write-only package.
/// </remarks>
internal static class StreamedPackage
{
    public static string EntryName(OpenXmlPart part) => part.Uri.OriginalString.TrimStart('/');

    public static void Write(Stream package, Stream output, IReadOnlyDictionary<string, Action<OpenXmlWriter>> largeParts)
    {
        package.Position = 0;
        using var source = new ZipArchive(package, ZipArchiveMode.Read, leaveOpen: true);
        using var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        var written = 0;
        foreach (var entry in source.Entries)
        {
            using var to = target.CreateEntry(entry.FullName).Open();
            if (largeParts.TryGetValue(entry.FullName, out var writePart))
            {
                using var writer = OpenXmlWriter.Create(to);
                writer.WriteStartDocument(true);
                writePart(writer);
                written++;
            }
            else
            {
                using var from = entry.Open();
                from.CopyTo(to);
            }
        }

        if (written != largeParts.Count)
        {
            throw new InvalidOperationException("A large part has no placeholder in the package.");
        }
    }
}
