using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qala.Web.Data;

namespace Qala.Web.Features.Programs;

internal sealed class DevelopmentProgramConfiguration : IEntityTypeConfiguration<DevelopmentProgram>
{
    public void Configure(EntityTypeBuilder<DevelopmentProgram> builder)
    {
        builder.ToTable("Programs");
        builder.ComplexProperty(p => p.Name, name => name.ConfigureLocalizedText(400));
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.StatusChangedBy).HasMaxLength(256);
        builder.HasIndex(p => new { p.TerritoryId, p.Status });
        builder.HasOne(p => p.Territory).WithMany().HasForeignKey(p => p.TerritoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Versions).WithOne().HasForeignKey(v => v.ProgramId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Directions).WithOne(d => d.Program).HasForeignKey(d => d.ProgramId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(p => p.Version).IsConcurrencyToken();
    }
}

internal sealed class ProgramVersionConfiguration : IEntityTypeConfiguration<ProgramVersion>
{
    public void Configure(EntityTypeBuilder<ProgramVersion> builder)
    {
        builder.ToTable("ProgramVersions");
        builder.Property(v => v.Reason).HasMaxLength(2000);
        builder.HasIndex(v => new { v.ProgramId, v.Number }).IsUnique();
        builder.HasIndex(v => v.TargetSetId).IsUnique();
        builder.HasOne(v => v.TargetSet).WithMany().HasForeignKey(v => v.TargetSetId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ProgramDirectionConfiguration : IEntityTypeConfiguration<ProgramDirection>
{
    public void Configure(EntityTypeBuilder<ProgramDirection> builder)
    {
        builder.ToTable("ProgramDirections");
        builder.ComplexProperty(d => d.Title, title => title.ConfigureLocalizedText(400));
        builder.Property(d => d.Weight).HasPrecision(9, 3);
        builder.HasIndex(d => new { d.ProgramId, d.Position });
        builder.HasMany(d => d.Goals).WithOne(g => g.Direction).HasForeignKey(g => g.DirectionId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(d => d.Version).IsConcurrencyToken();
    }
}

internal sealed class ProgramGoalConfiguration : IEntityTypeConfiguration<ProgramGoal>
{
    public void Configure(EntityTypeBuilder<ProgramGoal> builder)
    {
        builder.ToTable("ProgramGoals");
        builder.ComplexProperty(g => g.Title, title => title.ConfigureLocalizedText(400));
        builder.Property(g => g.Weight).HasPrecision(9, 3);
        builder.HasIndex(g => new { g.DirectionId, g.Position });
        builder.HasMany(g => g.Indicators).WithOne().HasForeignKey(i => i.GoalId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(g => g.Tasks).WithOne(t => t.Goal).HasForeignKey(t => t.GoalId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(g => g.Version).IsConcurrencyToken();
    }
}

internal sealed class GoalIndicatorConfiguration : IEntityTypeConfiguration<GoalIndicator>
{
    public void Configure(EntityTypeBuilder<GoalIndicator> builder)
    {
        builder.ToTable("GoalIndicators");
        builder.HasIndex(i => new { i.GoalId, i.IndicatorId }).IsUnique();
        builder.HasIndex(i => i.IndicatorId);
        builder.HasOne(i => i.Indicator).WithMany().HasForeignKey(i => i.IndicatorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ProgramTaskConfiguration : IEntityTypeConfiguration<ProgramTask>
{
    public void Configure(EntityTypeBuilder<ProgramTask> builder)
    {
        builder.ToTable("ProgramTasks");
        builder.ComplexProperty(t => t.Title, title => title.ConfigureLocalizedText(400));
        builder.Property(t => t.Weight).HasPrecision(9, 3);
        builder.HasIndex(t => new { t.GoalId, t.Position });
        builder.HasMany(t => t.Activities).WithOne(a => a.Task).HasForeignKey(a => a.TaskId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(t => t.Version).IsConcurrencyToken();
    }
}

internal sealed class RoadmapActivityConfiguration : IEntityTypeConfiguration<RoadmapActivity>
{
    public void Configure(EntityTypeBuilder<RoadmapActivity> builder)
    {
        builder.ToTable("RoadmapActivities");
        builder.ComplexProperty(a => a.Title, title => title.ConfigureLocalizedText(400));
        builder.Property(a => a.Weight).HasPrecision(9, 3);
        builder.Property(a => a.ExpectedResult).HasMaxLength(2000);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.PercentComplete).HasPrecision(5, 2);
        builder.HasIndex(a => new { a.TaskId, a.Position });
        builder.HasIndex(a => a.ResponsibleAgencyId);
        builder.HasOne(a => a.ResponsibleAgency).WithMany().HasForeignKey(a => a.ResponsibleAgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.CoExecutors).WithOne().HasForeignKey(c => c.ActivityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Budget).WithOne().HasForeignKey(b => b.ActivityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Reports).WithOne().HasForeignKey(r => r.ActivityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Replans).WithOne().HasForeignKey(r => r.ActivityId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(a => a.Version).IsConcurrencyToken();
    }
}

internal sealed class ActivityCoExecutorConfiguration : IEntityTypeConfiguration<ActivityCoExecutor>
{
    public void Configure(EntityTypeBuilder<ActivityCoExecutor> builder)
    {
        builder.ToTable("ActivityCoExecutors");
        builder.HasKey(c => new { c.ActivityId, c.AgencyId });
        builder.HasIndex(c => c.AgencyId);
        builder.HasOne(c => c.Agency).WithMany().HasForeignKey(c => c.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ActivityBudgetLineConfiguration : IEntityTypeConfiguration<ActivityBudgetLine>
{
    public void Configure(EntityTypeBuilder<ActivityBudgetLine> builder)
    {
        builder.ToTable("ActivityBudgetLines");
        builder.Property(b => b.Source).HasConversion<string>().HasMaxLength(30);
        builder.Property(b => b.Planned).HasPrecision(20, 2);
        builder.Property(b => b.Actual).HasPrecision(20, 2);
        builder.HasIndex(b => new { b.ActivityId, b.Source }).IsUnique();
    }
}

internal sealed class ActivityReportConfiguration : IEntityTypeConfiguration<ActivityReport>
{
    public void Configure(EntityTypeBuilder<ActivityReport> builder)
    {
        builder.ToTable("ActivityReports");
        builder.Property(r => r.Text).HasMaxLength(4000);
        builder.Property(r => r.PercentComplete).HasPrecision(5, 2);
        builder.Property(r => r.ReportedBy).HasMaxLength(256);
        builder.HasIndex(r => r.ActivityId);
        builder.HasMany(r => r.Attachments).WithOne().HasForeignKey(a => a.ReportId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ActivityReportAttachmentConfiguration : IEntityTypeConfiguration<ActivityReportAttachment>
{
    public void Configure(EntityTypeBuilder<ActivityReportAttachment> builder)
    {
        builder.ToTable("ActivityReportAttachments");
        builder.HasKey(a => new { a.ReportId, a.AttachmentId });
        builder.Property(a => a.FileName).HasMaxLength(Infrastructure.Files.Attachment.MaxFileNameLength);
        builder.HasIndex(a => a.AttachmentId);
        builder.HasOne<Infrastructure.Files.Attachment>().WithMany().HasForeignKey(a => a.AttachmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ActivityReplanConfiguration : IEntityTypeConfiguration<ActivityReplan>
{
    public void Configure(EntityTypeBuilder<ActivityReplan> builder)
    {
        builder.ToTable("ActivityReplans");
        builder.Property(r => r.OldPlanned).HasPrecision(20, 2);
        builder.Property(r => r.NewPlanned).HasPrecision(20, 2);
        builder.Property(r => r.Reason).HasMaxLength(2000);
        builder.Property(r => r.ChangedBy).HasMaxLength(256);
        builder.HasIndex(r => r.ActivityId);
    }
}
