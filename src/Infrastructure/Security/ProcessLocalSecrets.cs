using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace IaGenify.Infrastructure.Security;

/// <summary>
/// Outside Production a missing JWT signing key or webhook key is made up per process, which is only sound when
/// one process serves: a second replica could not verify the first one's tokens nor read its endpoint secrets.
/// So a process that is told it runs among several (<c>Redis:Connection</c> set, or <c>Cluster:Replicas</c> above 1)
/// makes up nothing and refuses to start without shared keys.
/// </summary>
public static class ProcessLocalSecrets
{
    public static bool Allowed(IHostEnvironment environment, IConfiguration configuration) =>
        !environment.IsProduction()
        && string.IsNullOrWhiteSpace(configuration["Redis:Connection"])
        && configuration.GetValue("Cluster:Replicas", 1) <= 1;
}
