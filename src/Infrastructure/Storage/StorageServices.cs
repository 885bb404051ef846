using IaGenify.Application.Common.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IaGenify.Infrastructure.Storage;

public static class StorageServices
{
    /// <summary>The object store: local disk under <c>Storage:Root</c>.</summary>
    public static IServiceCollection AddObjectStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<StorageOptions>(configuration.GetSection(StorageOptions.Section));
        services.AddSingleton<IObjectStorage, LocalDiskObjectStorage>();
        return services;
    }
}
