namespace ReportGen.Rendering.Pdf.Tagging;

/// <summary>
/// A write-only stream in memory, in chunks of 1 MB: what PDFsharp saves a long document into.
/// A MemoryStream doubles its one buffer as it grows (a 36 MB PDF passes through buffers of 4, 8,
/// 16, 32 and 64 MB, the last half empty) and is copied again to give the bytes; here the saved
/// bytes are held once, and copied once into the finished file.
/// </summary>
internal sealed class ChunkedStream : Stream
{
    private const int ChunkSize = 1 << 20;
    private readonly List<byte[]> _chunks = [];
    private long _length, _position;

    public override bool CanRead => false;
    public override bool CanSeek => true;
    public override bool CanWrite => true;
    public override long Length => _length;

    public override long Position
    {
        get => _position;
        set => _position = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (buffer.Length > 0)
        {
            int chunk = (int)(_position / ChunkSize), at = (int)(_position % ChunkSize);
            while (_chunks.Count <= chunk) _chunks.Add(new byte[ChunkSize]);
            int n = Math.Min(buffer.Length, ChunkSize - at);
            buffer[..n].CopyTo(_chunks[chunk].AsSpan(at));
            buffer = buffer[n..];
            _position += n;
        }
        _length = Math.Max(_length, _position);
    }

    public override void WriteByte(byte value) => Write([value]);

    /// <summary>Copies <paramref name="destination"/>.Length bytes from <paramref name="from"/> on.</summary>
    public void CopyTo(long from, Span<byte> destination)
    {
        if (from < 0 || from + destination.Length > _length) throw new ArgumentOutOfRangeException(nameof(from));
        while (destination.Length > 0)
        {
            int chunk = (int)(from / ChunkSize), at = (int)(from % ChunkSize);
            int n = Math.Min(destination.Length, ChunkSize - at);
            _chunks[chunk].AsSpan(at, n).CopyTo(destination);
            destination = destination[n..];
            from += n;
        }
    }

    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => _position + offset,
        _ => _length + offset,
    };

    public override void SetLength(long value) => _length = value <= _length ? value : throw new NotSupportedException("the stream only shortens");
    public override void Flush() { }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
