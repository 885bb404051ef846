using System.Collections.Concurrent;

namespace IaGenify.Cluster;

internal sealed record SubmittedGeneration(Guid WorkspaceId, Guid Id, string Kind);

internal sealed record UploadedAsset(ApiClient Owner, Guid WorkspaceId, Guid Id, byte[] Content);

internal sealed record StripeDelivery(string EventId, string SessionId, Guid WorkspaceId, int Copies);

/// <summary>What the clients did, shared between them, for the checks at the end.</summary>
internal sealed class ScenarioRecord
{
    public ConcurrentBag<SubmittedGeneration> Generations { get; } = [];
    public ConcurrentBag<UploadedAsset> Assets { get; } = [];
    public ConcurrentBag<StripeDelivery> StripeEvents { get; } = [];
    public ConcurrentBag<Guid> WebhookEndpoints { get; } = [];
    public ConcurrentBag<Guid> Workspaces { get; } = [];

    /// <summary>Unix milliseconds of the requests a limit admitted, per probe.</summary>
    public ConcurrentQueue<long> ApiKeyAdmitted { get; } = new();
    public ConcurrentQueue<long> ContactAdmitted { get; } = new();

    /// <summary>The first published site, which the contact-limit probe posts to.</summary>
    public TaskCompletionSource<string> FirstSite { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int ClientsStarted;
}
