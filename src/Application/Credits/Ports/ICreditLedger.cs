using IaGenify.Domain.Credits;

namespace IaGenify.Application.Credits.Ports;

public sealed record CreditGrantRequest(GrantSource Source, long Amount, DateTimeOffset? ExpiresAt = null, int? Priority = null,
    string? Reference = null);

/// <summary>
/// What a ledger write returned. <see cref="Replayed"/> is true when the idempotency key had been used before:
/// the value is then the first result and nothing was written.
/// </summary>
public sealed record LedgerResult<T>(T Value, bool Replayed);

/// <summary>
/// The credit ledger, as other modules use it. Every write takes an idempotency key unique per workspace (a
/// retry returns the first result and writes nothing), locks the workspace's credit account, and stages its
/// changes in the current unit of work: the caller commits them, with the change they pay for, in its one
/// <c>SaveChangesAsync</c>. The lock is held until then, so call the ledger late and commit promptly.
/// </summary>
public interface ICreditLedger
{
    /// <summary>Reserves credits for an operation; <see cref="InsufficientCreditsException"/> (→ 402) when they do not fit.</summary>
    Task<LedgerResult<CreditHoldDto>> ReserveAsync(Guid workspaceId, string operation, long amount, string idempotencyKey,
        string? reference, CancellationToken cancellationToken);

    /// <summary>Charges at most the hold and returns the rest. A captured hold returns its first capture.</summary>
    Task<LedgerResult<CreditHoldDto>> CaptureAsync(Guid workspaceId, Guid holdId, long amount, string idempotencyKey,
        CancellationToken cancellationToken);

    /// <summary>Returns a pending hold's credits. A released or expired hold is returned as it is.</summary>
    Task<LedgerResult<CreditHoldDto>> ReleaseAsync(Guid workspaceId, Guid holdId, string idempotencyKey,
        CancellationToken cancellationToken);

    Task<LedgerResult<CreditGrantDto>> GrantAsync(Guid workspaceId, CreditGrantRequest grant, string idempotencyKey,
        CancellationToken cancellationToken);

    /// <summary>Takes unreserved credits away (a negative adjustment); refused whole beyond what is available.</summary>
    Task<LedgerResult<CreditEntryDto>> DebitAsync(Guid workspaceId, long amount, string idempotencyKey, string? reference,
        CancellationToken cancellationToken);

    /// <summary>
    /// Locks the accounts of several workspaces at once, in workspace order, and reads in a few statements what the
    /// writes that follow in this unit of work need: their open grants, the given holds and the given idempotency keys.
    /// Those writes then work on what was read, in memory, exactly as if each had read it under its own lock; a
    /// worker finishing a batch of jobs calls this first instead of paying four reads per job.
    /// </summary>
    Task PrepareAsync(IReadOnlyCollection<Guid> workspaceIds, IReadOnlyCollection<Guid> holdIds,
        IReadOnlyCollection<(Guid WorkspaceId, string Key)> idempotencyKeys, CancellationToken cancellationToken);

    /// <summary>Writes off expired grants and expires holds past their time to live.</summary>
    Task ExpireDueAsync(Guid workspaceId, CancellationToken cancellationToken);
}
