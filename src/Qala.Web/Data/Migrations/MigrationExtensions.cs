using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Qala.Web.Data.Migrations;

/// <summary>What hand-written, provider-neutral migrations repeat.</summary>
internal static class MigrationExtensions
{
    /// <summary>A generated key on both providers: each one reads its own annotation and ignores the other's.</summary>
    public static OperationBuilder<AddColumnOperation> Generated(this OperationBuilder<AddColumnOperation> column) =>
        column
            .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)
            .Annotation("Sqlite:Autoincrement", true);

    /// <summary>Drops a column on both providers: EF's SQLite provider refuses DropColumn, which SQLite itself has done since 3.35.</summary>
    public static void DropColumnOnAnyProvider(this MigrationBuilder migrationBuilder, string column, string table)
    {
        if (migrationBuilder.IsSqlite())
        {
            migrationBuilder.Sql($"ALTER TABLE \"{table}\" DROP COLUMN \"{column}\"");
        }
        else
        {
            migrationBuilder.DropColumn(column, table);
        }
    }
}
