namespace IaGenify.Api.Hosting;

/// <summary>
/// What this process does, from <c>--role</c> (or <c>Role</c>): <c>all</c> (default) serves the API and runs the
/// background work; <c>api</c> only serves HTTP; <c>worker</c> runs the background work (generation workers, webhook
/// dispatcher, email outbox dispatcher, export and purge workers, credit and idempotency sweeps) and answers health checks. Every loop
/// coordinates through PostgreSQL, so any number of replicas of either role can run.
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

    /// <summary>The switches of every background loop of the process.</summary>
    private static readonly string[] BackgroundWork =
    [
        "Generations:RunWorkers",
        "Webhooks:DispatcherEnabled",
        "Exports:WorkerEnabled",
        "Workspaces:Purge:WorkerEnabled",
        "Credits:RunSweeper",
        "Idempotency:SweeperEnabled",
        "Analytics:MaintenanceEnabled",
        "Analytics:Reports:WorkerEnabled",
        "Mailbox:Delivery:WorkerEnabled",
        "Email:Outbox:DispatcherEnabled",
    ];

    /// <summary>Turns the background loops on or off before the services read their settings.</summary>
    public static void Apply(HostRole role, IConfiguration configuration)
    {
        if (role == HostRole.Api)
        {
            foreach (var key in BackgroundWork)
                configuration[key] = "false";
        }
        else if (role == HostRole.Worker)
        {
            configuration["Generations:RunWorkers"] = "true";
        }
    }
}
