using System.Globalization;
using DocumentFormat.OpenXml.Packaging;

namespace Qala.Web.Infrastructure.Documents;

/// <summary>The title, subtitle, metadata and language a file carries in its properties (File › Info).</summary>
internal static class DocumentProperties
{
    public static void Set(OpenXmlPackage package, ReportDocument document, CultureInfo culture)
    {
        var properties = package.PackageProperties;
        properties.Title = ReportCells.XmlSafe(document.Title);
        properties.Subject = document.Subtitle is null ? null : ReportCells.XmlSafe(document.Subtitle);
        properties.Description = document.Metadata.Count == 0 ? null : ReportCells.XmlSafe(string.Join('\n', document.Metadata));
        properties.Language = culture.Name;
        properties.Creator = "Qala";
    }
}
