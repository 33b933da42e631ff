using Qala.Web.Infrastructure.Imports;

namespace Qala.Web.Tests.Imports;

/// <summary>Opens import files in tests: the real fixtures, or bytes made by the test.</summary>
internal static class ImportFiles
{
    public static byte[] Fixture(string name) =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Imports", "Fixtures", name));

    public static async Task<ITabularReader> OpenAsync(byte[] content, string fileName, TabularReadOptions? options = null)
    {
        var opened = await TabularFile.OpenAsync(new MemoryStream(content), fileName, options, TestContext.Current.CancellationToken);
        opened.Issue.ShouldBeNull();
        return opened.Reader!;
    }

    public static async Task<TabularIssue> FailToOpenAsync(byte[] content, string fileName, TabularReadOptions? options = null)
    {
        var opened = await TabularFile.OpenAsync(new MemoryStream(content), fileName, options, TestContext.Current.CancellationToken);
        opened.Reader.ShouldBeNull();
        return opened.Issue.ShouldNotBeNull();
    }

    public static async Task<List<TabularRow>> RowsAsync(ITabularReader reader)
    {
        var rows = new List<TabularRow>();
        await foreach (var row in reader.ReadRowsAsync(TestContext.Current.CancellationToken))
        {
            rows.Add(row);
        }

        return rows;
    }

    public static string[] Names(this TabularHeader header) => [.. header.Columns.Select(c => c.Name)];

    public static string[] Values(this TabularRow row) => [.. row.Cells.Select(c => c.Value)];
}

/// <summary>A stream that cannot seek, as a request body is: readers must not rely on rewinding it.</summary>
internal sealed class ForwardOnlyStream(Stream inner) : Stream
{
    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
