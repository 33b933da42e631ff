using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Qala.Web.Data.Migrations;

/// <summary>Import batches as provenance of imported rows, and uploads kept between an import's preview and its commit.</summary>
[DbContext(typeof(QalaDbContext))]
[Migration("20261124120000_ImportBatches")]
public sealed class ImportBatches : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ImportBatches",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Generated(),
                Kind = table.Column<string>(maxLength: 100, nullable: false),
                FileName = table.Column<string>(maxLength: 260, nullable: false),
                FileHash = table.Column<string>(maxLength: 64, nullable: false),
                FileSize = table.Column<long>(nullable: false),
                Mode = table.Column<string>(maxLength: 20, nullable: false),
                ImportedBy = table.Column<string>(maxLength: 256, nullable: true),
                ImportedAt = table.Column<DateTimeOffset>(nullable: false),
                Added = table.Column<int>(nullable: false),
                Changed = table.Column<int>(nullable: false),
                Unchanged = table.Column<int>(nullable: false),
                Skipped = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_ImportBatches", x => x.Id));

        migrationBuilder.CreateTable(
            name: "ImportUploads",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Kind = table.Column<string>(maxLength: 100, nullable: false),
                FileName = table.Column<string>(maxLength: 260, nullable: false),
                FileHash = table.Column<string>(maxLength: 64, nullable: false),
                Content = table.Column<byte[]>(nullable: false),
                UploadedBy = table.Column<string>(maxLength: 256, nullable: true),
                UploadedAt = table.Column<DateTimeOffset>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_ImportUploads", x => x.Id));

        // SQLite cannot add a foreign key to an existing table, but it can add a column that carries one.
        if (migrationBuilder.IsSqlite())
        {
            migrationBuilder.Sql(
                "ALTER TABLE \"TerritoryCodeMappings\" ADD COLUMN \"ImportBatchId\" INTEGER NULL REFERENCES \"ImportBatches\" (\"Id\") ON DELETE SET NULL");
        }
        else
        {
            migrationBuilder.AddColumn<long>(name: "ImportBatchId", table: "TerritoryCodeMappings", nullable: true);
            migrationBuilder.AddForeignKey(
                name: "FK_TerritoryCodeMappings_ImportBatches_ImportBatchId",
                table: "TerritoryCodeMappings",
                column: "ImportBatchId",
                principalTable: "ImportBatches",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        migrationBuilder.CreateIndex("IX_TerritoryCodeMappings_ImportBatchId", "TerritoryCodeMappings", "ImportBatchId");
        migrationBuilder.CreateIndex("IX_ImportBatches_Kind_FileHash", "ImportBatches", ["Kind", "FileHash"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_TerritoryCodeMappings_ImportBatchId", "TerritoryCodeMappings");
        if (migrationBuilder.IsSqlite())
        {
            migrationBuilder.Sql("ALTER TABLE \"TerritoryCodeMappings\" DROP COLUMN \"ImportBatchId\"");
        }
        else
        {
            migrationBuilder.DropForeignKey("FK_TerritoryCodeMappings_ImportBatches_ImportBatchId", "TerritoryCodeMappings");
            migrationBuilder.DropColumn("ImportBatchId", "TerritoryCodeMappings");
        }

        migrationBuilder.DropTable("ImportUploads");
        migrationBuilder.DropTable("ImportBatches");
    }
}
