using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Qala.Web.Data.Migrations;

/// <summary>The place on the map a citizen may mark on the suggestion form. Columns only, which SQLite adds in place.</summary>
[DbContext(typeof(QalaDbContext))]
[Migration("20261125040000_SuggestionPoint")]
public sealed class SuggestionPoint : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<double>(name: "Latitude", table: "Suggestions", nullable: true);
        migrationBuilder.AddColumn<double>(name: "Longitude", table: "Suggestions", nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumnOnAnyProvider("Longitude", "Suggestions");
        migrationBuilder.DropColumnOnAnyProvider("Latitude", "Suggestions");
    }
}
