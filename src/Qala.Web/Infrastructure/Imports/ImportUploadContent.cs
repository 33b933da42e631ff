using Microsoft.EntityFrameworkCore;
using Qala.Web.Data;

namespace Qala.Web.Infrastructure.Imports;

/// <summary>
/// The content of an <see cref="ImportUpload"/> read forwards, one <see cref="ImportUploadChunk"/> at a time, so only one
/// chunk is in memory whatever the size of the file. Not seekable: a workbook is spooled to a temporary file by
/// <see cref="TabularFile"/>. The context must not be used by anyone else while a read is running.
/// </summary>
internal sealed class ImportUploadContent(QalaDbContext db, Guid uploadId) : Stream
{
    private byte[] chunk = [];
    private int offset;
    private int nextSequence;
    private bool ended;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        while (!ended && offset == chunk.Length)
        {
            Next(Query().SingleOrDefault());
        }

        return Copy(buffer);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (!ended && offset == chunk.Length)
        {
            Next(await Query().SingleOrDefaultAsync(cancellationToken));
        }

        return Copy(buffer.Span);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private IQueryable<byte[]> Query()
    {
        var sequence = nextSequence;
        return db.Set<ImportUploadChunk>().AsNoTracking()
            .Where(c => c.UploadId == uploadId && c.Sequence == sequence)
            .Select(c => c.Data);
    }

    private void Next(byte[]? data)
    {
        nextSequence++;
        (chunk, offset, ended) = data is null ? ([], 0, true) : (data, 0, false);
    }

    private int Copy(Span<byte> buffer)
    {
        var count = Math.Min(buffer.Length, chunk.Length - offset);
        chunk.AsSpan(offset, count).CopyTo(buffer);
        offset += count;
        return count;
    }
}
