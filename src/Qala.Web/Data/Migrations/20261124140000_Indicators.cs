using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Qala.Web.Data.Migrations;

/// <summary>The indicator catalog and the observations of indicators, with revisions and their import batch.</summary>
[DbContext(typeof(QalaDbContext))]
[Migration("20261124140000_Indicators")]
public sealed class Indicators : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Indicators",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Generated(),
                Code = table.Column<string>(maxLength: 40, nullable: false),
                Name_Kk = table.Column<string>(maxLength: 400, nullable: false),
                Name_Ru = table.Column<string>(maxLength: 400, nullable: false),
                Name_En = table.Column<string>(maxLength: 400, nullable: false),
                Unit = table.Column<string>(maxLength: 100, nullable: true),
                Polarity = table.Column<string>(maxLength: 20, nullable: false),
                Source = table.Column<string>(maxLength: 100, nullable: false),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Indicators", x => x.Id));

        migrationBuilder.CreateTable(
            name: "Observations",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Generated(),
                IndicatorId = table.Column<int>(nullable: false),
                TerritoryId = table.Column<int>(nullable: false),
                Year = table.Column<int>(nullable: false),
                Dimensions = table.Column<string>(maxLength: 400, nullable: false),
                Value = table.Column<decimal>(precision: 20, scale: 6, nullable: false),
                Revision = table.Column<int>(nullable: false),
                IsCurrent = table.Column<bool>(nullable: false),
                ImportBatchId = table.Column<long>(nullable: true),
                RecordedAt = table.Column<DateTimeOffset>(nullable: false),
                RecordedBy = table.Column<string>(maxLength: 256, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Observations", x => x.Id);
                table.ForeignKey("FK_Observations_Indicators_IndicatorId", x => x.IndicatorId, "Indicators", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_Observations_Territories_TerritoryId", x => x.TerritoryId, "Territories", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_Observations_ImportBatches_ImportBatchId", x => x.ImportBatchId, "ImportBatches", "Id", onDelete: ReferentialAction.SetNull);
            });

        migrationBuilder.CreateIndex("IX_Indicators_Code", "Indicators", "Code", unique: true);

        // Named explicitly: the conventional name is longer than PostgreSQL's 63 characters.
        migrationBuilder.CreateIndex(
            "IX_Observations_Key_Revision", "Observations", ["IndicatorId", "TerritoryId", "Year", "Dimensions", "Revision"], unique: true);
        migrationBuilder.CreateIndex("IX_Observations_TerritoryId", "Observations", "TerritoryId");
        migrationBuilder.CreateIndex("IX_Observations_ImportBatchId", "Observations", "ImportBatchId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("Observations");
        migrationBuilder.DropTable("Indicators");
    }
}
