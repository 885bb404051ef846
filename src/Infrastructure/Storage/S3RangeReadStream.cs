using Amazon.S3;
using Amazon.S3.Model;

namespace IaGenify.Infrastructure.Storage;

/// <summary>
/// An S3 object as a seekable read-only stream. Nothing is fetched until the first read; each read continues one
/// ranged GET from the current position, and a seek drops it, so serving a <c>Range</c> request downloads only from
/// the requested offset instead of the whole object.
/// </summary>
internal sealed class S3RangeReadStream(IAmazonS3 client, string bucket, string key, long length) : Stream
{
    private long _position;
    private GetObjectResponse? _response;

    public override bool CanRead => true;
    public override bool CanSeek => true;
    public override bool CanWrite => false;
    public override long Length => length;

    public override long Position
    {
        get => _position;
        set => Seek(value, SeekOrigin.Begin);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_position >= length || buffer.IsEmpty)
            return 0;
        _response ??= await client.GetObjectAsync(new GetObjectRequest
        {
            BucketName = bucket,
            Key = key,
            ByteRange = new ByteRange(_position, length - 1),
        }, cancellationToken);
        var read = await _response.ResponseStream.ReadAsync(buffer, cancellationToken);
        if (read == 0)
            throw new IOException($"The object store ended the object early at byte {_position} of {length}.");
        _position += read;
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override long Seek(long offset, SeekOrigin origin)
    {
        var target = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            _ => length + offset,
        };
        if (target < 0)
            throw new IOException("Cannot seek before the start of the object.");
        if (target != _position)
        {
            DropResponse();
            _position = target;
        }
        return _position;
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException("The stream is read-only.");

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("The stream is read-only.");

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            DropResponse();
        base.Dispose(disposing);
    }

    private void DropResponse()
    {
        _response?.Dispose();
        _response = null;
    }
}
