using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Qala.Web.Data;

/// <summary>
/// Writes new rows of one entity type with PostgreSQL's binary <c>COPY</c>, every column as the EF Core model maps it
/// (value converters and column types included), in the context's open transaction: for the few bulk paths where EF's
/// one statement per row costs more than the rows (ADR 0013). The rows are not tracked, so the caller sets their keys
/// (<see cref="NextKeysAsync"/>), their versions and their audit entries (<c>AuditInterceptor.AppendCreatedAsync</c>).
/// </summary>
public static class PostgresCopy
{
    private static readonly ConcurrentDictionary<(IModel Model, Type Type), Table> Tables = new();

    /// <summary>Copies <paramref name="rows"/> into their table.</summary>
    public static async Task CopyAsync<T>(DbContext context, IReadOnlyCollection<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        var table = TableOf(context, typeof(T));
        var connection = (NpgsqlConnection)context.Database.GetDbConnection();
        await using var copy = await connection.BeginBinaryImportAsync(table.Copy, cancellationToken);
        foreach (var row in rows)
        {
            await copy.StartRowAsync(cancellationToken);
            foreach (var column in table.Columns)
            {
                if (column.Read(row) is { } value)
                {
                    await copy.WriteAsync(value, column.DataType, cancellationToken);
                }
                else
                {
                    await copy.WriteNullAsync(cancellationToken);
                }
            }
        }

        await copy.CompleteAsync(cancellationToken);
    }

    /// <summary>Takes <paramref name="count"/> values of the sequence behind <typeparamref name="T"/>'s generated key, in one statement.</summary>
    public static async Task<List<int>> NextKeysAsync<T>(DbContext context, int count, CancellationToken cancellationToken)
        where T : class
    {
        var type = context.Model.FindEntityType(typeof(T))!;
        var key = type.FindPrimaryKey()!.Properties.Single();
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        await using var command = context.Database.GetDbConnection().CreateCommand();
        command.Transaction = context.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = "SELECT nextval(pg_get_serial_sequence(@table, @column)) FROM generate_series(1, @count)";
        command.Parameters.Add(new NpgsqlParameter<string>("table", Quoted(table)));
        command.Parameters.Add(new NpgsqlParameter<string>("column", key.GetColumnName(table)!));
        command.Parameters.Add(new NpgsqlParameter<int>("count", count));
        var keys = new List<int>(count);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            keys.Add(checked((int)reader.GetInt64(0)));
        }

        return keys;
    }

    private static Table TableOf(DbContext context, Type type) => Tables.GetOrAdd((context.Model, type), static key =>
    {
        var entityType = key.Model.FindEntityType(key.Type)
            ?? throw new InvalidOperationException($"{key.Type.Name} is not part of the model.");
        if (entityType.GetComplexProperties().Any() || entityType.GetProperties().Any(p => p.IsShadowProperty()))
        {
            throw new NotSupportedException($"{key.Type.Name} has complex or shadow properties, which a bulk copy does not write.");
        }

        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var columns = entityType.GetProperties().Select(property =>
        {
            var getter = property.GetGetter();
            var converter = property.GetTypeMapping().Converter;
            var storeType = property.GetColumnType(table);
            // The type's name without its facets: "character varying(20)" is written as "character varying".
            var dataType = storeType.Split('(')[0].Trim();
            return new Column(
                property.GetColumnName(table)!,
                dataType,
                converter is null
                    ? getter.GetClrValue
                    : row => getter.GetClrValue(row) is { } value ? converter.ConvertToProvider(value) : null);
        }).ToList();
        var names = string.Join(", ", columns.Select(c => $"\"{c.Name}\""));
        return new Table($"COPY {Quoted(table)} ({names}) FROM STDIN (FORMAT BINARY)", columns);
    });

    private static string Quoted(StoreObjectIdentifier table) =>
        table.Schema is null ? $"\"{table.Name}\"" : $"\"{table.Schema}\".\"{table.Name}\"";

    private sealed record Table(string Copy, IReadOnlyList<Column> Columns);

    private sealed record Column(string Name, string DataType, Func<object, object?> Read);
}
