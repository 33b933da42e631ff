namespace Qala.Web.Infrastructure.Files;

/// <summary>Limits of the attachment store (<c>Qala:Attachments</c>).</summary>
public sealed class AttachmentOptions
{
    public const string Section = "Qala:Attachments";

    public const long DefaultMaxBytes = 20 * 1024 * 1024;

    /// <summary>The largest file accepted, in bytes (<c>Qala:Attachments:MaxBytes</c>).</summary>
    public long MaxBytes { get; set; } = DefaultMaxBytes;

    /// <summary>
    /// The types accepted (<c>Qala:Attachments:AllowedTypes:0 = Pdf</c>…); unset, all <see cref="AttachmentType"/>s.
    /// No default list here: the configuration binder would add the configured items to it instead of replacing it.
    /// </summary>
    public List<AttachmentType>? AllowedTypes { get; set; }

    public IReadOnlyList<AttachmentType> Allowed => AllowedTypes is { Count: > 0 } types ? types : AttachmentTypes.All;
}
