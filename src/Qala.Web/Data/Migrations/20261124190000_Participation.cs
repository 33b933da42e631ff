using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Qala.Web.Data.Migrations;

/// <summary>
/// Public participation: consultations with their thematic meetings, the topic taxonomy with its routing to agencies,
/// citizens' suggestions from every channel with their decision ledger, and the citizens' contact data with consent, and the trained topic model.
/// Only new tables, so their foreign keys are declared with them.
/// </summary>
[DbContext(typeof(QalaDbContext))]
[Migration("20261124190000_Participation")]
public sealed class Participation : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Consultations",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Generated(),
                Title_Kk = table.Column<string>(maxLength: 400, nullable: false),
                Title_Ru = table.Column<string>(maxLength: 400, nullable: false),
                Title_En = table.Column<string>(maxLength: 400, nullable: false),
                Description_Kk = table.Column<string>(maxLength: 4000, nullable: false),
                Description_Ru = table.Column<string>(maxLength: 4000, nullable: false),
                Description_En = table.Column<string>(maxLength: 4000, nullable: false),
                TerritoryId = table.Column<int>(nullable: false),
                ProgramId = table.Column<int>(nullable: true),
                OpensOn = table.Column<DateOnly>(nullable: false),
                ClosesOn = table.Column<DateOnly>(nullable: false),
                PublicCouncil = table.Column<string>(maxLength: 1000, nullable: true),
                Phase = table.Column<string>(maxLength: 20, nullable: false),
                PhaseChangedAt = table.Column<DateTimeOffset>(nullable: false),
                PhaseChangedBy = table.Column<string>(maxLength: 256, nullable: false),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Consultations", x => x.Id);
                table.ForeignKey("FK_Consultations_Territories_TerritoryId", x => x.TerritoryId, "Territories", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_Consultations_Programs_ProgramId", x => x.ProgramId, "Programs", "Id", onDelete: ReferentialAction.SetNull);
            });

        migrationBuilder.CreateTable(
            name: "ThematicMeetings",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Generated(),
                ConsultationId = table.Column<int>(nullable: false),
                HeldOn = table.Column<DateOnly>(nullable: false),
                Topic = table.Column<string>(maxLength: 400, nullable: false),
                Venue = table.Column<string>(maxLength: 400, nullable: false),
                DistrictId = table.Column<int>(nullable: true),
                Organiser = table.Column<string>(maxLength: 400, nullable: false),
                Participants = table.Column<int>(nullable: false),
                Reach = table.Column<int>(nullable: false),
                Minutes = table.Column<string>(maxLength: 100_000, nullable: true),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ThematicMeetings", x => x.Id);
                table.ForeignKey("FK_ThematicMeetings_Consultations_ConsultationId", x => x.ConsultationId, "Consultations", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_ThematicMeetings_Territories_DistrictId", x => x.DistrictId, "Territories", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "Topics",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Generated(),
                Code = table.Column<string>(maxLength: 40, nullable: false),
                Name_Kk = table.Column<string>(maxLength: 200, nullable: false),
                Name_Ru = table.Column<string>(maxLength: 200, nullable: false),
                Name_En = table.Column<string>(maxLength: 200, nullable: false),
                IsConfidential = table.Column<bool>(nullable: false),
                Position = table.Column<int>(nullable: false),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Topics", x => x.Id));

        migrationBuilder.CreateTable(
            name: "TopicRoutes",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Generated(),
                TopicId = table.Column<int>(nullable: false),
                TerritoryId = table.Column<int>(nullable: false),
                AgencyId = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_TopicRoutes", x => x.Id);
                table.ForeignKey("FK_TopicRoutes_Topics_TopicId", x => x.TopicId, "Topics", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_TopicRoutes_Territories_TerritoryId", x => x.TerritoryId, "Territories", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_TopicRoutes_Agencies_AgencyId", x => x.AgencyId, "Agencies", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Suggestions",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Generated(),
                PublicCode = table.Column<string>(maxLength: 20, nullable: false),
                SubmissionKey = table.Column<Guid>(nullable: true),
                ConsultationId = table.Column<int>(nullable: true),
                MeetingId = table.Column<int>(nullable: true),
                Channel = table.Column<string>(maxLength: 20, nullable: false),
                Text = table.Column<string>(maxLength: 5000, nullable: false),
                Language = table.Column<string>(maxLength: 2, nullable: false),
                TerritoryId = table.Column<int>(nullable: false),
                DistrictId = table.Column<int>(nullable: true),
                SubmittedAt = table.Column<DateTimeOffset>(nullable: false),
                EnteredBy = table.Column<string>(maxLength: 256, nullable: true),
                MarkedConfidential = table.Column<bool>(nullable: false),
                Confidential = table.Column<bool>(nullable: false),
                TopicId = table.Column<int>(nullable: true),
                TopicConfirmedBy = table.Column<string>(maxLength: 256, nullable: true),
                SuggestedTopicId = table.Column<int>(nullable: true),
                SuggestedConfidence = table.Column<double>(nullable: true),
                HeldForReview = table.Column<bool>(nullable: false),
                State = table.Column<string>(maxLength: 20, nullable: false),
                ModeratedAt = table.Column<DateTimeOffset>(nullable: true),
                ModeratedBy = table.Column<string>(maxLength: 256, nullable: true),
                HiddenReason = table.Column<string>(maxLength: 1000, nullable: true),
                AgencyId = table.Column<int>(nullable: true),
                AnswerDue = table.Column<DateOnly>(nullable: true),
                Decision = table.Column<string>(maxLength: 20, nullable: true),
                Answer = table.Column<string>(maxLength: 5000, nullable: true),
                DecisionReason = table.Column<string>(maxLength: 2000, nullable: true),
                GoalId = table.Column<int>(nullable: true),
                ActivityId = table.Column<int>(nullable: true),
                ForwardedTo = table.Column<string>(maxLength: 400, nullable: true),
                AnsweredAt = table.Column<DateTimeOffset>(nullable: true),
                AnsweredBy = table.Column<string>(maxLength: 256, nullable: true),
                DuplicateOfId = table.Column<int>(nullable: true),
                Supporters = table.Column<int>(nullable: false),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Suggestions", x => x.Id);
                table.ForeignKey("FK_Suggestions_Consultations_ConsultationId", x => x.ConsultationId, "Consultations", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_Suggestions_ThematicMeetings_MeetingId", x => x.MeetingId, "ThematicMeetings", "Id", onDelete: ReferentialAction.SetNull);
                table.ForeignKey("FK_Suggestions_Territories_TerritoryId", x => x.TerritoryId, "Territories", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_Suggestions_Territories_DistrictId", x => x.DistrictId, "Territories", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_Suggestions_Topics_TopicId", x => x.TopicId, "Topics", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_Suggestions_Topics_SuggestedTopicId", x => x.SuggestedTopicId, "Topics", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_Suggestions_Agencies_AgencyId", x => x.AgencyId, "Agencies", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_Suggestions_ProgramGoals_GoalId", x => x.GoalId, "ProgramGoals", "Id", onDelete: ReferentialAction.SetNull);
                table.ForeignKey("FK_Suggestions_RoadmapActivities_ActivityId", x => x.ActivityId, "RoadmapActivities", "Id", onDelete: ReferentialAction.SetNull);
                table.ForeignKey("FK_Suggestions_Suggestions_DuplicateOfId", x => x.DuplicateOfId, "Suggestions", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "SuggestionContacts",
            columns: table => new
            {
                SuggestionId = table.Column<int>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: true),
                Email = table.Column<string>(maxLength: 254, nullable: true),
                Phone = table.Column<string>(maxLength: 40, nullable: true),
                ConsentPurpose = table.Column<string>(maxLength: 60, nullable: false),
                ConsentTextVersion = table.Column<string>(maxLength: 20, nullable: false),
                ConsentGivenAt = table.Column<DateTimeOffset>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SuggestionContacts", x => x.SuggestionId);
                table.ForeignKey("FK_SuggestionContacts_Suggestions_SuggestionId", x => x.SuggestionId, "Suggestions", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "TopicModels",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Generated(),
                TrainedAt = table.Column<DateTimeOffset>(nullable: false),
                Examples = table.Column<int>(nullable: false),
                Labels = table.Column<string>(maxLength: 4000, nullable: false),
                Content = table.Column<byte[]>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_TopicModels", x => x.Id));

        migrationBuilder.CreateIndex("IX_Consultations_TerritoryId", "Consultations", "TerritoryId");
        migrationBuilder.CreateIndex("IX_Consultations_ProgramId", "Consultations", "ProgramId");
        migrationBuilder.CreateIndex("IX_ThematicMeetings_ConsultationId_HeldOn", "ThematicMeetings", ["ConsultationId", "HeldOn"]);
        migrationBuilder.CreateIndex("IX_ThematicMeetings_DistrictId", "ThematicMeetings", "DistrictId");
        migrationBuilder.CreateIndex("IX_Topics_Code", "Topics", "Code", unique: true);
        migrationBuilder.CreateIndex("IX_TopicRoutes_TopicId_TerritoryId", "TopicRoutes", ["TopicId", "TerritoryId"], unique: true);
        migrationBuilder.CreateIndex("IX_TopicRoutes_TerritoryId", "TopicRoutes", "TerritoryId");
        migrationBuilder.CreateIndex("IX_TopicRoutes_AgencyId", "TopicRoutes", "AgencyId");
        migrationBuilder.CreateIndex("IX_Suggestions_PublicCode", "Suggestions", "PublicCode", unique: true);
        migrationBuilder.CreateIndex("IX_Suggestions_SubmissionKey", "Suggestions", "SubmissionKey", unique: true);
        migrationBuilder.CreateIndex("IX_Suggestions_ConsultationId_State", "Suggestions", ["ConsultationId", "State"]);
        migrationBuilder.CreateIndex("IX_Suggestions_TerritoryId_State", "Suggestions", ["TerritoryId", "State"]);
        migrationBuilder.CreateIndex("IX_Suggestions_AgencyId", "Suggestions", "AgencyId");
        migrationBuilder.CreateIndex("IX_Suggestions_DuplicateOfId", "Suggestions", "DuplicateOfId");
        migrationBuilder.CreateIndex("IX_Suggestions_MeetingId", "Suggestions", "MeetingId");
        migrationBuilder.CreateIndex("IX_Suggestions_DistrictId", "Suggestions", "DistrictId");
        migrationBuilder.CreateIndex("IX_Suggestions_TopicId", "Suggestions", "TopicId");
        migrationBuilder.CreateIndex("IX_Suggestions_SuggestedTopicId", "Suggestions", "SuggestedTopicId");
        migrationBuilder.CreateIndex("IX_Suggestions_GoalId", "Suggestions", "GoalId");
        migrationBuilder.CreateIndex("IX_Suggestions_ActivityId", "Suggestions", "ActivityId");
        migrationBuilder.CreateIndex("IX_SuggestionContacts_Email", "SuggestionContacts", "Email");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "TopicModels", "SuggestionContacts", "Suggestions", "TopicRoutes", "Topics", "ThematicMeetings", "Consultations" })
        {
            migrationBuilder.DropTable(table);
        }
    }
}
