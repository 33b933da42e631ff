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
}
