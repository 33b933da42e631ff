using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qala.Web.Data;

namespace Qala.Web.Features.SocialInfrastructure;

internal sealed class SocialFacilityConfiguration : IEntityTypeConfiguration<SocialFacility>
{
    public void Configure(EntityTypeBuilder<SocialFacility> builder)
    {
        builder.ToTable("SocialFacilities");
        builder.ComplexProperty(f => f.Name, name => name.ConfigureLocalizedText(SocialFacility.NameLength));
        builder.Property(f => f.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(f => f.State).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(f => new { f.TerritoryId, f.Kind });
        builder.HasIndex(f => f.RoadmapActivityId);
        builder.HasOne(f => f.Territory).WithMany().HasForeignKey(f => f.TerritoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(f => f.RoadmapActivity).WithMany().HasForeignKey(f => f.RoadmapActivityId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(f => f.Version).IsConcurrencyToken();
    }
}

internal sealed class PopulationPointConfiguration : IEntityTypeConfiguration<PopulationPoint>
{
    public void Configure(EntityTypeBuilder<PopulationPoint> builder)
    {
        builder.ToTable("PopulationPoints");
        builder.Property(p => p.Label).HasMaxLength(100);
        builder.HasIndex(p => p.TerritoryId);
        builder.HasIndex(p => p.ImportBatchId);
        builder.HasOne(p => p.Territory).WithMany().HasForeignKey(p => p.TerritoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.ImportBatch).WithMany().HasForeignKey(p => p.ImportBatchId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(p => p.Version).IsConcurrencyToken();
    }
}

internal sealed class DistrictOutlineConfiguration : IEntityTypeConfiguration<DistrictOutline>
{
    public void Configure(EntityTypeBuilder<DistrictOutline> builder)
    {
        builder.ToTable("DistrictOutlines");
        builder.HasKey(o => o.TerritoryId);
        builder.HasOne(o => o.Territory).WithMany().HasForeignKey(o => o.TerritoryId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(o => o.Version).IsConcurrencyToken();
    }
}

internal sealed class WalkNetworkConfiguration : IEntityTypeConfiguration<WalkNetwork>, IEntityTypeConfiguration<WalkNetworkContent>
{
    public void Configure(EntityTypeBuilder<WalkNetwork> builder)
    {
        builder.ToTable("WalkNetworks");
        builder.Property(n => n.FileName).HasMaxLength(260);
        builder.Property(n => n.ImportedBy).HasMaxLength(256);
        builder.HasIndex(n => n.TerritoryId).IsUnique();
        builder.HasOne(n => n.Territory).WithMany().HasForeignKey(n => n.TerritoryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<WalkNetworkContent>().WithOne().HasForeignKey<WalkNetworkContent>(c => c.NetworkId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(n => n.Version).IsConcurrencyToken();
    }

    public void Configure(EntityTypeBuilder<WalkNetworkContent> builder)
    {
        builder.ToTable("WalkNetworkContents");
        builder.HasKey(c => c.NetworkId);
        builder.Property(c => c.NetworkId).ValueGeneratedNever();
    }
}
