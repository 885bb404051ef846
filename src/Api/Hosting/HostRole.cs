namespace IaGenify.Api.Hosting;

/// <summary>
/// What this process does, from <c>--role</c> (or <c>Role</c>): <c>all</c> (default) serves the API and runs
/// generation workers; <c>api</c> only serves; <c>worker</c> only runs workers (and answers health checks).
/// </summary>
internal enum HostRole
{
    All,
    Api,
    Worker,
}

internal static class HostRoles
{
    public static HostRole Of(IConfiguration configuration) =>
        configuration["Role"]?.Trim().ToLowerInvariant() switch
        {
            null or "" or "all" => HostRole.All,
            "api" => HostRole.Api,
            "worker" => HostRole.Worker,
            var other => throw new InvalidOperationException($"Unknown role '{other}'; use all, api or worker."),
        };

    /// <summary>Turns the in-process workers on or off before the services read the setting.</summary>
    public static void Apply(HostRole role, IConfiguration configuration)
    {
        if (role == HostRole.Api)
            configuration["Generations:RunWorkers"] = "false";
        else if (role == HostRole.Worker)
            configuration["Generations:RunWorkers"] = "true";
    }
}
