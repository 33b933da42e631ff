using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qala.Web.Data;

namespace Qala.Web.Features.SourceFacts;

internal sealed class SourceDocumentConfiguration : IEntityTypeConfiguration<SourceDocument>
{
    public void Configure(EntityTypeBuilder<SourceDocument> builder)
    {
        builder.ToTable("SourceDocuments");
        builder.Property(d => d.Code).HasMaxLength(80);
        builder.HasIndex(d => d.Code).IsUnique();
        builder.Property(d => d.Title).HasMaxLength(400);
        builder.Property(d => d.Language).HasMaxLength(2);
        builder.Property(d => d.Publisher).HasMaxLength(200);
        builder.HasOne(d => d.Territory).WithMany().HasForeignKey(d => d.TerritoryId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SourceFactConfiguration : IEntityTypeConfiguration<SourceFact>
{
    public void Configure(EntityTypeBuilder<SourceFact> builder)
    {
        builder.ToTable("SourceFacts");
        builder.Property(f => f.Code).HasMaxLength(100);
        builder.HasIndex(f => f.Code).IsUnique();
        builder.HasOne(f => f.SourceDocument).WithMany(d => d.Facts).HasForeignKey(f => f.SourceDocumentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(f => f.Territory).WithMany().HasForeignKey(f => f.TerritoryId).OnDelete(DeleteBehavior.Restrict);
        builder.ComplexProperty(f => f.Subject, subject => subject.ConfigureLocalizedText(300));
        builder.ComplexProperty(f => f.Unit, unit => unit.ConfigureLocalizedText(60));
        builder.Property(f => f.Value).HasPrecision(20, 4);
        builder.Property(f => f.Qualifier).HasConversion<string>().HasMaxLength(20);
        builder.Property(f => f.Quote).HasMaxLength(2000);
    }
}
