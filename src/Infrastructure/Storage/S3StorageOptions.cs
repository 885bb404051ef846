namespace IaGenify.Infrastructure.Storage;

/// <summary>
/// Configuration section <c>Storage:S3</c>: any S3-compatible service (AWS S3, Cloudflare R2, MinIO, Ceph RGW).
/// Path-style addressing and a custom service URL are what the non-AWS ones need.
/// </summary>
public sealed class S3StorageOptions
{
    /// <summary>Base URL of the service (e.g. <c>https://s3.eu-west-1.amazonaws.com</c>, <c>http://127.0.0.1:9000</c>).</summary>
    public string? ServiceUrl { get; set; }

    public string? Bucket { get; set; }
    public string? AccessKey { get; set; }
    public string? SecretKey { get; set; }

    /// <summary>Signing region; most non-AWS services accept any value.</summary>
    public string Region { get; set; } = "us-east-1";

    public bool ForcePathStyle { get; set; } = true;

    /// <summary>Objects larger than one part are uploaded in parts of this size (S3's minimum is 5 MiB).</summary>
    public int PartSizeBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>Creates the bucket at first use when missing (development and tests; production buckets are provisioned).</summary>
    public bool CreateBucket { get; set; }
}
