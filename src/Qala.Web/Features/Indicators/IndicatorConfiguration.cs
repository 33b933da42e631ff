using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qala.Web.Data;
using Qala.Web.Infrastructure.Imports;

namespace Qala.Web.Features.Indicators;

internal sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> builder)
    {
        builder.ToTable("Indicators");
        builder.Property(i => i.Code).HasMaxLength(Indicator.CodeLength);
        builder.HasIndex(i => i.Code).IsUnique();
        builder.ComplexProperty(i => i.Name, name => name.ConfigureLocalizedText(400));
        builder.Property(i => i.Unit).HasMaxLength(100);
        builder.Property(i => i.Polarity).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Source).HasMaxLength(100);
        builder.Property(i => i.Version).IsConcurrencyToken();
    }
}

internal sealed class ObservationConfiguration : IEntityTypeConfiguration<Observation>
{
    public void Configure(EntityTypeBuilder<Observation> builder)
    {
        builder.ToTable("Observations");
        builder.Property(o => o.Dimensions).HasMaxLength(Observation.DimensionsLength);
        builder.Property(o => o.Value).HasPrecision(20, 6);
        builder.Property(o => o.RecordedBy).HasMaxLength(256);
        builder.HasIndex(o => new { o.IndicatorId, o.TerritoryId, o.Year, o.Dimensions, o.Revision }).IsUnique().HasDatabaseName("IX_Observations_Key_Revision");
        builder.HasIndex(o => o.TerritoryId);
        builder.HasIndex(o => o.ImportBatchId);
        builder.HasOne(o => o.Indicator).WithMany().HasForeignKey(o => o.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(o => o.Territory).WithMany().HasForeignKey(o => o.TerritoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ImportBatch>().WithMany().HasForeignKey(o => o.ImportBatchId).OnDelete(DeleteBehavior.SetNull);
    }
}
