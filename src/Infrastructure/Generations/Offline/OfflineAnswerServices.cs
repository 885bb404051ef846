using Microsoft.Extensions.DependencyInjection;

namespace IaGenify.Infrastructure.Generations.Offline;

internal static class OfflineAnswerServices
{
    public static IServiceCollection AddOfflineAnswer<T>(this IServiceCollection services) where T : class, IOfflineAnswer =>
        services.AddSingleton<IOfflineAnswer, T>();
}
