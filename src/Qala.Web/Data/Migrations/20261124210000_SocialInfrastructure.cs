using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Qala.Web.Data.Migrations;

/// <summary>
/// Social infrastructure: facilities (schools, kindergartens, clinics, hospitals) with capacity and state, population
/// points (demand), district outlines, and each city's street network (the OSM extract's bytes in a table of their own).
/// Only new tables: their foreign keys to existing tables are declared with them, which SQLite accepts.
/// </summary>
[DbContext(typeof(QalaDbContext))]
[Migration("20261124210000_SocialInfrastructure")]
public sealed class SocialInfrastructure : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "SocialFacilities",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Generated(),
                Kind = table.Column<string>(maxLength: 20, nullable: false),
                Name_Kk = table.Column<string>(maxLength: 400, nullable: false),
                Name_Ru = table.Column<string>(maxLength: 400, nullable: false),
                Name_En = table.Column<string>(maxLength: 400, nullable: false),
                TerritoryId = table.Column<int>(nullable: false),
                Latitude = table.Column<double>(nullable: false),
                Longitude = table.Column<double>(nullable: false),
                Capacity = table.Column<int>(nullable: false),
                Enrolment = table.Column<int>(nullable: true),
                State = table.Column<string>(maxLength: 20, nullable: false),
                RoadmapActivityId = table.Column<int>(nullable: true),
                IsDemo = table.Column<bool>(nullable: false),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SocialFacilities", x => x.Id);
                table.ForeignKey("FK_SocialFacilities_Territories_TerritoryId", x => x.TerritoryId, "Territories", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_SocialFacilities_RoadmapActivities_RoadmapActivityId", x => x.RoadmapActivityId, "RoadmapActivities", "Id", onDelete: ReferentialAction.SetNull);
            });

        migrationBuilder.CreateTable(
            name: "PopulationPoints",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Generated(),
                TerritoryId = table.Column<int>(nullable: false),
                Label = table.Column<string>(maxLength: 100, nullable: false),
                Latitude = table.Column<double>(nullable: false),
                Longitude = table.Column<double>(nullable: false),
                Population = table.Column<int>(nullable: false),
                Children1To6 = table.Column<int>(nullable: true),
                Children6To17 = table.Column<int>(nullable: true),
                ImportBatchId = table.Column<long>(nullable: true),
                IsDemo = table.Column<bool>(nullable: false),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PopulationPoints", x => x.Id);
                table.ForeignKey("FK_PopulationPoints_Territories_TerritoryId", x => x.TerritoryId, "Territories", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_PopulationPoints_ImportBatches_ImportBatchId", x => x.ImportBatchId, "ImportBatches", "Id", onDelete: ReferentialAction.SetNull);
            });

        migrationBuilder.CreateTable(
            name: "DistrictOutlines",
            columns: table => new
            {
                TerritoryId = table.Column<int>(nullable: false),
                Geometry = table.Column<string>(nullable: false),
                IsDemo = table.Column<bool>(nullable: false),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DistrictOutlines", x => x.TerritoryId);
                table.ForeignKey("FK_DistrictOutlines_Territories_TerritoryId", x => x.TerritoryId, "Territories", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "WalkNetworks",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Generated(),
                TerritoryId = table.Column<int>(nullable: false),
                FileName = table.Column<string>(maxLength: 260, nullable: false),
                FileSize = table.Column<long>(nullable: false),
                NodeCount = table.Column<int>(nullable: false),
                EdgeCount = table.Column<int>(nullable: false),
                ImportedBy = table.Column<string>(maxLength: 256, nullable: true),
                ImportedAt = table.Column<DateTimeOffset>(nullable: false),
                IsDemo = table.Column<bool>(nullable: false),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_WalkNetworks", x => x.Id);
                table.ForeignKey("FK_WalkNetworks_Territories_TerritoryId", x => x.TerritoryId, "Territories", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "WalkNetworkContents",
            columns: table => new
            {
                NetworkId = table.Column<int>(nullable: false),
                Content = table.Column<byte[]>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_WalkNetworkContents", x => x.NetworkId);
                table.ForeignKey("FK_WalkNetworkContents_WalkNetworks_NetworkId", x => x.NetworkId, "WalkNetworks", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_SocialFacilities_TerritoryId_Kind", "SocialFacilities", ["TerritoryId", "Kind"]);
        migrationBuilder.CreateIndex("IX_SocialFacilities_RoadmapActivityId", "SocialFacilities", "RoadmapActivityId");
        migrationBuilder.CreateIndex("IX_PopulationPoints_TerritoryId", "PopulationPoints", "TerritoryId");
        migrationBuilder.CreateIndex("IX_PopulationPoints_ImportBatchId", "PopulationPoints", "ImportBatchId");
        migrationBuilder.CreateIndex("IX_WalkNetworks_TerritoryId", "WalkNetworks", "TerritoryId", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "WalkNetworkContents", "WalkNetworks", "DistrictOutlines", "PopulationPoints", "SocialFacilities" })
        {
            migrationBuilder.DropTable(table);
        }
    }
}
