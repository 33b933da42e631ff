using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qala.Web.Data.Audit;

namespace Qala.Web.Infrastructure.Imports;

public enum ImportMode
{
    /// <summary>Any invalid row stops the import: nothing is changed.</summary>
    AllOrNothing,

    /// <summary>Valid rows are imported; every skipped row is reported.</summary>
    SkipInvalidRows,
}

/// <summary>
/// One committed import: who loaded which file (name and SHA-256) when, and what it did. Rows it created or changed
/// point to it as their provenance.
/// </summary>
public sealed class ImportBatch
{
    public long Id { get; set; }

    public required string Kind { get; set; }

    public required string FileName { get; set; }

    public required string FileHash { get; set; }

    public long FileSize { get; set; }

    public ImportMode Mode { get; set; }

    public string? ImportedBy { get; set; }

    public DateTimeOffset ImportedAt { get; set; }

    public int Added { get; set; }

    public int Changed { get; set; }

    public int Unchanged { get; set; }

    public int Skipped { get; set; }
}

/// <summary>
/// An uploaded file kept between the preview and the commit of an import, so the user uploads it once. Its content is
/// stored in <see cref="ImportUploadChunk"/>s, written and read one at a time, so a file of hundreds of megabytes
/// passes through a web node in bounded memory and any node can commit what another previewed.
/// </summary>
public sealed class ImportUpload : IAuditExempt
{
    public Guid Id { get; set; }

    public required string Kind { get; set; }

    public required string FileName { get; set; }

    public required string FileHash { get; set; }

    public long Size { get; set; }

    /// <summary>Set by the commit that is importing the file, in its transaction: a second commit finds it taken.</summary>
    public bool Taken { get; set; }

    public string? UploadedBy { get; set; }

    public DateTimeOffset UploadedAt { get; set; }
}

/// <summary>One piece of an <see cref="ImportUpload"/>'s content, in order of <see cref="Sequence"/>.</summary>
public sealed class ImportUploadChunk : IAuditExempt
{
    public Guid UploadId { get; set; }

    public int Sequence { get; set; }

    public required byte[] Data { get; set; }
}

internal sealed class ImportBatchConfiguration
    : IEntityTypeConfiguration<ImportBatch>, IEntityTypeConfiguration<ImportUpload>, IEntityTypeConfiguration<ImportUploadChunk>
{
    public void Configure(EntityTypeBuilder<ImportBatch> builder)
    {
        builder.ToTable("ImportBatches");
        builder.Property(b => b.Kind).HasMaxLength(100);
        builder.Property(b => b.FileName).HasMaxLength(260);
        builder.Property(b => b.FileHash).HasMaxLength(64);
        builder.Property(b => b.Mode).HasConversion<string>().HasMaxLength(20);
        builder.Property(b => b.ImportedBy).HasMaxLength(256);
        builder.HasIndex(b => new { b.Kind, b.FileHash });
    }

    public void Configure(EntityTypeBuilder<ImportUpload> builder)
    {
        builder.ToTable("ImportUploads");
        builder.Property(u => u.Kind).HasMaxLength(100);
        builder.Property(u => u.FileName).HasMaxLength(260);
        builder.Property(u => u.FileHash).HasMaxLength(64);
        builder.Property(u => u.UploadedBy).HasMaxLength(256);
    }

    public void Configure(EntityTypeBuilder<ImportUploadChunk> builder)
    {
        builder.ToTable("ImportUploadChunks");
        builder.HasKey(c => new { c.UploadId, c.Sequence });
        builder.HasOne<ImportUpload>().WithMany().HasForeignKey(c => c.UploadId).OnDelete(DeleteBehavior.Cascade);
    }
}
