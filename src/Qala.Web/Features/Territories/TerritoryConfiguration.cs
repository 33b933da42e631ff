using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qala.Web.Data;
using Qala.Web.Infrastructure.Imports;

namespace Qala.Web.Features.Territories;

internal sealed class TerritoryConfiguration : IEntityTypeConfiguration<Territory>
{
    public void Configure(EntityTypeBuilder<Territory> builder)
    {
        builder.ToTable("Territories");
        builder.Property(t => t.Code).HasMaxLength(20);
        builder.HasIndex(t => t.Code).IsUnique();
        builder.Property(t => t.Kind).HasConversion<string>().HasMaxLength(40);
        builder.ComplexProperty(t => t.Name, name => name.ConfigureLocalizedText(200));
        builder.HasOne(t => t.Parent).WithMany(t => t.Children).HasForeignKey(t => t.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(t => t.Predecessor).WithMany().HasForeignKey(t => t.PredecessorId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(t => t.Version).IsConcurrencyToken();
    }
}

internal sealed class TerritoryCodeMappingConfiguration : IEntityTypeConfiguration<TerritoryCodeMapping>
{
    public void Configure(EntityTypeBuilder<TerritoryCodeMapping> builder)
    {
        builder.ToTable("TerritoryCodeMappings");
        builder.Property(m => m.Scheme).HasMaxLength(40);
        builder.Property(m => m.ExternalCode).HasMaxLength(40);
        builder.HasIndex(m => new { m.Scheme, m.ExternalCode }).IsUnique();
        builder.HasOne(m => m.Territory).WithMany().HasForeignKey(m => m.TerritoryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ImportBatch>().WithMany().HasForeignKey(m => m.ImportBatchId).OnDelete(DeleteBehavior.SetNull);
    }
}
