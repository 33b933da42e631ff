using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Qala.Web.Data.Migrations;

/// <summary>
/// Investment: special economic and industrial zones with their participants (lifecycle steps and investment by year),
/// pipeline projects outside the zones (the same), and PPP projects with the state's payment obligations by year.
/// Only new tables: their foreign keys to existing tables are declared with them, which SQLite accepts.
/// </summary>
[DbContext(typeof(QalaDbContext))]
[Migration("20261124180000_Investment")]
public sealed class Investment : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "InvestmentZones",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Generated(),
                Kind = table.Column<string>(maxLength: 30, nullable: false),
                Name_Kk = table.Column<string>(maxLength: 400, nullable: false),
                Name_Ru = table.Column<string>(maxLength: 400, nullable: false),
                Name_En = table.Column<string>(maxLength: 400, nullable: false),
                TerritoryId = table.Column<int>(nullable: false),
                ResponsibleAgencyId = table.Column<int>(nullable: false),
                AreaHectares = table.Column<decimal>(precision: 12, scale: 2, nullable: false),
                EstablishedOn = table.Column<DateOnly>(nullable: false),
                ExpiresOn = table.Column<DateOnly>(nullable: true),
                PrioritySectors = table.Column<string>(maxLength: 1000, nullable: false),
                ManagementCompany = table.Column<string>(maxLength: 300, nullable: false),
                Power = table.Column<string>(maxLength: 10, nullable: false),
                Gas = table.Column<string>(maxLength: 10, nullable: false),
                Water = table.Column<string>(maxLength: 10, nullable: false),
                Roads = table.Column<string>(maxLength: 10, nullable: false),
                IsDemo = table.Column<bool>(nullable: false),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_InvestmentZones", x => x.Id);
                table.ForeignKey("FK_InvestmentZones_Territories_TerritoryId", x => x.TerritoryId, "Territories", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_InvestmentZones_Agencies_ResponsibleAgencyId", x => x.ResponsibleAgencyId, "Agencies", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "ZoneParticipants",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Generated(),
                ZoneId = table.Column<int>(nullable: false),
                LandPlot = table.Column<string>(maxLength: 100, nullable: false),
                CompanyName = table.Column<string>(maxLength: 300, nullable: false),
                Bin = table.Column<string>(maxLength: 12, nullable: false),
                Oked = table.Column<string>(maxLength: 10, nullable: false),
                Description = table.Column<string>(maxLength: 2000, nullable: false),
                IsAnchor = table.Column<bool>(nullable: false),
                IsHighTech = table.Column<bool>(nullable: false),
                IsExportOriented = table.Column<bool>(nullable: false),
                PlannedJobs = table.Column<int>(nullable: false),
                ActualJobs = table.Column<int>(nullable: false),
                Stage = table.Column<string>(maxLength: 20, nullable: false),
                StageOn = table.Column<DateOnly>(nullable: false),
                IsDemo = table.Column<bool>(nullable: false),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ZoneParticipants", x => x.Id);
                table.ForeignKey("FK_ZoneParticipants_InvestmentZones_ZoneId", x => x.ZoneId, "InvestmentZones", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "InvestmentProjects",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Generated(),
                Name_Kk = table.Column<string>(maxLength: 400, nullable: false),
                Name_Ru = table.Column<string>(maxLength: 400, nullable: false),
                Name_En = table.Column<string>(maxLength: 400, nullable: false),
                TerritoryId = table.Column<int>(nullable: false),
                ResponsibleAgencyId = table.Column<int>(nullable: false),
                CompanyName = table.Column<string>(maxLength: 300, nullable: false),
                Bin = table.Column<string>(maxLength: 12, nullable: false),
                Oked = table.Column<string>(maxLength: 10, nullable: false),
                Description = table.Column<string>(maxLength: 2000, nullable: false),
                IsAnchor = table.Column<bool>(nullable: false),
                IsHighTech = table.Column<bool>(nullable: false),
                IsExportOriented = table.Column<bool>(nullable: false),
                PlannedJobs = table.Column<int>(nullable: false),
                ActualJobs = table.Column<int>(nullable: false),
                Stage = table.Column<string>(maxLength: 20, nullable: false),
                StageOn = table.Column<DateOnly>(nullable: false),
                IsDemo = table.Column<bool>(nullable: false),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_InvestmentProjects", x => x.Id);
                table.ForeignKey("FK_InvestmentProjects_Territories_TerritoryId", x => x.TerritoryId, "Territories", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_InvestmentProjects_Agencies_ResponsibleAgencyId", x => x.ResponsibleAgencyId, "Agencies", "Id", onDelete: ReferentialAction.Restrict);
            });

        CreateSteps(migrationBuilder, "ParticipantSteps", "ParticipantId", "ZoneParticipants");
        CreateYears(migrationBuilder, "ParticipantYears", "ParticipantId", "ZoneParticipants");
        CreateSteps(migrationBuilder, "ProjectSteps", "ProjectId", "InvestmentProjects");
        CreateYears(migrationBuilder, "ProjectYears", "ProjectId", "InvestmentProjects");

        migrationBuilder.CreateTable(
            name: "PppProjects",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Generated(),
                Name_Kk = table.Column<string>(maxLength: 400, nullable: false),
                Name_Ru = table.Column<string>(maxLength: 400, nullable: false),
                Name_En = table.Column<string>(maxLength: 400, nullable: false),
                Sector = table.Column<string>(maxLength: 20, nullable: false),
                TerritoryId = table.Column<int>(nullable: false),
                ResponsibleAgencyId = table.Column<int>(nullable: false),
                Stage = table.Column<string>(maxLength: 20, nullable: false),
                StageOn = table.Column<DateOnly>(nullable: false),
                PrivatePartner = table.Column<string>(maxLength: 300, nullable: false),
                ContractValue = table.Column<decimal>(precision: 20, scale: 2, nullable: false),
                IsDemo = table.Column<bool>(nullable: false),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PppProjects", x => x.Id);
                table.ForeignKey("FK_PppProjects_Territories_TerritoryId", x => x.TerritoryId, "Territories", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_PppProjects_Agencies_ResponsibleAgencyId", x => x.ResponsibleAgencyId, "Agencies", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "PppObligations",
            columns: table => new
            {
                ProjectId = table.Column<int>(nullable: false),
                Year = table.Column<int>(nullable: false),
                Amount = table.Column<decimal>(precision: 20, scale: 2, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PppObligations", x => new { x.ProjectId, x.Year });
                table.ForeignKey("FK_PppObligations_PppProjects_ProjectId", x => x.ProjectId, "PppProjects", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_InvestmentZones_TerritoryId", "InvestmentZones", "TerritoryId");
        migrationBuilder.CreateIndex("IX_InvestmentZones_ResponsibleAgencyId", "InvestmentZones", "ResponsibleAgencyId");
        migrationBuilder.CreateIndex("IX_ZoneParticipants_ZoneId_Bin", "ZoneParticipants", ["ZoneId", "Bin"], unique: true);
        migrationBuilder.CreateIndex("IX_InvestmentProjects_TerritoryId_Stage", "InvestmentProjects", ["TerritoryId", "Stage"]);
        migrationBuilder.CreateIndex("IX_InvestmentProjects_ResponsibleAgencyId", "InvestmentProjects", "ResponsibleAgencyId");
        migrationBuilder.CreateIndex("IX_InvestmentProjects_Bin", "InvestmentProjects", "Bin");
        migrationBuilder.CreateIndex("IX_ParticipantSteps_ParticipantId", "ParticipantSteps", "ParticipantId");
        migrationBuilder.CreateIndex("IX_ProjectSteps_ProjectId", "ProjectSteps", "ProjectId");
        migrationBuilder.CreateIndex("IX_PppProjects_TerritoryId_Stage", "PppProjects", ["TerritoryId", "Stage"]);
        migrationBuilder.CreateIndex("IX_PppProjects_ResponsibleAgencyId", "PppProjects", "ResponsibleAgencyId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[]
        {
            "PppObligations", "PppProjects", "ProjectYears", "ProjectSteps", "ParticipantYears", "ParticipantSteps", "InvestmentProjects",
            "ZoneParticipants", "InvestmentZones",
        })
        {
            migrationBuilder.DropTable(table);
        }
    }

    private static void CreateSteps(MigrationBuilder migrationBuilder, string name, string owner, string ownerTable) =>
        migrationBuilder.CreateTable(
            name: name,
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Generated(),
                OwnerId = table.Column<int>(name: owner, nullable: false),
                Stage = table.Column<string>(maxLength: 20, nullable: false),
                On = table.Column<DateOnly>(nullable: false),
                Reason = table.Column<string>(maxLength: 1000, nullable: false),
                RecordedBy = table.Column<string>(maxLength: 256, nullable: false),
                RecordedAt = table.Column<DateTimeOffset>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey($"PK_{name}", x => x.Id);
                table.ForeignKey($"FK_{name}_{ownerTable}_{owner}", x => x.OwnerId, ownerTable, "Id", onDelete: ReferentialAction.Cascade);
            });

    private static void CreateYears(MigrationBuilder migrationBuilder, string name, string owner, string ownerTable) =>
        migrationBuilder.CreateTable(
            name: name,
            columns: table => new
            {
                OwnerId = table.Column<int>(name: owner, nullable: false),
                Year = table.Column<int>(nullable: false),
                Planned = table.Column<decimal>(precision: 20, scale: 2, nullable: false),
                Actual = table.Column<decimal>(precision: 20, scale: 2, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey($"PK_{name}", x => new { x.OwnerId, x.Year });
                table.ForeignKey($"FK_{name}_{ownerTable}_{owner}", x => x.OwnerId, ownerTable, "Id", onDelete: ReferentialAction.Cascade);
            });
}
