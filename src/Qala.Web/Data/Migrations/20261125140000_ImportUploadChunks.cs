using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Qala.Web.Data.Migrations;

/// <summary>
/// Import uploads stored in chunks instead of one value, so large files pass through in bounded memory, and the
/// commit's claim on an upload. Uploads waiting for their commit keep their content as their first chunk.
/// </summary>
[DbContext(typeof(QalaDbContext))]
[Migration("20261125140000_ImportUploadChunks")]
public sealed class ImportUploadChunks : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ImportUploadChunks",
            columns: table => new
            {
                UploadId = table.Column<Guid>(nullable: false),
                Sequence = table.Column<int>(nullable: false),
                Data = table.Column<byte[]>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ImportUploadChunks", x => new { x.UploadId, x.Sequence });
                table.ForeignKey(
                    name: "FK_ImportUploadChunks_ImportUploads_UploadId",
                    column: x => x.UploadId,
                    principalTable: "ImportUploads",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.AddColumn<long>(name: "Size", table: "ImportUploads", nullable: false, defaultValue: 0L);
        migrationBuilder.AddColumn<bool>(name: "Taken", table: "ImportUploads", nullable: false, defaultValue: false);
        migrationBuilder.Sql(
            "INSERT INTO \"ImportUploadChunks\" (\"UploadId\", \"Sequence\", \"Data\") SELECT \"Id\", 0, \"Content\" FROM \"ImportUploads\"");
        migrationBuilder.Sql("UPDATE \"ImportUploads\" SET \"Size\" = length(\"Content\")");
        migrationBuilder.DropColumnOnAnyProvider("Content", "ImportUploads");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        // Uploads are transient (kept between a preview and its commit): going back drops the waiting ones.
        migrationBuilder.Sql("DELETE FROM \"ImportUploads\"");
        migrationBuilder.AddColumn<byte[]>(name: "Content", table: "ImportUploads", nullable: false, defaultValue: Array.Empty<byte>());
        migrationBuilder.DropColumnOnAnyProvider("Taken", "ImportUploads");
        migrationBuilder.DropColumnOnAnyProvider("Size", "ImportUploads");
        migrationBuilder.DropTable("ImportUploadChunks");
    }
}
