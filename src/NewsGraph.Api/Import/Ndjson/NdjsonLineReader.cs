using System.Buffers;

namespace NewsGraph.Api.Import.Ndjson;

/// <summary>
/// Reads a file line by line as UTF-8 bytes, in constant memory whatever the file's size:
/// a line longer than <see cref="MaxLineBytes"/> is reported as too long and skipped.
/// </summary>
public sealed class NdjsonLineReader(Stream stream) : IDisposable
{
    public const int MaxLineBytes = 16 * 1024 * 1024;

    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
    private int _start;
    private int _end;
    private bool _eof;

    public int LineNumber { get; private set; }

    /// <summary>The next line without its end (<c>\n</c> or <c>\r\n</c>); false at the end of the file. <paramref name="tooLong"/> marks a line that was skipped.</summary>
    public async ValueTask<(bool Read, ReadOnlyMemory<byte> Line, bool TooLong)> ReadLineAsync(CancellationToken cancellationToken)
    {
        var skipping = false;
        while (true)
        {
            var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            if (newline >= 0)
            {
                LineNumber++;
                var line = _buffer.AsMemory(_start, newline - _start);
                _start = newline + 1;
                if (skipping)
                    return (true, default, true);
                if (line.Length > 0 && line.Span[^1] == '\r')
                    line = line[..^1];
                return (true, line, false);
            }
            if (_eof)
            {
                if (_start == _end && !skipping)
                    return (false, default, false);
                LineNumber++;
                var last = _buffer.AsMemory(_start, _end - _start);
                _start = _end;
                return (true, skipping ? default : last, skipping);
            }
            if (_end - _start >= MaxLineBytes)
            {
                // Drop what we have of this line and keep looking for its end.
                skipping = true;
                _start = _end = 0;
            }
            await FillAsync(cancellationToken);
        }
    }

    private async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Min(_buffer.Length * 2, MaxLineBytes + 1));
            Buffer.BlockCopy(_buffer, 0, larger, 0, _end);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }
        var read = await stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
        if (read == 0)
            _eof = true;
        _end += read;
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        stream.Dispose();
    }
}
