using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Qala.Web.Data.Migrations;

/// <summary>
/// The rest of the indicator catalog (description, periodicity, methodology, owner agency, governors' KPIs),
/// observations of quarters, months, weeks and days, and target sets with their targets and baselines.
/// </summary>
[DbContext(typeof(QalaDbContext))]
[Migration("20261124150000_IndicatorPeriodsAndTargets")]
public sealed class IndicatorPeriodsAndTargets : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "Description_Kk", table: "Indicators", maxLength: 2000, nullable: false, defaultValue: "");
        migrationBuilder.AddColumn<string>(name: "Description_Ru", table: "Indicators", maxLength: 2000, nullable: false, defaultValue: "");
        migrationBuilder.AddColumn<string>(name: "Description_En", table: "Indicators", maxLength: 2000, nullable: false, defaultValue: "");
        migrationBuilder.AddColumn<string>(name: "Periodicity", table: "Indicators", maxLength: 10, nullable: false, defaultValue: "Year");
        migrationBuilder.AddColumn<string>(name: "Methodology", table: "Indicators", maxLength: 2000, nullable: true);
        migrationBuilder.AddColumn<bool>(name: "IsGovernorKpi", table: "Indicators", nullable: false, defaultValue: false);

        // SQLite cannot add a foreign key to an existing table, but it can add a column that carries one.
        if (migrationBuilder.IsSqlite())
        {
            migrationBuilder.Sql("ALTER TABLE \"Indicators\" ADD COLUMN \"OwnerAgencyId\" INTEGER NULL REFERENCES \"Agencies\" (\"Id\") ON DELETE SET NULL");
        }
        else
        {
            migrationBuilder.AddColumn<int>(name: "OwnerAgencyId", table: "Indicators", nullable: true);
            migrationBuilder.AddForeignKey(
                name: "FK_Indicators_Agencies_OwnerAgencyId",
                table: "Indicators",
                column: "OwnerAgencyId",
                principalTable: "Agencies",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        migrationBuilder.CreateIndex("IX_Indicators_OwnerAgencyId", "Indicators", "OwnerAgencyId");

        migrationBuilder.AddColumn<int>(name: "PeriodNumber", table: "Observations", nullable: false, defaultValue: 0);
        migrationBuilder.DropIndex("IX_Observations_Key_Revision", "Observations");
        migrationBuilder.CreateIndex(
            "IX_Observations_Key_Revision", "Observations", ["IndicatorId", "TerritoryId", "Year", "PeriodNumber", "Dimensions", "Revision"], unique: true);

        migrationBuilder.CreateTable(
            name: "TargetSets",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Generated(),
                Name_Kk = table.Column<string>(maxLength: 400, nullable: false),
                Name_Ru = table.Column<string>(maxLength: 400, nullable: false),
                Name_En = table.Column<string>(maxLength: 400, nullable: false),
                Kind = table.Column<string>(maxLength: 20, nullable: false),
                Source = table.Column<string>(maxLength: 400, nullable: true),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_TargetSets", x => x.Id));

        migrationBuilder.CreateTable(
            name: "IndicatorTargets",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Generated(),
                TargetSetId = table.Column<int>(nullable: false),
                IndicatorId = table.Column<int>(nullable: false),
                TerritoryId = table.Column<int>(nullable: false),
                Year = table.Column<int>(nullable: false),
                IsBaseline = table.Column<bool>(nullable: false),
                Value = table.Column<decimal>(precision: 20, scale: 6, nullable: false),
                UpperValue = table.Column<decimal>(precision: 20, scale: 6, nullable: true),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_IndicatorTargets", x => x.Id);
                table.ForeignKey("FK_IndicatorTargets_TargetSets_TargetSetId", x => x.TargetSetId, "TargetSets", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_IndicatorTargets_Indicators_IndicatorId", x => x.IndicatorId, "Indicators", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_IndicatorTargets_Territories_TerritoryId", x => x.TerritoryId, "Territories", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex("IX_IndicatorTargets_Key", "IndicatorTargets", ["TargetSetId", "IndicatorId", "TerritoryId", "Year"], unique: true);
        migrationBuilder.CreateIndex("IX_IndicatorTargets_IndicatorId_TerritoryId", "IndicatorTargets", ["IndicatorId", "TerritoryId"]);
        migrationBuilder.CreateIndex("IX_IndicatorTargets_TerritoryId", "IndicatorTargets", "TerritoryId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("IndicatorTargets");
        migrationBuilder.DropTable("TargetSets");

        migrationBuilder.DropIndex("IX_Observations_Key_Revision", "Observations");
        migrationBuilder.DropColumnOnAnyProvider("PeriodNumber", "Observations");
        migrationBuilder.CreateIndex(
            "IX_Observations_Key_Revision", "Observations", ["IndicatorId", "TerritoryId", "Year", "Dimensions", "Revision"], unique: true);

        migrationBuilder.DropIndex("IX_Indicators_OwnerAgencyId", "Indicators");
        if (!migrationBuilder.IsSqlite())
        {
            migrationBuilder.DropForeignKey("FK_Indicators_Agencies_OwnerAgencyId", "Indicators");
        }

        foreach (var column in new[] { "OwnerAgencyId", "IsGovernorKpi", "Methodology", "Periodicity", "Description_En", "Description_Ru", "Description_Kk" })
        {
            migrationBuilder.DropColumnOnAnyProvider(column, "Indicators");
        }
    }
}
