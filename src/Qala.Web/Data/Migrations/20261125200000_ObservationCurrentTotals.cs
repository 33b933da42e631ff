using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Qala.Web.Features.Indicators;

namespace Qala.Web.Data.Migrations;

/// <summary>
/// A partial index of the current totals (the headline series of most indicators) in key order, with the value
/// included on PostgreSQL, so a scorecard's series and its peers' last values are read from the index alone. SQLite
/// has no included columns and gets the plain partial index.
/// </summary>
[DbContext(typeof(QalaDbContext))]
[Migration("20261125200000_ObservationCurrentTotals")]
public sealed class ObservationCurrentTotals : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var index = migrationBuilder.CreateIndex(
            name: ObservationConfiguration.CurrentTotalsIndex,
            table: "Observations",
            columns: ["IndicatorId", "TerritoryId", "Year", "PeriodNumber"],
            filter: ObservationConfiguration.CurrentTotalsFilter);
        if (!migrationBuilder.IsSqlite())
        {
            index.Annotation("Npgsql:IndexInclude", new[] { "Value" });
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropIndex(name: ObservationConfiguration.CurrentTotalsIndex, table: "Observations");
}
