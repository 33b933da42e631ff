using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Qala.Web.Features.Indicators;

namespace Qala.Web.Data.Migrations;

/// <summary>
/// The one-row stamp of the data scorecards are computed from, and the triggers that give it a new random value in
/// the transaction of every insert, update or delete of observations, indicators, target sets, targets and
/// territories (ADR 0012). PostgreSQL fires once per statement (a binary COPY of a thousand observations moves it
/// once); SQLite has only row triggers.
/// </summary>
[DbContext(typeof(QalaDbContext))]
[Migration("20261126010000_IndicatorDataStamps")]
public sealed class IndicatorDataStamps : Migration
{
    private const string SqliteMove = "UPDATE \"IndicatorDataStamps\" SET \"Value\" = random() WHERE \"Id\" = 1";

    private const string PostgresMove = "UPDATE \"IndicatorDataStamps\" SET \"Value\" = floor(random() * 9007199254740991)::bigint WHERE \"Id\" = 1";

    private static readonly string[] SqliteEvents = ["INSERT", "UPDATE", "DELETE"];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "IndicatorDataStamps",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false),
                Value = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_IndicatorDataStamps", x => x.Id));
        migrationBuilder.Sql("INSERT INTO \"IndicatorDataStamps\" (\"Id\", \"Value\") VALUES (1, 0)");

        if (migrationBuilder.IsSqlite())
        {
            foreach (var table in IndicatorDataStamp.Tables)
            {
                foreach (var action in SqliteEvents)
                {
                    migrationBuilder.Sql($"""
                        CREATE TRIGGER "{TriggerName(table)}_{action}" AFTER {action} ON "{table}"
                        BEGIN {SqliteMove}; END
                        """);
                }
            }

            return;
        }

        migrationBuilder.Sql($"""
            CREATE FUNCTION "MoveIndicatorDataStamp"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                {PostgresMove};
                RETURN NULL;
            END $$
            """);
        foreach (var table in IndicatorDataStamp.Tables)
        {
            migrationBuilder.Sql($"""
                CREATE TRIGGER "{TriggerName(table)}" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "{table}"
                FOR EACH STATEMENT EXECUTE FUNCTION "MoveIndicatorDataStamp"()
                """);
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in IndicatorDataStamp.Tables)
        {
            if (migrationBuilder.IsSqlite())
            {
                foreach (var action in SqliteEvents)
                {
                    migrationBuilder.Sql($"DROP TRIGGER \"{TriggerName(table)}_{action}\"");
                }
            }
            else
            {
                migrationBuilder.Sql($"DROP TRIGGER \"{TriggerName(table)}\" ON \"{table}\"");
            }
        }

        if (!migrationBuilder.IsSqlite())
        {
            migrationBuilder.Sql("DROP FUNCTION \"MoveIndicatorDataStamp\"()");
        }

        migrationBuilder.DropTable("IndicatorDataStamps");
    }

    private static string TriggerName(string table) => $"TR_{table}_IndicatorDataStamp";
}
