using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qala.Web.Data.Audit;

namespace Qala.Web.Infrastructure.Files;

/// <summary>
/// A stored file: what it is (name, type decided from its content, size, SHA-256) and who uploaded it when. The bytes
/// live in <see cref="AttachmentContent"/>, a table of their own, so listing files never reads them. Both are in the
/// database, so any web node serves any file. Attachments are audited (who uploaded what); their bytes are not.
/// </summary>
public sealed class Attachment
{
    public const int MaxFileNameLength = 255;

    /// <summary>A version 7 GUID: unguessable enough for a link, and in the order of creation.</summary>
    public Guid Id { get; set; }

    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    public long Size { get; set; }

    /// <summary>SHA-256 of the content, lower-case hex; also the download's ETag.</summary>
    public required string Sha256 { get; set; }

    public required string UploadedBy { get; set; }

    public DateTimeOffset UploadedAt { get; set; }
}

/// <summary>The bytes of an <see cref="Attachment"/>. Exempt from the audit log: the log records the metadata, never content.</summary>
public sealed class AttachmentContent : IAuditExempt
{
    public Guid AttachmentId { get; set; }

    public required byte[] Content { get; set; }
}

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>, IEntityTypeConfiguration<AttachmentContent>
{
    public void Configure(EntityTypeBuilder<Attachment> builder)
    {
        builder.ToTable("Attachments");
        builder.Property(a => a.FileName).HasMaxLength(Attachment.MaxFileNameLength);
        builder.Property(a => a.ContentType).HasMaxLength(100);
        builder.Property(a => a.Sha256).HasMaxLength(64);
        builder.Property(a => a.UploadedBy).HasMaxLength(256);
    }

    public void Configure(EntityTypeBuilder<AttachmentContent> builder)
    {
        builder.ToTable("AttachmentContents");
        builder.HasKey(c => c.AttachmentId);
        builder.HasOne<Attachment>().WithOne().HasForeignKey<AttachmentContent>(c => c.AttachmentId).OnDelete(DeleteBehavior.Cascade);
    }
}
