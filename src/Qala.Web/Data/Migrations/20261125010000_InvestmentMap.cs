using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Qala.Web.Data.Migrations;

/// <summary>
/// The business development map: optional coordinates (WGS 84 degrees) on zones, participants and pipeline projects,
/// each table indexed on (longitude, latitude) so a viewport query is a range scan. Columns and indexes only, which
/// SQLite adds in place.
/// </summary>
[DbContext(typeof(QalaDbContext))]
[Migration("20261125010000_InvestmentMap")]
public sealed class InvestmentMap : Migration
{
    private static readonly string[] Tables = ["InvestmentZones", "ZoneParticipants", "InvestmentProjects"];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        foreach (var table in Tables)
        {
            migrationBuilder.AddColumn<double>(name: "Latitude", table: table, nullable: true);
            migrationBuilder.AddColumn<double>(name: "Longitude", table: table, nullable: true);
            migrationBuilder.CreateIndex($"IX_{table}_Longitude_Latitude", table, ["Longitude", "Latitude"]);
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in Tables)
        {
            migrationBuilder.DropIndex($"IX_{table}_Longitude_Latitude", table);
            migrationBuilder.DropColumnOnAnyProvider("Longitude", table);
            migrationBuilder.DropColumnOnAnyProvider("Latitude", table);
        }
    }
}
