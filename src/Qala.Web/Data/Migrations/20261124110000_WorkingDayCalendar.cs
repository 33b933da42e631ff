using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Qala.Web.Data.Migrations;

/// <summary>The working-day calendar: holidays and decree transfers that every deadline counts with.</summary>
[DbContext(typeof(QalaDbContext))]
[Migration("20261124110000_WorkingDayCalendar")]
public sealed class WorkingDayCalendar : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "CalendarDays",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Generated(),
                Date = table.Column<DateOnly>(nullable: false),
                Kind = table.Column<string>(maxLength: 30, nullable: false),
                Version = table.Column<Guid>(nullable: false),
                Name_En = table.Column<string>(maxLength: 200, nullable: false),
                Name_Kk = table.Column<string>(maxLength: 200, nullable: false),
                Name_Ru = table.Column<string>(maxLength: 200, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_CalendarDays", x => x.Id));

        migrationBuilder.CreateIndex("IX_CalendarDays_Date", "CalendarDays", "Date");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("CalendarDays");
}
