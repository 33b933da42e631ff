using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Qala.Web.Data.Migrations;

/// <summary>
/// Instructions under control: meetings, their instructions with co-executors, reports with attachments, the history
/// of decisions, the reminders sent, and users' in-app notifications. Only new tables: their foreign keys to existing
/// tables are declared with them, which SQLite accepts.
/// </summary>
[DbContext(typeof(QalaDbContext))]
[Migration("20261124200000_Instructions")]
public sealed class Instructions : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Meetings",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Generated(),
                HeldOn = table.Column<DateOnly>(nullable: false),
                TerritoryId = table.Column<int>(nullable: false),
                Place = table.Column<string>(maxLength: 300, nullable: false),
                Chair = table.Column<string>(maxLength: 300, nullable: false),
                Kind = table.Column<string>(maxLength: 30, nullable: false),
                SourceText = table.Column<string>(nullable: false),
                Participants = table.Column<string>(maxLength: 4000, nullable: false),
                IsDemo = table.Column<bool>(nullable: false),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Meetings", x => x.Id);
                table.ForeignKey("FK_Meetings_Territories_TerritoryId", x => x.TerritoryId, "Territories", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "Instructions",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Generated(),
                MeetingId = table.Column<int>(nullable: false),
                TerritoryId = table.Column<int>(nullable: false),
                Number = table.Column<int>(nullable: false),
                Text_Kk = table.Column<string>(maxLength: 4000, nullable: false),
                Text_Ru = table.Column<string>(maxLength: 4000, nullable: false),
                Text_En = table.Column<string>(maxLength: 4000, nullable: false),
                LeadAgencyId = table.Column<int>(nullable: true),
                ExternalAddressees = table.Column<string>(maxLength: 500, nullable: false),
                OriginalDeadline = table.Column<DateOnly>(nullable: false),
                Deadline = table.Column<DateOnly>(nullable: false),
                InterimReporting = table.Column<string>(maxLength: 20, nullable: false),
                ControlLevel = table.Column<string>(maxLength: 20, nullable: false),
                GoalId = table.Column<int>(nullable: true),
                ActivityId = table.Column<int>(nullable: true),
                IndicatorId = table.Column<int>(nullable: true),
                Status = table.Column<string>(maxLength: 30, nullable: false),
                StatusChangedAt = table.Column<DateTimeOffset>(nullable: false),
                StatusChangedBy = table.Column<string>(maxLength: 256, nullable: false),
                ExecutedOn = table.Column<DateOnly>(nullable: true),
                RequestedDeadline = table.Column<DateOnly>(nullable: true),
                IsDemo = table.Column<bool>(nullable: false),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Instructions", x => x.Id);
                table.ForeignKey("FK_Instructions_Meetings_MeetingId", x => x.MeetingId, "Meetings", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_Instructions_Territories_TerritoryId", x => x.TerritoryId, "Territories", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_Instructions_Agencies_LeadAgencyId", x => x.LeadAgencyId, "Agencies", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_Instructions_ProgramGoals_GoalId", x => x.GoalId, "ProgramGoals", "Id", onDelete: ReferentialAction.SetNull);
                table.ForeignKey("FK_Instructions_RoadmapActivities_ActivityId", x => x.ActivityId, "RoadmapActivities", "Id", onDelete: ReferentialAction.SetNull);
                table.ForeignKey("FK_Instructions_Indicators_IndicatorId", x => x.IndicatorId, "Indicators", "Id", onDelete: ReferentialAction.SetNull);
            });

        migrationBuilder.CreateTable(
            name: "InstructionCoExecutors",
            columns: table => new
            {
                InstructionId = table.Column<int>(nullable: false),
                AgencyId = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_InstructionCoExecutors", x => new { x.InstructionId, x.AgencyId });
                table.ForeignKey("FK_InstructionCoExecutors_Instructions_InstructionId", x => x.InstructionId, "Instructions", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_InstructionCoExecutors_Agencies_AgencyId", x => x.AgencyId, "Agencies", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "InstructionReports",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Generated(),
                InstructionId = table.Column<int>(nullable: false),
                IsInterim = table.Column<bool>(nullable: false),
                AgencyId = table.Column<int>(nullable: false),
                Text = table.Column<string>(maxLength: 8000, nullable: false),
                SubmittedOn = table.Column<DateOnly>(nullable: false),
                SubmittedAt = table.Column<DateTimeOffset>(nullable: false),
                SubmittedBy = table.Column<string>(maxLength: 256, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_InstructionReports", x => x.Id);
                table.ForeignKey("FK_InstructionReports_Instructions_InstructionId", x => x.InstructionId, "Instructions", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_InstructionReports_Agencies_AgencyId", x => x.AgencyId, "Agencies", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "InstructionReportAttachments",
            columns: table => new
            {
                ReportId = table.Column<long>(nullable: false),
                AttachmentId = table.Column<Guid>(nullable: false),
                FileName = table.Column<string>(maxLength: 255, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_InstructionReportAttachments", x => new { x.ReportId, x.AttachmentId });
                table.ForeignKey("FK_InstructionReportAttachments_InstructionReports_ReportId", x => x.ReportId, "InstructionReports", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_InstructionReportAttachments_Attachments_AttachmentId", x => x.AttachmentId, "Attachments", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "InstructionEvents",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Generated(),
                InstructionId = table.Column<int>(nullable: false),
                Kind = table.Column<string>(maxLength: 30, nullable: false),
                At = table.Column<DateTimeOffset>(nullable: false),
                By = table.Column<string>(maxLength: 256, nullable: false),
                Reason = table.Column<string>(maxLength: 2000, nullable: false),
                Deadline = table.Column<DateOnly>(nullable: true),
                ReportId = table.Column<long>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_InstructionEvents", x => x.Id);
                table.ForeignKey("FK_InstructionEvents_Instructions_InstructionId", x => x.InstructionId, "Instructions", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_InstructionEvents_InstructionReports_ReportId", x => x.ReportId, "InstructionReports", "Id", onDelete: ReferentialAction.NoAction);
            });

        migrationBuilder.CreateTable(
            name: "InstructionReminders",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Generated(),
                InstructionId = table.Column<int>(nullable: false),
                Kind = table.Column<string>(maxLength: 20, nullable: false),
                On = table.Column<DateOnly>(nullable: false),
                SentAt = table.Column<DateTimeOffset>(nullable: false),
                Recipients = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_InstructionReminders", x => x.Id);
                table.ForeignKey("FK_InstructionReminders_Instructions_InstructionId", x => x.InstructionId, "Instructions", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Notifications",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Generated(),
                UserId = table.Column<string>(nullable: false),
                Text = table.Column<string>(maxLength: 1000, nullable: false),
                Link = table.Column<string>(maxLength: 300, nullable: false),
                CreatedAt = table.Column<DateTimeOffset>(nullable: false),
                ReadAt = table.Column<DateTimeOffset>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Notifications", x => x.Id);
                table.ForeignKey("FK_Notifications_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_Meetings_TerritoryId_HeldOn", "Meetings", ["TerritoryId", "HeldOn"]);
        migrationBuilder.CreateIndex("IX_Instructions_TerritoryId_Status", "Instructions", ["TerritoryId", "Status"]);
        migrationBuilder.CreateIndex("IX_Instructions_MeetingId_Number", "Instructions", ["MeetingId", "Number"], unique: true);
        migrationBuilder.CreateIndex("IX_Instructions_LeadAgencyId", "Instructions", "LeadAgencyId");
        migrationBuilder.CreateIndex("IX_Instructions_GoalId", "Instructions", "GoalId");
        migrationBuilder.CreateIndex("IX_Instructions_ActivityId", "Instructions", "ActivityId");
        migrationBuilder.CreateIndex("IX_Instructions_IndicatorId", "Instructions", "IndicatorId");
        migrationBuilder.CreateIndex("IX_InstructionCoExecutors_AgencyId", "InstructionCoExecutors", "AgencyId");
        migrationBuilder.CreateIndex("IX_InstructionReports_InstructionId", "InstructionReports", "InstructionId");
        migrationBuilder.CreateIndex("IX_InstructionReports_AgencyId", "InstructionReports", "AgencyId");
        migrationBuilder.CreateIndex("IX_InstructionReportAttachments_AttachmentId", "InstructionReportAttachments", "AttachmentId");
        migrationBuilder.CreateIndex("IX_InstructionEvents_InstructionId", "InstructionEvents", "InstructionId");
        migrationBuilder.CreateIndex("IX_InstructionEvents_ReportId", "InstructionEvents", "ReportId");
        migrationBuilder.CreateIndex("IX_InstructionReminders_InstructionId_Kind_On", "InstructionReminders", ["InstructionId", "Kind", "On"], unique: true);
        migrationBuilder.CreateIndex("IX_Notifications_UserId_ReadAt", "Notifications", ["UserId", "ReadAt"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[]
        {
            "Notifications", "InstructionReminders", "InstructionEvents", "InstructionReportAttachments", "InstructionReports",
            "InstructionCoExecutors", "Instructions", "Meetings",
        })
        {
            migrationBuilder.DropTable(table);
        }
    }
}
