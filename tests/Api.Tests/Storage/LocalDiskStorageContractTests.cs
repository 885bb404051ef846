using IaGenify.Application.Common.Storage;
using IaGenify.Infrastructure.Storage;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace IaGenify.Api.Tests.Storage;

public sealed class LocalDiskStorageContractTests : ObjectStorageContract, IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("iagenify-disk-").FullName;

    public LocalDiskStorageContractTests() =>
        Storage = new LocalDiskObjectStorage(Options.Create(new StorageOptions { Root = _root }), new Environment(_root));

    protected override IObjectStorage Storage { get; }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private sealed class Environment(string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Testing";
        public string ApplicationName { get; set; } = "IaGenify.Api";
        public string ContentRootPath { get; set; } = root;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
