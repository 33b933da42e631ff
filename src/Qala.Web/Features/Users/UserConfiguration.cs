using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qala.Web.Features.Agencies;
using Qala.Web.Features.Territories;
using Qala.Web.Infrastructure.Auth;

namespace Qala.Web.Features.Users;

/// <summary>Links users to the agencies and territories they act for.</summary>
internal sealed class UserConfiguration : IEntityTypeConfiguration<QalaUser>, IEntityTypeConfiguration<UserTerritory>
{
    public void Configure(EntityTypeBuilder<QalaUser> builder) =>
        builder.HasOne<Agency>().WithMany().HasForeignKey(u => u.AgencyId).OnDelete(DeleteBehavior.Restrict);

    public void Configure(EntityTypeBuilder<UserTerritory> builder) =>
        builder.HasOne<Territory>().WithMany().HasForeignKey(t => t.TerritoryId).OnDelete(DeleteBehavior.Cascade);
}
