using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Qala.Web.Data.Migrations;

/// <summary>The hash-chained audit log and the head row that serialises appends to it.</summary>
[DbContext(typeof(QalaDbContext))]
[Migration("20261124090000_AuditLog")]
public sealed class AuditLog : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "AuditChainHeads",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false),
                LastSequence = table.Column<long>(nullable: false),
                LastHash = table.Column<string>(maxLength: 64, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_AuditChainHeads", x => x.Id));

        migrationBuilder.CreateTable(
            name: "AuditEntries",
            columns: table => new
            {
                Sequence = table.Column<long>(nullable: false),
                At = table.Column<DateTimeOffset>(nullable: false),
                UserId = table.Column<string>(maxLength: 450, nullable: true),
                UserName = table.Column<string>(maxLength: 256, nullable: true),
                Address = table.Column<string>(maxLength: 64, nullable: true),
                EntityType = table.Column<string>(maxLength: 100, nullable: false),
                EntityKey = table.Column<string>(maxLength: 200, nullable: false),
                Action = table.Column<string>(maxLength: 20, nullable: false),
                Changes = table.Column<string>(nullable: false),
                PreviousHash = table.Column<string>(maxLength: 64, nullable: false),
                Hash = table.Column<string>(maxLength: 64, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_AuditEntries", x => x.Sequence));

        // Plain SQL: without a model snapshot, InsertData would need each provider's column types.
        migrationBuilder.Sql($"INSERT INTO \"AuditChainHeads\" (\"Id\", \"LastSequence\", \"LastHash\") VALUES (1, 0, '{new string('0', 64)}')");

        migrationBuilder.CreateIndex("IX_AuditEntries_At", "AuditEntries", "At");
        migrationBuilder.CreateIndex("IX_AuditEntries_EntityType_EntityKey", "AuditEntries", ["EntityType", "EntityKey"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("AuditEntries");
        migrationBuilder.DropTable("AuditChainHeads");
    }
}
