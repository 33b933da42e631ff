using System.Globalization;
using Microsoft.AspNetCore.Mvc;

namespace Qala.Web.Infrastructure.Documents;

/// <summary>A report as the file a page's export link asks for: a Word document for <c>docx</c>, a spreadsheet otherwise.</summary>
public static class ReportFiles
{
    public static FileContentResult Download(ReportDocument document, string? format, string name, CultureInfo culture)
    {
        using var buffer = new MemoryStream();
        if (string.Equals(format, "docx", StringComparison.OrdinalIgnoreCase))
        {
            WordWriter.Write(document, buffer, culture);
            return new FileContentResult(buffer.ToArray(), WordWriter.ContentType) { FileDownloadName = name + WordWriter.FileExtension };
        }

        SpreadsheetWriter.Write(document, buffer, culture);
        return new FileContentResult(buffer.ToArray(), SpreadsheetWriter.ContentType) { FileDownloadName = name + SpreadsheetWriter.FileExtension };
    }
}
