namespace IaGenify.Cluster;

/// <summary>What scripts/cluster.sh tells the scenario: where the balancer and each replica listen, and the run's bounds.</summary>
internal sealed record ClusterOptions(
    Uri Balancer,
    IReadOnlyList<Uri> Replicas,
    string Database,
    string StripeWebhookSecret,
    TimeSpan Duration,
    int MinRequests,
    int Clients,
    string FaultsFile,
    int ReceiverPort,
    int ApiKeyLimitPerMinute,
    int ContactLimitPerIp,
    TimeSpan ContactWindow)
{
    public static ClusterOptions Parse(string[] args)
    {
        string Value(string name, string? fallback = null)
        {
            var index = Array.IndexOf(args, name);
            if (index >= 0 && index + 1 < args.Length)
                return args[index + 1];
            return fallback ?? throw new ArgumentException($"{name} is required.");
        }

        return new ClusterOptions(
            new Uri(Value("--balancer")),
            Value("--replicas").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(u => new Uri(u)).ToList(),
            Value("--database"),
            Environment.GetEnvironmentVariable("Stripe__WebhookSecret") ?? throw new ArgumentException("Stripe__WebhookSecret is required."),
            TimeSpan.FromSeconds(int.Parse(Value("--seconds", "70"))),
            int.Parse(Value("--min-requests", "5000")),
            int.Parse(Value("--clients", "24")),
            Value("--faults"),
            int.Parse(Value("--receiver-port")),
            int.Parse(Value("--api-key-limit", "60")),
            int.Parse(Value("--contact-limit", "5")),
            TimeSpan.FromMinutes(int.Parse(Value("--contact-window-minutes", "10"))));
    }
}
