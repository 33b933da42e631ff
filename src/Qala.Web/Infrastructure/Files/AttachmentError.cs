namespace Qala.Web.Infrastructure.Files;

/// <summary>Why a file is refused.</summary>
public enum AttachmentErrorCode
{
    Empty,
    TooLarge,
    TypeNotAllowed,
    NameContradictsContent,
    Executable,
    Markup,
    MacroDocument,
}

/// <summary>
/// A refused file. <see cref="MessageKey"/> is the English text and the key of the UI string that localises it; its
/// placeholder <c>{0}</c> is <see cref="ExpectedExtension"/> for a name that contradicts the content, or the size
/// limit (<see cref="MaxBytes"/>, formatted by the page) for a file that is too large.
/// </summary>
public sealed record AttachmentError(AttachmentErrorCode Code, long? MaxBytes = null, string? ExpectedExtension = null)
{
    public string MessageKey => Code switch
    {
        AttachmentErrorCode.Empty => "The file is empty.",
        AttachmentErrorCode.TooLarge => "The file is larger than the limit of {0}.",
        AttachmentErrorCode.TypeNotAllowed => "Files of this type are not accepted.",
        AttachmentErrorCode.NameContradictsContent => "The file's name does not match its content. Rename it to end in {0}, or choose the right file.",
        AttachmentErrorCode.Executable => "Programs and scripts are not accepted.",
        AttachmentErrorCode.Markup => "Web pages and SVG images are not accepted, because they can run scripts.",
        AttachmentErrorCode.MacroDocument => "Documents with macros are not accepted. Save the document without macros (.docx, .xlsx, .pptx).",
    };
}
