using System.Buffers;
using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using IaGenify.Application.Common.Storage;
using Microsoft.Extensions.Options;

namespace IaGenify.Infrastructure.Storage;

/// <summary>
/// Objects in an S3-compatible bucket under their key. Uploads stream: content up to one part goes in one PUT,
/// anything larger (export archives) in a multipart upload, reading one part at a time so memory stays at one part
/// whatever the size; an upload that fails is aborted, and S3 shows an object only once it is complete. Reads are
/// ranged and lazy (<see cref="S3RangeReadStream"/>).
/// </summary>
internal sealed class S3ObjectStorage : IObjectStorage, IDisposable
{
    private readonly AmazonS3Client _client;
    private readonly S3StorageOptions _options;
    private readonly string _bucket;
    private readonly SemaphoreSlim _bucketGate = new(1, 1);
    private volatile bool _bucketReady;

    public S3ObjectStorage(IOptions<StorageOptions> options)
    {
        _options = options.Value.S3;
        _bucket = string.IsNullOrWhiteSpace(_options.Bucket)
            ? throw new InvalidOperationException("Storage:Provider is s3 but Storage:S3:Bucket is not set.")
            : _options.Bucket;
        if (string.IsNullOrWhiteSpace(_options.ServiceUrl))
            throw new InvalidOperationException("Storage:Provider is s3 but Storage:S3:ServiceUrl is not set.");
        if (_options.PartSizeBytes < 5 * 1024 * 1024)
            throw new InvalidOperationException("Storage:S3:PartSizeBytes must be at least 5 MiB (S3's smallest part).");
        var config = new AmazonS3Config
        {
            ServiceURL = _options.ServiceUrl,
            ForcePathStyle = _options.ForcePathStyle,
            AuthenticationRegion = _options.Region,
            // Checksums only where the protocol requires them: several S3-compatible servers do not accept the
            // trailing-checksum (aws-chunked) uploads the SDK otherwise sends.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        AWSCredentials credentials = string.IsNullOrEmpty(_options.AccessKey)
            ? new AnonymousAWSCredentials()
            : new BasicAWSCredentials(_options.AccessKey, _options.SecretKey);
        _client = new AmazonS3Client(credentials, config);
    }

    public async Task PutAsync(string key, Stream content, string contentType, CancellationToken cancellationToken)
    {
        Check(key);
        await EnsureBucketAsync(cancellationToken);
        var partSize = _options.PartSizeBytes;
        var buffer = ArrayPool<byte>.Shared.Rent(partSize);
        try
        {
            var filled = await FillAsync(content, buffer, partSize, cancellationToken);
            if (filled < partSize)
            {
                await _client.PutObjectAsync(new PutObjectRequest
                {
                    BucketName = _bucket,
                    Key = key,
                    ContentType = contentType,
                    InputStream = new MemoryStream(buffer, 0, filled, writable: false),
                    UseChunkEncoding = false,
                }, cancellationToken);
                return;
            }
            await MultipartAsync(key, content, contentType, buffer, filled, cancellationToken);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public async Task<StoredObject?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        Check(key);
        var metadata = await MetadataAsync(key, cancellationToken);
        if (metadata is null)
            return null;
        var contentType = string.IsNullOrEmpty(metadata.Headers.ContentType) ? "application/octet-stream" : metadata.Headers.ContentType;
        var length = metadata.ContentLength;
        return new StoredObject(new S3RangeReadStream(_client, _bucket, key, length), contentType, length);
    }

    public async Task<bool> ExistsAsync(string key, CancellationToken cancellationToken)
    {
        Check(key);
        return await MetadataAsync(key, cancellationToken) is not null;
    }

    public async Task<bool> DeleteAsync(string key, CancellationToken cancellationToken)
    {
        if (!await ExistsAsync(key, cancellationToken))
            return false;
        await _client.DeleteObjectAsync(new DeleteObjectRequest { BucketName = _bucket, Key = key }, cancellationToken);
        return true;
    }

    public async Task<int> DeletePrefixAsync(string prefix, CancellationToken cancellationToken)
    {
        if (!ObjectKeys.IsValidPrefix(prefix))
            throw new ArgumentException($"'{prefix}' is not a valid object key prefix.", nameof(prefix));
        // Like a folder: "workspaces/a" must not take "workspaces/ab/…" with it.
        var folder = prefix.EndsWith('/') ? prefix : prefix + "/";
        var deleted = 0;
        string? continuation = null;
        do
        {
            ListObjectsV2Response page;
            try
            {
                page = await _client.ListObjectsV2Async(new ListObjectsV2Request
                {
                    BucketName = _bucket, Prefix = folder, ContinuationToken = continuation, MaxKeys = 1000,
                }, cancellationToken);
            }
            catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotFound)
            {
                return deleted;
            }
            var keys = page.S3Objects?.Select(o => new KeyVersion { Key = o.Key }).ToList() ?? [];
            // One by one rather than a batch DeleteObjects: every S3-compatible server has the single delete, and
            // purges are rare.
            foreach (var key in keys)
                await _client.DeleteObjectAsync(new DeleteObjectRequest { BucketName = _bucket, Key = key.Key }, cancellationToken);
            deleted += keys.Count;
            continuation = page.IsTruncated == true ? page.NextContinuationToken : null;
        }
        while (continuation is not null);
        return deleted;
    }

    public void Dispose()
    {
        _client.Dispose();
        _bucketGate.Dispose();
    }

    private async Task MultipartAsync(string key, Stream content, string contentType, byte[] buffer, int filled,
        CancellationToken cancellationToken)
    {
        var upload = await _client.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest
        {
            BucketName = _bucket, Key = key, ContentType = contentType,
        }, cancellationToken);
        var parts = new List<PartETag>();
        try
        {
            while (filled > 0)
            {
                var number = parts.Count + 1;
                var part = await _client.UploadPartAsync(new UploadPartRequest
                {
                    BucketName = _bucket,
                    Key = key,
                    UploadId = upload.UploadId,
                    PartNumber = number,
                    InputStream = new MemoryStream(buffer, 0, filled, writable: false),
                    PartSize = filled,
                    UseChunkEncoding = false,
                }, cancellationToken);
                parts.Add(new PartETag(number, part.ETag));
                filled = await FillAsync(content, buffer, _options.PartSizeBytes, cancellationToken);
            }
            await _client.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
            {
                BucketName = _bucket, Key = key, UploadId = upload.UploadId, PartETags = parts,
            }, cancellationToken);
        }
        catch
        {
            await _client.AbortMultipartUploadAsync(new AbortMultipartUploadRequest
            {
                BucketName = _bucket, Key = key, UploadId = upload.UploadId,
            }, CancellationToken.None);
            throw;
        }
    }

    private static async Task<int> FillAsync(Stream content, byte[] buffer, int size, CancellationToken cancellationToken)
    {
        var filled = 0;
        while (filled < size)
        {
            var read = await content.ReadAsync(buffer.AsMemory(filled, size - filled), cancellationToken);
            if (read == 0)
                break;
            filled += read;
        }
        return filled;
    }

    private async Task<GetObjectMetadataResponse?> MetadataAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            return await _client.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = _bucket, Key = key }, cancellationToken);
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private async Task EnsureBucketAsync(CancellationToken cancellationToken)
    {
        if (_bucketReady || !_options.CreateBucket)
            return;
        await _bucketGate.WaitAsync(cancellationToken);
        try
        {
            if (_bucketReady)
                return;
            try
            {
                await _client.PutBucketAsync(new PutBucketRequest { BucketName = _bucket }, cancellationToken);
            }
            catch (AmazonS3Exception ex) when (ex.ErrorCode is "BucketAlreadyOwnedByYou" or "BucketAlreadyExists")
            {
                // Another replica made it first.
            }
            _bucketReady = true;
        }
        finally
        {
            _bucketGate.Release();
        }
    }

    private static void Check(string key)
    {
        if (!ObjectKeys.IsValid(key))
            throw new ArgumentException($"'{key}' is not a valid object key.", nameof(key));
    }
}
