using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qala.Web.Data;

namespace Qala.Web.Features.Agencies;

internal sealed class AgencyConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> builder)
    {
        builder.ToTable("Agencies");
        builder.Property(a => a.Code).HasMaxLength(40);
        builder.HasIndex(a => a.Code).IsUnique();
        builder.ComplexProperty(a => a.Name, name => name.ConfigureLocalizedText(300));
        builder.HasOne(a => a.Territory).WithMany().HasForeignKey(a => a.TerritoryId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(a => a.Version).IsConcurrencyToken();
    }
}
