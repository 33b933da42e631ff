using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Qala.Web.Data.Migrations;

/// <summary>Derived indicators: how an indicator is computed from an input and, for a ratio, a denominator.</summary>
[DbContext(typeof(QalaDbContext))]
[Migration("20261124153000_DerivedIndicators")]
public sealed class DerivedIndicators : Migration
{
    private static readonly string[] References = ["InputIndicatorId", "DenominatorIndicatorId"];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "Derivation", table: "Indicators", maxLength: 20, nullable: true);
        migrationBuilder.AddColumn<decimal>(name: "Scale", table: "Indicators", precision: 20, scale: 6, nullable: true);
        foreach (var column in References)
        {
            // SQLite cannot add a foreign key to an existing table, but it can add a column that carries one.
            if (migrationBuilder.IsSqlite())
            {
                migrationBuilder.Sql($"ALTER TABLE \"Indicators\" ADD COLUMN \"{column}\" INTEGER NULL REFERENCES \"Indicators\" (\"Id\") ON DELETE RESTRICT");
            }
            else
            {
                migrationBuilder.AddColumn<int>(name: column, table: "Indicators", nullable: true);
                migrationBuilder.AddForeignKey($"FK_Indicators_Indicators_{column}", "Indicators", column, "Indicators", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
            }

            migrationBuilder.CreateIndex($"IX_Indicators_{column}", "Indicators", column);
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var column in References)
        {
            migrationBuilder.DropIndex($"IX_Indicators_{column}", "Indicators");
            if (!migrationBuilder.IsSqlite())
            {
                migrationBuilder.DropForeignKey($"FK_Indicators_Indicators_{column}", "Indicators");
            }

            migrationBuilder.DropColumnOnAnyProvider(column, "Indicators");
        }

        migrationBuilder.DropColumnOnAnyProvider("Scale", "Indicators");
        migrationBuilder.DropColumnOnAnyProvider("Derivation", "Indicators");
    }
}
