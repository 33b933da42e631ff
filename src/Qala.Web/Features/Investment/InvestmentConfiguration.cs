using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qala.Web.Data;

namespace Qala.Web.Features.Investment;

internal sealed class InvestmentZoneConfiguration : IEntityTypeConfiguration<InvestmentZone>
{
    public void Configure(EntityTypeBuilder<InvestmentZone> builder)
    {
        builder.ToTable("InvestmentZones");
        builder.ComplexProperty(z => z.Name, name => name.ConfigureLocalizedText(400));
        builder.Property(z => z.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(z => z.AreaHectares).HasPrecision(12, 2);
        builder.Property(z => z.PrioritySectors).HasMaxLength(1000);
        builder.Property(z => z.ManagementCompany).HasMaxLength(300);
        foreach (var readiness in new[] { nameof(InvestmentZone.Power), nameof(InvestmentZone.Gas), nameof(InvestmentZone.Water), nameof(InvestmentZone.Roads) })
        {
            builder.Property<Readiness>(readiness).HasConversion<string>().HasMaxLength(10);
        }

        builder.HasIndex(z => z.TerritoryId);
        builder.HasIndex(z => z.ResponsibleAgencyId);
        builder.HasIndex(z => new { z.Longitude, z.Latitude });
        builder.HasOne(z => z.Territory).WithMany().HasForeignKey(z => z.TerritoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(z => z.ResponsibleAgency).WithMany().HasForeignKey(z => z.ResponsibleAgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(z => z.Participants).WithOne(p => p.Zone).HasForeignKey(p => p.ZoneId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(z => z.Version).IsConcurrencyToken();
    }
}

internal sealed class ZoneParticipantConfiguration : IEntityTypeConfiguration<ZoneParticipant>
{
    public void Configure(EntityTypeBuilder<ZoneParticipant> builder)
    {
        builder.ToTable("ZoneParticipants");
        builder.ConfigureUndertaking<ZoneParticipant, ParticipantStep, ParticipantYear>();
        builder.Property(p => p.LandPlot).HasMaxLength(100);
        builder.HasIndex(p => new { p.ZoneId, p.Bin }).IsUnique();
        builder.HasMany(p => p.Steps).WithOne().HasForeignKey(s => s.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Years).WithOne().HasForeignKey(y => y.ParticipantId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ParticipantStepConfiguration : IEntityTypeConfiguration<ParticipantStep>
{
    public void Configure(EntityTypeBuilder<ParticipantStep> builder)
    {
        builder.ToTable("ParticipantSteps");
        builder.ConfigureEntry();
        builder.HasIndex(s => s.ParticipantId);
    }
}

internal sealed class ParticipantYearConfiguration : IEntityTypeConfiguration<ParticipantYear>
{
    public void Configure(EntityTypeBuilder<ParticipantYear> builder)
    {
        builder.ToTable("ParticipantYears");
        builder.HasKey(y => new { y.ParticipantId, y.Year });
        builder.ConfigureYear();
    }
}

internal sealed class InvestmentProjectConfiguration : IEntityTypeConfiguration<InvestmentProject>
{
    public void Configure(EntityTypeBuilder<InvestmentProject> builder)
    {
        builder.ToTable("InvestmentProjects");
        builder.ConfigureUndertaking<InvestmentProject, ProjectStep, ProjectYear>();
        builder.ComplexProperty(p => p.Name, name => name.ConfigureLocalizedText(400));
        builder.HasIndex(p => new { p.TerritoryId, p.Stage });
        builder.HasIndex(p => p.ResponsibleAgencyId);
        builder.HasIndex(p => p.Bin);
        builder.HasOne(p => p.Territory).WithMany().HasForeignKey(p => p.TerritoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.ResponsibleAgency).WithMany().HasForeignKey(p => p.ResponsibleAgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Steps).WithOne().HasForeignKey(s => s.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Years).WithOne().HasForeignKey(y => y.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProjectStepConfiguration : IEntityTypeConfiguration<ProjectStep>
{
    public void Configure(EntityTypeBuilder<ProjectStep> builder)
    {
        builder.ToTable("ProjectSteps");
        builder.ConfigureEntry();
        builder.HasIndex(s => s.ProjectId);
    }
}

internal sealed class ProjectYearConfiguration : IEntityTypeConfiguration<ProjectYear>
{
    public void Configure(EntityTypeBuilder<ProjectYear> builder)
    {
        builder.ToTable("ProjectYears");
        builder.HasKey(y => new { y.ProjectId, y.Year });
        builder.ConfigureYear();
    }
}

internal sealed class PppProjectConfiguration : IEntityTypeConfiguration<PppProject>
{
    public void Configure(EntityTypeBuilder<PppProject> builder)
    {
        builder.ToTable("PppProjects");
        builder.ComplexProperty(p => p.Name, name => name.ConfigureLocalizedText(400));
        builder.Property(p => p.Sector).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Stage).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.PrivatePartner).HasMaxLength(300);
        builder.Property(p => p.ContractValue).HasPrecision(20, 2);
        builder.HasIndex(p => new { p.TerritoryId, p.Stage });
        builder.HasIndex(p => p.ResponsibleAgencyId);
        builder.HasOne(p => p.Territory).WithMany().HasForeignKey(p => p.TerritoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.ResponsibleAgency).WithMany().HasForeignKey(p => p.ResponsibleAgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.Longitude, p.Latitude });
        builder.HasMany(p => p.Obligations).WithOne().HasForeignKey(o => o.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Activities).WithOne().HasForeignKey(a => a.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Facilities).WithOne().HasForeignKey(f => f.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(p => p.Version).IsConcurrencyToken();
    }
}

internal sealed class PppObligationConfiguration : IEntityTypeConfiguration<PppObligation>
{
    public void Configure(EntityTypeBuilder<PppObligation> builder)
    {
        builder.ToTable("PppObligations");
        builder.HasKey(o => new { o.ProjectId, o.Year });
        builder.Property(o => o.Republican).HasPrecision(20, 2);
        builder.Property(o => o.Local).HasPrecision(20, 2);
        builder.Ignore(o => o.Total);
    }
}

internal sealed class PppActivityLinkConfiguration : IEntityTypeConfiguration<PppActivityLink>
{
    public void Configure(EntityTypeBuilder<PppActivityLink> builder)
    {
        builder.ToTable("PppActivities");
        builder.HasKey(l => new { l.ProjectId, l.RoadmapActivityId });
        builder.HasIndex(l => l.RoadmapActivityId);
        builder.HasOne(l => l.RoadmapActivity).WithMany().HasForeignKey(l => l.RoadmapActivityId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PppFacilityLinkConfiguration : IEntityTypeConfiguration<PppFacilityLink>
{
    public void Configure(EntityTypeBuilder<PppFacilityLink> builder)
    {
        builder.ToTable("PppFacilities");
        builder.HasKey(l => new { l.ProjectId, l.SocialFacilityId });
        builder.HasIndex(l => l.SocialFacilityId);
        builder.HasOne(l => l.SocialFacility).WithMany().HasForeignKey(l => l.SocialFacilityId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>The mapping zone participants and pipeline projects share.</summary>
internal static class UndertakingMapping
{
    public static void ConfigureUndertaking<T, TStep, TYear>(this EntityTypeBuilder<T> builder)
        where T : Undertaking<TStep, TYear>
        where TStep : LifecycleEntry, new()
        where TYear : InvestmentYear, new()
    {
        builder.Property(p => p.CompanyName).HasMaxLength(Undertaking<TStep, TYear>.CompanyNameLength);
        builder.Property(p => p.Bin).HasMaxLength(12);
        builder.Property(p => p.Oked).HasMaxLength(10);
        builder.Property(p => p.Description).HasMaxLength(2000);
        builder.Property(p => p.Stage).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(p => new { p.Longitude, p.Latitude });
        builder.Ignore(p => p.PlannedInvestment);
        builder.Ignore(p => p.ActualInvestment);
        builder.Property(p => p.Version).IsConcurrencyToken();
    }

    public static void ConfigureEntry<TStep>(this EntityTypeBuilder<TStep> builder)
        where TStep : LifecycleEntry
    {
        builder.Property(s => s.Stage).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Reason).HasMaxLength(1000);
        builder.Property(s => s.RecordedBy).HasMaxLength(256);
        builder.Property(s => s.CorrectionReason).HasMaxLength(1000);
        builder.Property(s => s.CorrectedBy).HasMaxLength(256);
    }

    public static void ConfigureYear<TYear>(this EntityTypeBuilder<TYear> builder)
        where TYear : InvestmentYear
    {
        builder.Property(y => y.Planned).HasPrecision(20, 2);
        builder.Property(y => y.Actual).HasPrecision(20, 2);
    }
}
