using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Qala.Web.Data;

namespace Qala.Web.Infrastructure.Files;

/// <summary>
/// Streams an attachment's bytes from the database to the response without loading them: a sequential reader over
/// the content column (<c>bytea</c> on PostgreSQL, a BLOB on SQLite). The only provider difference is how the key is
/// bound (EF Core keeps a GUID as upper-case text on SQLite and as <c>uuid</c> on PostgreSQL) and SQLite's rowid.
/// </summary>
internal static class AttachmentContentReader
{
    public static async Task<Stream?> OpenAsync(QalaDbContext db, Guid id, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        var command = db.Database.GetDbConnection().CreateCommand();
        // On SQLite the rowid in the result lets the reader open the BLOB incrementally instead of copying it.
        command.CommandText = db.Database.IsSqlite()
            ? "SELECT \"Content\", rowid FROM \"AttachmentContents\" WHERE \"AttachmentId\" = @id"
            : "SELECT \"Content\" FROM \"AttachmentContents\" WHERE \"AttachmentId\" = @id";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "id";
        parameter.Value = db.Database.IsSqlite() ? id.ToString().ToUpperInvariant() : id;
        command.Parameters.Add(parameter);
        DbDataReader? reader = null;
        try
        {
            reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess | CommandBehavior.SingleRow, cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                await CloseAsync(db, command, reader);
                return null;
            }

            return new ContentStream(reader.GetStream(0), () => CloseAsync(db, command, reader));
        }
        catch
        {
            await CloseAsync(db, command, reader);
            throw;
        }
    }

    private static async Task CloseAsync(QalaDbContext db, DbCommand command, DbDataReader? reader)
    {
        if (reader is not null)
        {
            await reader.DisposeAsync();
        }

        await command.DisposeAsync();
        await db.Database.CloseConnectionAsync();
    }

    /// <summary>The column's stream, which releases the reader and the connection when the response is written.</summary>
    private sealed class ContentStream(Stream inner, Func<Task> close) : Stream
    {
        private bool closed;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            inner.ReadAsync(buffer, cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            inner.ReadAsync(buffer, offset, count, cancellationToken);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override async ValueTask DisposeAsync()
        {
            if (!closed)
            {
                closed = true;
                await inner.DisposeAsync();
                await close();
            }

            await base.DisposeAsync();
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing && !closed)
            {
                closed = true;
                inner.Dispose();
                close().GetAwaiter().GetResult();
            }

            base.Dispose(disposing);
        }
    }
}
