using IaGenify.Api.Tests.Support;
using IaGenify.Application.Common.Storage;
using IaGenify.Infrastructure.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace IaGenify.Api.Tests.Storage;

/// <summary>The same contract against a real S3-protocol server (s3rver).</summary>
public sealed class S3StorageContractTests : ObjectStorageContract, IClassFixture<S3Server>
{
    public S3StorageContractTests(S3Server server)
    {
        var options = new StorageOptions();
        new ConfigurationBuilder().AddInMemoryCollection(server.Settings("contract")).Build().GetSection(StorageOptions.Section).Bind(options);
        Storage = new S3ObjectStorage(Options.Create(options));
    }

    protected override IObjectStorage Storage { get; }
}
