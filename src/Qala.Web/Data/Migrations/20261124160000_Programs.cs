using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Qala.Web.Data.Migrations;

/// <summary>
/// Development programs with their versions (each owning a target set), the tree of directions, goals with their
/// indicators, tasks and roadmap activities, and the activities' co-executors, budget lines and progress reports.
/// Only new tables: their foreign keys to existing tables are declared with them, which SQLite accepts.
/// </summary>
[DbContext(typeof(QalaDbContext))]
[Migration("20261124160000_Programs")]
public sealed class Programs : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Programs",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Generated(),
                Name_Kk = table.Column<string>(maxLength: 400, nullable: false),
                Name_Ru = table.Column<string>(maxLength: 400, nullable: false),
                Name_En = table.Column<string>(maxLength: 400, nullable: false),
                Kind = table.Column<string>(maxLength: 20, nullable: false),
                TerritoryId = table.Column<int>(nullable: false),
                PeriodFrom = table.Column<DateOnly>(nullable: false),
                PeriodTo = table.Column<DateOnly>(nullable: false),
                Status = table.Column<string>(maxLength: 20, nullable: false),
                StatusChangedAt = table.Column<DateTimeOffset>(nullable: false),
                StatusChangedBy = table.Column<string>(maxLength: 256, nullable: false),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Programs", x => x.Id);
                table.ForeignKey("FK_Programs_Territories_TerritoryId", x => x.TerritoryId, "Territories", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "ProgramVersions",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Generated(),
                ProgramId = table.Column<int>(nullable: false),
                Number = table.Column<int>(nullable: false),
                Reason = table.Column<string>(maxLength: 2000, nullable: true),
                ApprovedOn = table.Column<DateOnly>(nullable: true),
                TargetSetId = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ProgramVersions", x => x.Id);
                table.ForeignKey("FK_ProgramVersions_Programs_ProgramId", x => x.ProgramId, "Programs", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_ProgramVersions_TargetSets_TargetSetId", x => x.TargetSetId, "TargetSets", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "ProgramDirections",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Generated(),
                ProgramId = table.Column<int>(nullable: false),
                Position = table.Column<int>(nullable: false),
                Title_Kk = table.Column<string>(maxLength: 400, nullable: false),
                Title_Ru = table.Column<string>(maxLength: 400, nullable: false),
                Title_En = table.Column<string>(maxLength: 400, nullable: false),
                Weight = table.Column<decimal>(precision: 9, scale: 3, nullable: false),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ProgramDirections", x => x.Id);
                table.ForeignKey("FK_ProgramDirections_Programs_ProgramId", x => x.ProgramId, "Programs", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ProgramGoals",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Generated(),
                DirectionId = table.Column<int>(nullable: false),
                Position = table.Column<int>(nullable: false),
                Title_Kk = table.Column<string>(maxLength: 400, nullable: false),
                Title_Ru = table.Column<string>(maxLength: 400, nullable: false),
                Title_En = table.Column<string>(maxLength: 400, nullable: false),
                Weight = table.Column<decimal>(precision: 9, scale: 3, nullable: false),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ProgramGoals", x => x.Id);
                table.ForeignKey("FK_ProgramGoals_ProgramDirections_DirectionId", x => x.DirectionId, "ProgramDirections", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "GoalIndicators",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Generated(),
                GoalId = table.Column<int>(nullable: false),
                IndicatorId = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_GoalIndicators", x => x.Id);
                table.ForeignKey("FK_GoalIndicators_ProgramGoals_GoalId", x => x.GoalId, "ProgramGoals", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_GoalIndicators_Indicators_IndicatorId", x => x.IndicatorId, "Indicators", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "ProgramTasks",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Generated(),
                GoalId = table.Column<int>(nullable: false),
                Position = table.Column<int>(nullable: false),
                Title_Kk = table.Column<string>(maxLength: 400, nullable: false),
                Title_Ru = table.Column<string>(maxLength: 400, nullable: false),
                Title_En = table.Column<string>(maxLength: 400, nullable: false),
                Weight = table.Column<decimal>(precision: 9, scale: 3, nullable: false),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ProgramTasks", x => x.Id);
                table.ForeignKey("FK_ProgramTasks_ProgramGoals_GoalId", x => x.GoalId, "ProgramGoals", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "RoadmapActivities",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Generated(),
                TaskId = table.Column<int>(nullable: false),
                Position = table.Column<int>(nullable: false),
                Title_Kk = table.Column<string>(maxLength: 400, nullable: false),
                Title_Ru = table.Column<string>(maxLength: 400, nullable: false),
                Title_En = table.Column<string>(maxLength: 400, nullable: false),
                Weight = table.Column<decimal>(precision: 9, scale: 3, nullable: false),
                ResponsibleAgencyId = table.Column<int>(nullable: false),
                StartDate = table.Column<DateOnly>(nullable: false),
                DueDate = table.Column<DateOnly>(nullable: false),
                ExpectedResult = table.Column<string>(maxLength: 2000, nullable: true),
                Status = table.Column<string>(maxLength: 20, nullable: false),
                PercentComplete = table.Column<decimal>(precision: 5, scale: 2, nullable: false),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_RoadmapActivities", x => x.Id);
                table.ForeignKey("FK_RoadmapActivities_ProgramTasks_TaskId", x => x.TaskId, "ProgramTasks", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_RoadmapActivities_Agencies_ResponsibleAgencyId", x => x.ResponsibleAgencyId, "Agencies", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "ActivityBudgetLines",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Generated(),
                ActivityId = table.Column<int>(nullable: false),
                Source = table.Column<string>(maxLength: 30, nullable: false),
                Planned = table.Column<decimal>(precision: 20, scale: 2, nullable: false),
                Actual = table.Column<decimal>(precision: 20, scale: 2, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ActivityBudgetLines", x => x.Id);
                table.ForeignKey("FK_ActivityBudgetLines_RoadmapActivities_ActivityId", x => x.ActivityId, "RoadmapActivities", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ActivityCoExecutors",
            columns: table => new
            {
                ActivityId = table.Column<int>(nullable: false),
                AgencyId = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ActivityCoExecutors", x => new { x.ActivityId, x.AgencyId });
                table.ForeignKey("FK_ActivityCoExecutors_RoadmapActivities_ActivityId", x => x.ActivityId, "RoadmapActivities", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_ActivityCoExecutors_Agencies_AgencyId", x => x.AgencyId, "Agencies", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "ActivityReports",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Generated(),
                ActivityId = table.Column<int>(nullable: false),
                Text = table.Column<string>(maxLength: 4000, nullable: false),
                ReportedOn = table.Column<DateOnly>(nullable: false),
                PercentComplete = table.Column<decimal>(precision: 5, scale: 2, nullable: false),
                ReportedBy = table.Column<string>(maxLength: 256, nullable: false),
                ReportedAt = table.Column<DateTimeOffset>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ActivityReports", x => x.Id);
                table.ForeignKey("FK_ActivityReports_RoadmapActivities_ActivityId", x => x.ActivityId, "RoadmapActivities", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_Programs_TerritoryId_Status", "Programs", ["TerritoryId", "Status"]);
        migrationBuilder.CreateIndex("IX_ProgramVersions_ProgramId_Number", "ProgramVersions", ["ProgramId", "Number"], unique: true);
        migrationBuilder.CreateIndex("IX_ProgramVersions_TargetSetId", "ProgramVersions", "TargetSetId", unique: true);
        migrationBuilder.CreateIndex("IX_ProgramDirections_ProgramId_Position", "ProgramDirections", ["ProgramId", "Position"]);
        migrationBuilder.CreateIndex("IX_ProgramGoals_DirectionId_Position", "ProgramGoals", ["DirectionId", "Position"]);
        migrationBuilder.CreateIndex("IX_GoalIndicators_GoalId_IndicatorId", "GoalIndicators", ["GoalId", "IndicatorId"], unique: true);
        migrationBuilder.CreateIndex("IX_GoalIndicators_IndicatorId", "GoalIndicators", "IndicatorId");
        migrationBuilder.CreateIndex("IX_ProgramTasks_GoalId_Position", "ProgramTasks", ["GoalId", "Position"]);
        migrationBuilder.CreateIndex("IX_RoadmapActivities_TaskId_Position", "RoadmapActivities", ["TaskId", "Position"]);
        migrationBuilder.CreateIndex("IX_RoadmapActivities_ResponsibleAgencyId", "RoadmapActivities", "ResponsibleAgencyId");
        migrationBuilder.CreateIndex("IX_ActivityBudgetLines_ActivityId_Source", "ActivityBudgetLines", ["ActivityId", "Source"], unique: true);
        migrationBuilder.CreateIndex("IX_ActivityCoExecutors_AgencyId", "ActivityCoExecutors", "AgencyId");
        migrationBuilder.CreateIndex("IX_ActivityReports_ActivityId", "ActivityReports", "ActivityId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[]
        {
            "ActivityReports", "ActivityCoExecutors", "ActivityBudgetLines", "RoadmapActivities", "ProgramTasks", "GoalIndicators",
            "ProgramGoals", "ProgramDirections", "ProgramVersions", "Programs",
        })
        {
            migrationBuilder.DropTable(table);
        }
    }
}
