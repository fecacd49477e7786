using System.Buffers;

namespace NewsGraph.GraphQL.Transport;

/// <summary>
/// A response body serialized into pooled memory (returned on dispose), after a prefix that is kept
/// in front of it but is not part of it: the bytes an <c>ETag</c> hashes before the body, so that
/// prefix and body are hashed in one pass without a copy.
/// </summary>
internal sealed class ResponseBuffer : Stream
{
    private byte[]? _buffer;
    private readonly int _bodyStart;
    private int _end;

    /// <param name="prefixLength">Bytes kept in front of the body, to be filled through <see cref="Prefix"/>.</param>
    /// <param name="capacity">The body's first allocation; it grows as needed.</param>
    public ResponseBuffer(int prefixLength, int capacity = 16 * 1024)
    {
        _buffer = ArrayPool<byte>.Shared.Rent(prefixLength + capacity);
        _bodyStart = _end = prefixLength;
    }

    /// <summary>The bytes kept in front of the body.</summary>
    public Span<byte> Prefix => Buffer.AsSpan(0, _bodyStart);

    /// <summary>The prefix and the body after it.</summary>
    public ReadOnlySpan<byte> PrefixAndBody => Buffer.AsSpan(0, _end);

    /// <summary>The body alone; valid until this is disposed.</summary>
    public ReadOnlyMemory<byte> Body => Buffer.AsMemory(_bodyStart, _end - _bodyStart);

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => _end - _bodyStart;

    public override long Position
    {
        get => Length;
        set => throw new NotSupportedException();
    }

    private byte[] Buffer => _buffer ?? throw new ObjectDisposedException(nameof(ResponseBuffer));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        var target = Buffer;
        if (_end + buffer.Length > target.Length)
            target = Grow(_end + buffer.Length);
        buffer.CopyTo(target.AsSpan(_end));
        _end += buffer.Length;
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void WriteByte(byte value) => Write([value]);

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Write(buffer.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (_buffer is { } buffer)
        {
            _buffer = null;
            ArrayPool<byte>.Shared.Return(buffer);
        }
        base.Dispose(disposing);
    }

    private byte[] Grow(int needed)
    {
        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, Buffer.Length * 2));
        Buffer.AsSpan(0, _end).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(Buffer);
        return _buffer = larger;
    }
}
