using IaGenify.Application.Common.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IaGenify.Infrastructure.Storage;

public static class StorageServices
{
    /// <summary>
    /// The object store: local disk under <c>Storage:Root</c> by default, or an S3-compatible bucket with
    /// <c>Storage:Provider=s3</c> (what several replicas need: every one reads what another wrote).
    /// </summary>
    public static IServiceCollection AddObjectStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<StorageOptions>(configuration.GetSection(StorageOptions.Section));
        services.AddSingleton<LocalDiskObjectStorage>();
        services.AddSingleton<S3ObjectStorage>();
        services.AddSingleton<IObjectStorage>(provider =>
            provider.GetRequiredService<IOptions<StorageOptions>>().Value.Provider.Trim().ToLowerInvariant() switch
            {
                "local" or "" => provider.GetRequiredService<LocalDiskObjectStorage>(),
                "s3" => provider.GetRequiredService<S3ObjectStorage>(),
                var other => throw new InvalidOperationException($"Unknown Storage:Provider '{other}'; use local or s3."),
            });
        return services;
    }
}
