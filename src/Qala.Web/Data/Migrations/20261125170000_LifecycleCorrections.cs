using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Qala.Web.Data.Migrations;

/// <summary>
/// A lifecycle step's corrected day keeps why, by whom and when it was corrected, on participants' and projects'
/// steps. Columns only, which SQLite adds in place.
/// </summary>
[DbContext(typeof(QalaDbContext))]
[Migration("20261125170000_LifecycleCorrections")]
public sealed class LifecycleCorrections : Migration
{
    private static readonly string[] Tables = ["ParticipantSteps", "ProjectSteps"];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        foreach (var table in Tables)
        {
            migrationBuilder.AddColumn<string>(name: "CorrectionReason", table: table, maxLength: 1000, nullable: false, defaultValue: "");
            migrationBuilder.AddColumn<string>(name: "CorrectedBy", table: table, maxLength: 256, nullable: false, defaultValue: "");
            migrationBuilder.AddColumn<DateTimeOffset>(name: "CorrectedAt", table: table, nullable: true);
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in Tables)
        {
            migrationBuilder.DropColumnOnAnyProvider("CorrectedAt", table);
            migrationBuilder.DropColumnOnAnyProvider("CorrectedBy", table);
            migrationBuilder.DropColumnOnAnyProvider("CorrectionReason", table);
        }
    }
}
