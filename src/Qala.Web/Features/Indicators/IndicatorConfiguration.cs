using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qala.Web.Data;
using Qala.Web.Features.Agencies;
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
        builder.ComplexProperty(i => i.Description, description => description.ConfigureLocalizedText(2000));
        builder.Property(i => i.Polarity).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Periodicity).HasConversion<string>().HasMaxLength(10);
        builder.Property(i => i.Source).HasMaxLength(100);
        builder.Property(i => i.Methodology).HasMaxLength(2000);
        builder.HasOne<Agency>().WithMany().HasForeignKey(i => i.OwnerAgencyId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(i => i.Derivation).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Scale).HasPrecision(20, 6);
        builder.HasOne<Indicator>().WithMany().HasForeignKey(i => i.InputIndicatorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Indicator>().WithMany().HasForeignKey(i => i.DenominatorIndicatorId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(i => i.Version).IsConcurrencyToken();
    }
}

internal sealed class ObservationConfiguration : IEntityTypeConfiguration<Observation>
{
    /// <summary>
    /// The current totals — the headline series of most indicators — keyed for scorecards, rankings and series, with
    /// the value in the index (PostgreSQL), so their reads are index-only (docs/benchmarks.md, "Indicators").
    /// </summary>
    public const string CurrentTotalsIndex = "IX_Observations_CurrentTotals";

    public const string CurrentTotalsFilter = "\"IsCurrent\" AND \"Dimensions\" = ''";

    public void Configure(EntityTypeBuilder<Observation> builder)
    {
        builder.ToTable("Observations");
        builder.Property(o => o.Dimensions).HasMaxLength(Observation.DimensionsLength);
        builder.Property(o => o.Value).HasPrecision(20, 6);
        builder.Property(o => o.RecordedBy).HasMaxLength(256);
        builder.HasIndex(o => new { o.IndicatorId, o.TerritoryId, o.Year, o.PeriodNumber, o.Dimensions, o.Revision }).IsUnique().HasDatabaseName("IX_Observations_Key_Revision");
        builder.HasIndex(o => new { o.IndicatorId, o.TerritoryId, o.Year, o.PeriodNumber })
            .HasDatabaseName(CurrentTotalsIndex).HasFilter(CurrentTotalsFilter).IncludeProperties(o => o.Value);
        builder.HasIndex(o => o.TerritoryId);
        builder.HasIndex(o => o.ImportBatchId);
        builder.HasOne(o => o.Indicator).WithMany().HasForeignKey(o => o.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(o => o.Territory).WithMany().HasForeignKey(o => o.TerritoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ImportBatch>().WithMany().HasForeignKey(o => o.ImportBatchId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class TargetSetConfiguration : IEntityTypeConfiguration<TargetSet>
{
    public void Configure(EntityTypeBuilder<TargetSet> builder)
    {
        builder.ToTable("TargetSets");
        builder.ComplexProperty(s => s.Name, name => name.ConfigureLocalizedText(400));
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Source).HasMaxLength(400);
        builder.Property(s => s.Version).IsConcurrencyToken();
    }
}

internal sealed class IndicatorTargetConfiguration : IEntityTypeConfiguration<IndicatorTarget>
{
    public void Configure(EntityTypeBuilder<IndicatorTarget> builder)
    {
        builder.ToTable("IndicatorTargets");
        builder.Property(t => t.Value).HasPrecision(20, 6);
        builder.Property(t => t.UpperValue).HasPrecision(20, 6);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.HasIndex(t => new { t.TargetSetId, t.IndicatorId, t.TerritoryId, t.Year }).IsUnique().HasDatabaseName("IX_IndicatorTargets_Key");
        builder.HasIndex(t => new { t.IndicatorId, t.TerritoryId });
        builder.HasIndex(t => t.TerritoryId);
        builder.HasOne(t => t.TargetSet).WithMany().HasForeignKey(t => t.TargetSetId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(t => t.Indicator).WithMany().HasForeignKey(t => t.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(t => t.Territory).WithMany().HasForeignKey(t => t.TerritoryId).OnDelete(DeleteBehavior.Restrict);
    }
}
