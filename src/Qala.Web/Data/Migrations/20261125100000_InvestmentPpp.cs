using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Qala.Web.Data.Migrations;

/// <summary>
/// PPP projects completed: the state's obligations split by budget (the existing amounts become the local budget's,
/// which is what they were planned as), coordinates for the business development map, and links to roadmap
/// activities and social facilities in two new tables. SQLite renames and adds columns in place.
/// </summary>
[DbContext(typeof(QalaDbContext))]
[Migration("20261125100000_InvestmentPpp")]
public sealed class InvestmentPpp : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.RenameColumn(name: "Amount", table: "PppObligations", newName: "Local");
        migrationBuilder.AddColumn<decimal>(name: "Republican", table: "PppObligations", precision: 20, scale: 2, nullable: false, defaultValue: 0m);
        migrationBuilder.AddColumn<double>(name: "Latitude", table: "PppProjects", nullable: true);
        migrationBuilder.AddColumn<double>(name: "Longitude", table: "PppProjects", nullable: true);
        migrationBuilder.CreateIndex("IX_PppProjects_Longitude_Latitude", "PppProjects", ["Longitude", "Latitude"]);
        CreateLinks(migrationBuilder, "PppActivities", "RoadmapActivityId", "RoadmapActivities");
        CreateLinks(migrationBuilder, "PppFacilities", "SocialFacilityId", "SocialFacilities");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("PppFacilities");
        migrationBuilder.DropTable("PppActivities");
        migrationBuilder.DropIndex("IX_PppProjects_Longitude_Latitude", "PppProjects");
        migrationBuilder.DropColumnOnAnyProvider("Longitude", "PppProjects");
        migrationBuilder.DropColumnOnAnyProvider("Latitude", "PppProjects");
        migrationBuilder.DropColumnOnAnyProvider("Republican", "PppObligations");
        migrationBuilder.RenameColumn(name: "Local", table: "PppObligations", newName: "Amount");
    }

    private static void CreateLinks(MigrationBuilder migrationBuilder, string name, string target, string targetTable)
    {
        migrationBuilder.CreateTable(
            name: name,
            columns: table => new
            {
                ProjectId = table.Column<int>(nullable: false),
                TargetId = table.Column<int>(name: target, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey($"PK_{name}", x => new { x.ProjectId, x.TargetId });
                table.ForeignKey($"FK_{name}_PppProjects_ProjectId", x => x.ProjectId, "PppProjects", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey($"FK_{name}_{targetTable}_{target}", x => x.TargetId, targetTable, "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex($"IX_{name}_{target}", name, target);
    }
}
