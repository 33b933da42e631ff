using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qala.Web.Data;

namespace Qala.Web.Features.Instructions;

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> builder)
    {
        builder.ToTable("Meetings");
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(m => m.Place).HasMaxLength(Meeting.PlaceLength);
        builder.Property(m => m.Chair).HasMaxLength(Meeting.ChairLength);
        builder.Property(m => m.Participants).HasMaxLength(Meeting.ParticipantsLength);
        builder.HasIndex(m => new { m.TerritoryId, m.HeldOn });
        builder.HasOne(m => m.Territory).WithMany().HasForeignKey(m => m.TerritoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(m => m.Instructions).WithOne(i => i.Meeting).HasForeignKey(i => i.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(m => m.Version).IsConcurrencyToken();
    }
}

internal sealed class InstructionConfiguration : IEntityTypeConfiguration<Instruction>
{
    public void Configure(EntityTypeBuilder<Instruction> builder)
    {
        builder.ToTable("Instructions");
        builder.ComplexProperty(i => i.Text, text => text.ConfigureLocalizedText(Instruction.TextLength));
        builder.Property(i => i.ExternalAddressees).HasMaxLength(Instruction.AddresseeLength);
        builder.Property(i => i.InterimReporting).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.ControlLevel).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(30);
        builder.Property(i => i.StatusChangedBy).HasMaxLength(256);
        builder.HasIndex(i => new { i.TerritoryId, i.Status });
        builder.HasIndex(i => new { i.MeetingId, i.Number }).IsUnique();
        builder.HasIndex(i => i.LeadAgencyId);
        builder.HasIndex(i => i.GoalId);
        builder.HasIndex(i => i.ActivityId);
        builder.HasIndex(i => i.IndicatorId);
        builder.HasOne<Territories.Territory>().WithMany().HasForeignKey(i => i.TerritoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(i => i.LeadAgency).WithMany().HasForeignKey(i => i.LeadAgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(i => i.Goal).WithMany().HasForeignKey(i => i.GoalId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(i => i.Activity).WithMany().HasForeignKey(i => i.ActivityId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(i => i.Indicator).WithMany().HasForeignKey(i => i.IndicatorId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(i => i.CoExecutors).WithOne().HasForeignKey(c => c.InstructionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(i => i.Reports).WithOne().HasForeignKey(r => r.InstructionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(i => i.Events).WithOne().HasForeignKey(e => e.InstructionId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(i => i.Version).IsConcurrencyToken();
    }
}

internal sealed class InstructionCoExecutorConfiguration : IEntityTypeConfiguration<InstructionCoExecutor>
{
    public void Configure(EntityTypeBuilder<InstructionCoExecutor> builder)
    {
        builder.ToTable("InstructionCoExecutors");
        builder.HasKey(c => new { c.InstructionId, c.AgencyId });
        builder.HasIndex(c => c.AgencyId);
        builder.HasOne(c => c.Agency).WithMany().HasForeignKey(c => c.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class InstructionReportConfiguration : IEntityTypeConfiguration<InstructionReport>
{
    public void Configure(EntityTypeBuilder<InstructionReport> builder)
    {
        builder.ToTable("InstructionReports");
        builder.Property(r => r.Text).HasMaxLength(InstructionReport.TextLength);
        builder.Property(r => r.SubmittedBy).HasMaxLength(256);
        builder.HasIndex(r => r.InstructionId);
        builder.HasIndex(r => r.AgencyId);
        builder.HasOne(r => r.Agency).WithMany().HasForeignKey(r => r.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Attachments).WithOne().HasForeignKey(a => a.ReportId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class InstructionReportAttachmentConfiguration : IEntityTypeConfiguration<InstructionReportAttachment>
{
    public void Configure(EntityTypeBuilder<InstructionReportAttachment> builder)
    {
        builder.ToTable("InstructionReportAttachments");
        builder.HasKey(a => new { a.ReportId, a.AttachmentId });
        builder.Property(a => a.FileName).HasMaxLength(Infrastructure.Files.Attachment.MaxFileNameLength);
        builder.HasIndex(a => a.AttachmentId);
        builder.HasOne<Infrastructure.Files.Attachment>().WithMany().HasForeignKey(a => a.AttachmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class InstructionEventConfiguration : IEntityTypeConfiguration<InstructionEvent>
{
    public void Configure(EntityTypeBuilder<InstructionEvent> builder)
    {
        builder.ToTable("InstructionEvents");
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.By).HasMaxLength(256);
        builder.Property(e => e.Reason).HasMaxLength(Instruction.ReasonLength);
        builder.HasIndex(e => e.InstructionId);
        builder.HasIndex(e => e.ReportId);
        builder.HasOne(e => e.Report).WithMany().HasForeignKey(e => e.ReportId).OnDelete(DeleteBehavior.ClientSetNull);
    }
}
