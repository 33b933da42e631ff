using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Qala.Web.Infrastructure.Auth;

namespace Qala.Web.Data;

/// <summary>
/// The one unit of work of Qala. Features bring their own entities and mappings (<c>IEntityTypeConfiguration</c>
/// classes found in this assembly) and reach their tables through <c>Set&lt;T&gt;()</c>.
/// </summary>
public sealed class QalaDbContext(DbContextOptions<QalaDbContext> options)
    : IdentityDbContext<QalaUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<DataProtectionKey>().ToTable("DataProtectionKeys");
        builder.Entity<QalaUser>(user =>
        {
            user.Property(u => u.DisplayName).HasMaxLength(200);
            user.Property(u => u.Language).HasMaxLength(2);
            user.HasMany(u => u.Territories).WithOne().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<UserTerritory>(link =>
        {
            link.ToTable("UserTerritories");
            link.HasKey(t => new { t.UserId, t.TerritoryId });
        });
        builder.ApplyConfigurationsFromAssembly(typeof(QalaDbContext).Assembly);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        StampVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        StampVersions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private void StampVersions()
    {
        foreach (var entry in ChangeTracker.Entries<IVersioned>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                entry.Entity.Version = Guid.NewGuid();
            }
        }
    }
}
