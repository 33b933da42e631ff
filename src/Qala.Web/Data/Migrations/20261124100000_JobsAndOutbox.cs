using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Qala.Web.Data.Migrations;

/// <summary>Background jobs claimed through the database, their schedules, the e-mail outbox, and users' e-mail language.</summary>
[DbContext(typeof(QalaDbContext))]
[Migration("20261124100000_JobsAndOutbox")]
public sealed class JobsAndOutbox : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "Language", table: "AspNetUsers", maxLength: 2, nullable: false, defaultValue: "kk");

        migrationBuilder.CreateTable(
            name: "BackgroundJobs",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Generated(),
                Kind = table.Column<string>(maxLength: 100, nullable: false),
                Payload = table.Column<string>(nullable: true),
                State = table.Column<string>(maxLength: 20, nullable: false),
                Attempts = table.Column<int>(nullable: false),
                MaxAttempts = table.Column<int>(nullable: false),
                RunAfter = table.Column<DateTimeOffset>(nullable: false),
                ClaimedBy = table.Column<string>(maxLength: 200, nullable: true),
                LeaseUntil = table.Column<DateTimeOffset>(nullable: true),
                LastError = table.Column<string>(maxLength: 4000, nullable: true),
                CreatedAt = table.Column<DateTimeOffset>(nullable: false),
                CompletedAt = table.Column<DateTimeOffset>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_BackgroundJobs", x => x.Id));

        migrationBuilder.CreateTable(
            name: "OutboxMessages",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Generated(),
                To = table.Column<string>(maxLength: 320, nullable: false),
                Subject = table.Column<string>(maxLength: 400, nullable: false),
                Body = table.Column<string>(nullable: false),
                Language = table.Column<string>(maxLength: 2, nullable: false),
                State = table.Column<string>(maxLength: 20, nullable: false),
                Attempts = table.Column<int>(nullable: false),
                LastError = table.Column<string>(maxLength: 4000, nullable: true),
                CreatedAt = table.Column<DateTimeOffset>(nullable: false),
                SentAt = table.Column<DateTimeOffset>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_OutboxMessages", x => x.Id));

        migrationBuilder.CreateTable(
            name: "ScheduledJobs",
            columns: table => new
            {
                Kind = table.Column<string>(maxLength: 100, nullable: false),
                IntervalSeconds = table.Column<int>(nullable: false),
                NextRunAt = table.Column<DateTimeOffset>(nullable: false),
                LastScheduledAt = table.Column<DateTimeOffset>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_ScheduledJobs", x => x.Kind));

        migrationBuilder.CreateIndex("IX_BackgroundJobs_State_RunAfter", "BackgroundJobs", ["State", "RunAfter"]);
        migrationBuilder.CreateIndex("IX_OutboxMessages_State", "OutboxMessages", "State");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("ScheduledJobs");
        migrationBuilder.DropTable("OutboxMessages");
        migrationBuilder.DropTable("BackgroundJobs");
        if (migrationBuilder.IsSqlite())
        {
            migrationBuilder.Sql("ALTER TABLE \"AspNetUsers\" DROP COLUMN \"Language\"");
        }
        else
        {
            migrationBuilder.DropColumn(name: "Language", table: "AspNetUsers");
        }
    }
}
