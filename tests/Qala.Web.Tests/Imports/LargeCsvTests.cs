using System.Globalization;
using System.Text;
using Qala.Web.Infrastructure.Imports;

namespace Qala.Web.Tests.Imports;

/// <summary>A national import is hundreds of thousands of rows: the reader streams them and never holds the file.</summary>
public sealed class LargeCsvTests
{
    [Fact]
    public async Task Two_hundred_thousand_rows_stream_from_a_forward_only_source()
    {
        const int RowCount = 200_000;
        var source = new GeneratedCsvStream(RowCount);

        var opened = await TabularFile.OpenAsync(source, "observations.csv", cancellationToken: TestContext.Current.CancellationToken);
        await using var reader = opened.Reader.ShouldNotBeNull();

        var count = 0;
        long producedAtFirstRow = 0;
        TabularRow? last = null;
        await foreach (var row in reader.ReadRowsAsync(TestContext.Current.CancellationToken))
        {
            if (count == 0)
            {
                producedAtFirstRow = source.Produced;
                row.Values().ShouldBe(["2000", "KZ00", "0.5"]);
            }

            count++;
            last = row;
        }

        count.ShouldBe(RowCount);
        last!.RowNumber.ShouldBe(RowCount + 1);
        last.Values().ShouldBe(["2024", "KZ19", "199999.5"]);
        last.Issues.ShouldBeEmpty();
        // The first row came out when only the first buffers of the file had been produced.
        source.Produced.ShouldBeGreaterThan(3_000_000);
        producedAtFirstRow.ShouldBeLessThan(512 * 1024);
    }

    /// <summary>Writes "Year,REF_AREA,Value" rows only as they are read; it cannot seek, like a request body.</summary>
    private sealed class GeneratedCsvStream(int rows) : Stream
    {
        private readonly byte[] pending = new byte[256];
        private int pendingStart;
        private int pendingLength;
        private int next = -1;

        public long Produced { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var written = 0;
            while (written < count)
            {
                if (pendingLength == 0 && !Refill())
                {
                    break;
                }

                var take = Math.Min(count - written, pendingLength);
                Array.Copy(pending, pendingStart, buffer, offset + written, take);
                pendingStart += take;
                pendingLength -= take;
                written += take;
            }

            Produced += written;
            return written;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private bool Refill()
        {
            if (next >= rows)
            {
                return false;
            }

            var line = next < 0
                ? "Year,REF_AREA,Value\n"
                : string.Create(CultureInfo.InvariantCulture, $"{2000 + (next % 25)},KZ{next % 20:00},{next}.5\n");
            next++;
            pendingStart = 0;
            pendingLength = Encoding.UTF8.GetBytes(line, pending);
            return true;
        }
    }
}
