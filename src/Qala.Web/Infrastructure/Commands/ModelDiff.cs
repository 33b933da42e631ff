using System.Reflection;
using System.Runtime.Loader;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Qala.Web.Data;

namespace Qala.Web.Infrastructure.Commands;

/// <summary>
/// The developer's aid for writing the next migration by hand (the EF Core design package does not restore here):
/// EF Core's own differ compares the model of a previous build with the current one and prints the operations and
/// the SQL they produce on the configured provider. <c>tools/model-diff.sh</c> builds the commit of the last migration
/// in a worktree and passes its output folder as <c>--previous</c>.
/// </summary>
internal static class ModelDiff
{
    public static Task<object> RunAsync(IServiceProvider services)
    {
        var db = services.GetRequiredService<QalaDbContext>();
        var current = db.GetService<IDesignTimeModel>().Model;
        var previousFolder = services.GetRequiredService<IConfiguration>()["previous"];
        IRelationalModel? previous = null;
        AssemblyLoadContext? context = null;
        if (!string.IsNullOrEmpty(previousFolder))
        {
            context = new PreviousBuild(Path.GetFullPath(previousFolder));
            previous = LoadModel(context, services);
        }

        var operations = db.GetService<IMigrationsModelDiffer>().GetDifferences(previous, current.GetRelationalModel());
        var sql = db.GetService<IMigrationsSqlGenerator>().Generate(operations, current);
        context?.Unload();
        return Task.FromResult<object>(new
        {
            Against = previousFolder ?? "(empty database)",
            Operations = operations.Select(Describe).ToList(),
            Sql = sql.Select(c => c.CommandText.Trim()).ToList(),
        });
    }

    private static IRelationalModel LoadModel(AssemblyLoadContext context, IServiceProvider services)
    {
        var assembly = context.LoadFromAssemblyName(new AssemblyName("Qala.Web"));
        var contextType = assembly.GetType(typeof(QalaDbContext).FullName!, throwOnError: true)!;
        var optionsBuilder = (DbContextOptionsBuilder)Activator.CreateInstance(typeof(DbContextOptionsBuilder<>).MakeGenericType(contextType))!;
        optionsBuilder.UseQalaDatabase(services.GetRequiredService<DatabaseSettings>());

        // Identity reads its schema version from the application's options, so the previous model is built with ours.
        optionsBuilder.UseApplicationServiceProvider(services);
        using var previous = (DbContext)Activator.CreateInstance(contextType, optionsBuilder.Options)!;
        return previous.GetService<IDesignTimeModel>().Model.GetRelationalModel();
    }

    private static string Describe(MigrationOperation operation) => operation switch
    {
        CreateTableOperation t => $"CreateTable {t.Name} ({string.Join(", ", t.Columns.Select(c => $"{c.Name} {c.ClrType.Name}{(c.IsNullable ? "?" : "")}{(c.MaxLength is { } m ? $"({m})" : "")}"))})",
        AddColumnOperation c => $"AddColumn {c.Table}.{c.Name} {c.ClrType.Name}{(c.IsNullable ? "?" : "")}{(c.MaxLength is { } m ? $"({m})" : "")}",
        CreateIndexOperation i => $"CreateIndex {i.Name} on {i.Table} ({string.Join(", ", i.Columns)}){(i.IsUnique ? " unique" : "")}",
        AddForeignKeyOperation f => $"AddForeignKey {f.Name} {f.Table}({string.Join(", ", f.Columns)}) -> {f.PrincipalTable} on delete {f.OnDelete}",
        DropTableOperation t => $"DropTable {t.Name}",
        DropColumnOperation c => $"DropColumn {c.Table}.{c.Name}",
        DropIndexOperation i => $"DropIndex {i.Name}",
        AlterColumnOperation c => $"AlterColumn {c.Table}.{c.Name} {c.ClrType.Name}{(c.IsNullable ? "?" : "")}{(c.MaxLength is { } m ? $"({m})" : "")}",
        _ => operation.GetType().Name.Replace("Operation", "", StringComparison.Ordinal),
    };

    /// <summary>Loads the previous build's Qala assemblies; everything else (EF Core, ASP.NET Core) is shared.</summary>
    private sealed class PreviousBuild(string folder) : AssemblyLoadContext("qala-previous-build", isCollectible: true)
    {
        protected override Assembly? Load(AssemblyName assemblyName) =>
            assemblyName.Name is { } name && name.StartsWith("Qala.", StringComparison.Ordinal)
                ? LoadFromAssemblyPath(Path.Combine(folder, name + ".dll"))
                : null;
    }
}
