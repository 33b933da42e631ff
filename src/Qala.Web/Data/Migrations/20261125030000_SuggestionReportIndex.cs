using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Qala.Web.Data.Migrations;

/// <summary>
/// The "you said, we did" report lists the most supported answers of each topic: an index in that order lets each
/// topic's list read its first rows instead of sorting the whole discussion. Its totals group every suggestion of the
/// discussion by the columns of the second index, which PostgreSQL then reads without touching the table.
/// </summary>
[DbContext(typeof(QalaDbContext))]
[Migration("20261125030000_SuggestionReportIndex")]
public sealed class SuggestionReportIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateIndex(
            name: "IX_Suggestions_ConsultationId_TopicId_Supporters_Id",
            table: "Suggestions",
            columns: ["ConsultationId", "TopicId", "Supporters", "Id"],
            descending: [false, false, true, false]);
        migrationBuilder.CreateIndex(
            name: "IX_Suggestions_ReportTotals",
            table: "Suggestions",
            columns: ["ConsultationId", "Channel", "TopicId", "DistrictId", "Decision", "State", "Confidential", "DuplicateOfId"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: "IX_Suggestions_ReportTotals", table: "Suggestions");
        migrationBuilder.DropIndex(name: "IX_Suggestions_ConsultationId_TopicId_Supporters_Id", table: "Suggestions");
    }
}
