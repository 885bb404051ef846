namespace IaGenify.Application.Common.Idempotency;

/// <summary>Who may share keys (a workspace, or one principal outside workspaces), the key, and what was asked.</summary>
public sealed record IdempotencyRequest(string Scope, string Key, string RequestType, string Fingerprint);

public enum IdempotencyOutcome
{
    /// <summary>First use of the key: run the command, then <see cref="IIdempotencyClaim.CompleteAsync"/>.</summary>
    Acquired,
    /// <summary>The same request already completed: answer with <see cref="IIdempotencyClaim.StoredResponse"/>.</summary>
    Replay,
    /// <summary>The key was used for a different request.</summary>
    Mismatch,
    /// <summary>The same key is being processed right now by another request.</summary>
    InFlight,
}

/// <summary>
/// The replay store, shared by every replica. A claim holds a database transaction that the command's own unit of
/// work joins, so the command's changes and its stored response commit together or not at all.
/// </summary>
public interface IIdempotencyStore
{
    Task<IIdempotencyClaim> ClaimAsync(IdempotencyRequest request, CancellationToken cancellationToken);
}

public interface IIdempotencyClaim : IAsyncDisposable
{
    IdempotencyOutcome Outcome { get; }

    /// <summary>The first response, serialized with <see cref="IdempotencyJson.Options"/>, when the outcome is a replay.</summary>
    string? StoredResponse { get; }

    /// <summary>Stores the response and commits the transaction. Disposing a claim that was not completed rolls it back.</summary>
    Task CompleteAsync(string response, CancellationToken cancellationToken);
}
