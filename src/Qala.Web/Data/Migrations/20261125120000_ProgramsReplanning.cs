using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Qala.Web.Data.Migrations;

/// <summary>
/// Re-planning history of roadmap activities (old and new dates and planned money, reason, who, when) and files
/// attached to progress reports through the attachment store. New tables only, so SQLite creates their keys.
/// </summary>
[DbContext(typeof(QalaDbContext))]
[Migration("20261125120000_ProgramsReplanning")]
public sealed class ProgramsReplanning : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ActivityReplans",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Generated(),
                ActivityId = table.Column<int>(nullable: false),
                OldStart = table.Column<DateOnly>(nullable: false),
                OldDue = table.Column<DateOnly>(nullable: false),
                OldPlanned = table.Column<decimal>(precision: 20, scale: 2, nullable: false),
                NewStart = table.Column<DateOnly>(nullable: false),
                NewDue = table.Column<DateOnly>(nullable: false),
                NewPlanned = table.Column<decimal>(precision: 20, scale: 2, nullable: false),
                Reason = table.Column<string>(maxLength: 2000, nullable: false),
                ChangedBy = table.Column<string>(maxLength: 256, nullable: false),
                ChangedOn = table.Column<DateOnly>(nullable: false),
                ChangedAt = table.Column<DateTimeOffset>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ActivityReplans", x => x.Id);
                table.ForeignKey("FK_ActivityReplans_RoadmapActivities_ActivityId", x => x.ActivityId, "RoadmapActivities", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ActivityReportAttachments",
            columns: table => new
            {
                ReportId = table.Column<int>(nullable: false),
                AttachmentId = table.Column<Guid>(nullable: false),
                FileName = table.Column<string>(maxLength: 255, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ActivityReportAttachments", x => new { x.ReportId, x.AttachmentId });
                table.ForeignKey("FK_ActivityReportAttachments_ActivityReports_ReportId", x => x.ReportId, "ActivityReports", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_ActivityReportAttachments_Attachments_AttachmentId", x => x.AttachmentId, "Attachments", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex("IX_ActivityReplans_ActivityId", "ActivityReplans", "ActivityId");
        migrationBuilder.CreateIndex("IX_ActivityReportAttachments_AttachmentId", "ActivityReportAttachments", "AttachmentId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("ActivityReportAttachments");
        migrationBuilder.DropTable("ActivityReplans");
    }
}
