using System.Text;

namespace AdStudio.Tests.Web.Features.Experiments.Offline;

/// <summary>
/// A read-only stream that produces a per-unit CSV row by row as it is read (unit i in variant A or B, one in ten of
/// each converted), so a million-row request body never exists as one string in the test.
/// </summary>
internal sealed class GeneratedUnitCsv(long rows) : Stream
{
    private byte[] _pending = Encoding.UTF8.GetBytes("unit_id,variant,converted,revenue\n");
    private int _offset;
    private long _next;

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
            if (_offset == _pending.Length)
            {
                if (_next == rows)
                {
                    break;
                }

                var i = _next++;
                var converted = i % 20 < 2;
                _pending = Encoding.UTF8.GetBytes($"u{i},{(i % 2 == 0 ? "A" : "B")},{(converted ? 1 : 0)},{(converted ? "12.5" : "")}\n");
                _offset = 0;
            }

            var n = Math.Min(count - written, _pending.Length - _offset);
            Array.Copy(_pending, _offset, buffer, offset + written, n);
            _offset += n;
            written += n;
        }

        return written;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
