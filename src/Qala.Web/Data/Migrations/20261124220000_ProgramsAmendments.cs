using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Qala.Web.Data.Migrations;

/// <summary>
/// Amendments of programs: a version keeps the roadmap (activities and budgets, as JSON) it had when an amendment
/// replaced it, so the difference between versions can be shown. A nullable column, which SQLite adds in place.
/// </summary>
[DbContext(typeof(QalaDbContext))]
[Migration("20261124220000_ProgramsAmendments")]
public sealed class ProgramsAmendments : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<string>(name: "Roadmap", table: "ProgramVersions", nullable: true);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropColumn(name: "Roadmap", table: "ProgramVersions");
}
