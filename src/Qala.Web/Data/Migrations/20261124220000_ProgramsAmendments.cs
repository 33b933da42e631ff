using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Qala.Web.Data.Migrations;

/// <summary>
/// Amendments of programs: a version keeps the roadmap (activities and budgets, as JSON) it had when an amendment
/// replaced it, so the difference between versions can be shown; a program may be marked as demonstration data.
/// Columns only, which SQLite adds in place.
/// </summary>
[DbContext(typeof(QalaDbContext))]
[Migration("20261124220000_ProgramsAmendments")]
public sealed class ProgramsAmendments : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "Roadmap", table: "ProgramVersions", nullable: true);
        migrationBuilder.AddColumn<bool>(name: "IsDemo", table: "Programs", nullable: false, defaultValue: false);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumnOnAnyProvider("IsDemo", "Programs");
        migrationBuilder.DropColumnOnAnyProvider("Roadmap", "ProgramVersions");
    }
}
