namespace Qala.Web.Infrastructure.Files;

/// <summary>The kinds of file Qala can recognise from their content and accept as attachments.</summary>
public enum AttachmentType
{
    Pdf,
    Png,
    Jpeg,
    Gif,
    WebP,
    Docx,
    Xlsx,
    Pptx,

    /// <summary>UTF-8 text without NUL bytes: plain text or CSV.</summary>
    Text,
}

public static class AttachmentTypes
{
    public static IReadOnlyList<AttachmentType> All { get; } = Enum.GetValues<AttachmentType>();

    /// <summary>The extensions a file of this type may carry; the first is the one a name without extension gets.</summary>
    public static IReadOnlyList<string> Extensions(AttachmentType type) => type switch
    {
        AttachmentType.Pdf => [".pdf"],
        AttachmentType.Png => [".png"],
        AttachmentType.Jpeg => [".jpg", ".jpeg", ".jpe", ".jfif"],
        AttachmentType.Gif => [".gif"],
        AttachmentType.WebP => [".webp"],
        AttachmentType.Docx => [".docx"],
        AttachmentType.Xlsx => [".xlsx"],
        AttachmentType.Pptx => [".pptx"],
        AttachmentType.Text => [".txt", ".csv", ".tsv"],
    };

    /// <summary>The media type served for the file: decided by the content; the extension only tells CSV from plain text.</summary>
    public static string ContentType(AttachmentType type, string fileName) => type switch
    {
        AttachmentType.Pdf => "application/pdf",
        AttachmentType.Png => "image/png",
        AttachmentType.Jpeg => "image/jpeg",
        AttachmentType.Gif => "image/gif",
        AttachmentType.WebP => "image/webp",
        AttachmentType.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        AttachmentType.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        AttachmentType.Pptx => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        AttachmentType.Text when Path.GetExtension(fileName).Equals(".csv", StringComparison.OrdinalIgnoreCase) => "text/csv; charset=utf-8",
        AttachmentType.Text => "text/plain; charset=utf-8",
    };

    /// <summary>A short name people know the type by (PDF, Word…), the same in every language.</summary>
    public static string DisplayName(AttachmentType type) => type switch
    {
        AttachmentType.Pdf => "PDF",
        AttachmentType.Png => "PNG",
        AttachmentType.Jpeg => "JPEG",
        AttachmentType.Gif => "GIF",
        AttachmentType.WebP => "WebP",
        AttachmentType.Docx => "Word (.docx)",
        AttachmentType.Xlsx => "Excel (.xlsx)",
        AttachmentType.Pptx => "PowerPoint (.pptx)",
        AttachmentType.Text => "TXT/CSV",
    };
}
