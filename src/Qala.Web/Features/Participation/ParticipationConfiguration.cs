using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qala.Web.Data;

namespace Qala.Web.Features.Participation;

internal sealed class ConsultationConfiguration : IEntityTypeConfiguration<Consultation>
{
    public void Configure(EntityTypeBuilder<Consultation> builder)
    {
        builder.ToTable("Consultations");
        builder.ComplexProperty(c => c.Title, title => title.ConfigureLocalizedText(400));
        builder.ComplexProperty(c => c.Description, description => description.ConfigureLocalizedText(4000));
        builder.Property(c => c.PublicCouncil).HasMaxLength(1000);
        builder.Property(c => c.Phase).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.PhaseChangedBy).HasMaxLength(256);
        builder.HasIndex(c => c.TerritoryId);
        builder.HasOne(c => c.Territory).WithMany().HasForeignKey(c => c.TerritoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Program).WithMany().HasForeignKey(c => c.ProgramId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(c => c.Meetings).WithOne(m => m.Consultation).HasForeignKey(m => m.ConsultationId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(c => c.Version).IsConcurrencyToken();
    }
}

internal sealed class ThematicMeetingConfiguration : IEntityTypeConfiguration<ThematicMeeting>
{
    public void Configure(EntityTypeBuilder<ThematicMeeting> builder)
    {
        builder.ToTable("ThematicMeetings");
        builder.Property(m => m.Topic).HasMaxLength(400);
        builder.Property(m => m.Venue).HasMaxLength(400);
        builder.Property(m => m.Organiser).HasMaxLength(400);
        builder.Property(m => m.Minutes).HasMaxLength(100_000);
        builder.HasIndex(m => new { m.ConsultationId, m.HeldOn });
        builder.HasOne(m => m.District).WithMany().HasForeignKey(m => m.DistrictId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(m => m.Version).IsConcurrencyToken();
    }
}

internal sealed class TopicConfiguration : IEntityTypeConfiguration<Topic>
{
    public void Configure(EntityTypeBuilder<Topic> builder)
    {
        builder.ToTable("Topics");
        builder.Property(t => t.Code).HasMaxLength(40);
        builder.HasIndex(t => t.Code).IsUnique();
        builder.ComplexProperty(t => t.Name, name => name.ConfigureLocalizedText(200));
        builder.HasMany(t => t.Routes).WithOne().HasForeignKey(r => r.TopicId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(t => t.Version).IsConcurrencyToken();
    }
}

internal sealed class TopicRouteConfiguration : IEntityTypeConfiguration<TopicRoute>
{
    public void Configure(EntityTypeBuilder<TopicRoute> builder)
    {
        builder.ToTable("TopicRoutes");
        builder.HasIndex(r => new { r.TopicId, r.TerritoryId }).IsUnique();
        builder.HasOne(r => r.Territory).WithMany().HasForeignKey(r => r.TerritoryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.Agency).WithMany().HasForeignKey(r => r.AgencyId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SuggestionConfiguration : IEntityTypeConfiguration<Suggestion>
{
    public void Configure(EntityTypeBuilder<Suggestion> builder)
    {
        builder.ToTable("Suggestions");
        builder.Property(s => s.PublicCode).HasMaxLength(20);
        builder.HasIndex(s => s.PublicCode).IsUnique();
        builder.HasIndex(s => s.SubmissionKey).IsUnique();
        builder.Property(s => s.Channel).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Text).HasMaxLength(Suggestion.MaxTextLength);
        builder.Property(s => s.Language).HasMaxLength(2);
        builder.Property(s => s.EnteredBy).HasMaxLength(256);
        builder.Property(s => s.TopicConfirmedBy).HasMaxLength(256);
        builder.Property(s => s.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.ModeratedBy).HasMaxLength(256);
        builder.Property(s => s.HiddenReason).HasMaxLength(1000);
        builder.Property(s => s.Decision).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Answer).HasMaxLength(Suggestion.MaxTextLength);
        builder.Property(s => s.DecisionReason).HasMaxLength(2000);
        builder.Property(s => s.ForwardedTo).HasMaxLength(400);
        builder.Property(s => s.AnsweredBy).HasMaxLength(256);
        builder.HasIndex(s => new { s.ConsultationId, s.State });
        builder.HasIndex(s => new { s.ConsultationId, s.TopicId, s.Supporters, s.Id }).IsDescending(false, false, true, false);
        builder.HasIndex(s => new { s.ConsultationId, s.Channel, s.TopicId, s.DistrictId, s.Decision, s.State, s.Confidential, s.DuplicateOfId })
            .HasDatabaseName("IX_Suggestions_ReportTotals");
        builder.HasIndex(s => new { s.TerritoryId, s.State });
        builder.HasIndex(s => s.AgencyId);
        builder.HasIndex(s => s.DuplicateOfId);
        builder.HasOne(s => s.Consultation).WithMany().HasForeignKey(s => s.ConsultationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.Meeting).WithMany().HasForeignKey(s => s.MeetingId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(s => s.Territory).WithMany().HasForeignKey(s => s.TerritoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.District).WithMany().HasForeignKey(s => s.DistrictId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.Topic).WithMany().HasForeignKey(s => s.TopicId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.SuggestedTopic).WithMany().HasForeignKey(s => s.SuggestedTopicId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.Agency).WithMany().HasForeignKey(s => s.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.Goal).WithMany().HasForeignKey(s => s.GoalId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(s => s.Activity).WithMany().HasForeignKey(s => s.ActivityId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Suggestion>().WithMany().HasForeignKey(s => s.DuplicateOfId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.Contact).WithOne().HasForeignKey<SuggestionContact>(c => c.SuggestionId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.Version).IsConcurrencyToken();
    }
}

internal sealed class SuggestionContactConfiguration : IEntityTypeConfiguration<SuggestionContact>
{
    public void Configure(EntityTypeBuilder<SuggestionContact> builder)
    {
        builder.ToTable("SuggestionContacts");
        builder.HasKey(c => c.SuggestionId);
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.Email).HasMaxLength(254);
        builder.Property(c => c.Phone).HasMaxLength(40);
        builder.Property(c => c.ConsentPurpose).HasMaxLength(60);
        builder.Property(c => c.ConsentTextVersion).HasMaxLength(20);
        builder.HasIndex(c => c.Email);
    }
}
