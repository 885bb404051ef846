using IaGenify.Domain.Common;

namespace IaGenify.Domain.Generations;

/// <summary>
/// One AI job of a workspace and its life: <c>Queued → Running → Succeeded | Failed | Cancelled</c>. A running job
/// whose attempt failed for a passing reason goes back to <c>Queued</c> with a later <see cref="RunAfter"/>.
/// Workers claim queued jobs with a lease (<see cref="LeaseToken"/>, <see cref="LeaseExpiresAt"/>); only the
/// holder of the current lease may finish a job, so a job whose worker died is run again but finished once.
/// </summary>
public sealed class Generation : Entity, ITenantOwned
{
    public const int MaxIdempotencyKeyLength = 150;

    private Generation()
    {
        Input = "{}";
        Operation = string.Empty;
        ModelSettings = new ModelSettings("", "", null, null);
    }

    public Guid WorkspaceId { get; private set; }
    public GenerationKind Kind { get; private set; }

    /// <summary>The kind's input as a JSON object (prompt, target ids).</summary>
    public string Input { get; private set; }

    public ModelSettings ModelSettings { get; private set; }
    public GenerationStatus Status { get; private set; }
    public int Attempts { get; private set; }
    public string? ErrorCode { get; private set; }
    public string? ErrorMessage { get; private set; }

    /// <summary>The validated structured output, a JSON object; set on success only.</summary>
    public string? Output { get; private set; }

    /// <summary>The price-list operation charged (<c>website.generate</c> …).</summary>
    public string Operation { get; private set; }

    public long Price { get; private set; }
    public Guid? HoldId { get; private set; }

    /// <summary>When the hold lapses; a job still unfinished then fails rather than run unpaid.</summary>
    public DateTimeOffset? HoldExpiresAt { get; private set; }
    public string? IdempotencyKey { get; private set; }

    /// <summary>SHA-256 of kind and input, so that a key reused for another request is recognised.</summary>
    public string? RequestHash { get; private set; }

    public Guid? RequestedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? StartedAt { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }
    public DateTimeOffset RunAfter { get; private set; }
    public Guid? LeaseToken { get; private set; }
    public DateTimeOffset? LeaseExpiresAt { get; private set; }

    public bool IsTerminal => Status is GenerationStatus.Succeeded or GenerationStatus.Failed or GenerationStatus.Cancelled;

    public static Generation Submit(Guid workspaceId, GenerationKind kind, string input, ModelSettings settings, string operation,
        long price, Guid? requestedBy, string? idempotencyKey, string? requestHash, DateTimeOffset now)
    {
        if (workspaceId == Guid.Empty)
            throw new ArgumentException("A generation belongs to a workspace.", nameof(workspaceId));
        ArgumentOutOfRangeException.ThrowIfNegative(price);
        if (idempotencyKey is { Length: > MaxIdempotencyKeyLength })
            throw new ArgumentException($"An idempotency key has at most {MaxIdempotencyKeyLength} characters.", nameof(idempotencyKey));
        return new Generation
        {
            WorkspaceId = workspaceId,
            Kind = kind,
            Input = string.IsNullOrWhiteSpace(input) ? throw new ArgumentException("Input is required.", nameof(input)) : input,
            ModelSettings = settings,
            Operation = Guard.NotBlank(operation, 60, nameof(operation)),
            Price = price,
            RequestedBy = requestedBy,
            IdempotencyKey = idempotencyKey,
            RequestHash = requestHash,
            Status = GenerationStatus.Queued,
            CreatedAt = now,
            RunAfter = now,
        };
    }

    /// <summary>Records the credit hold that pays for this generation.</summary>
    public void AttachHold(Guid holdId, DateTimeOffset expiresAt)
    {
        if (HoldId is not null)
            throw new InvalidOperationException("A generation is paid by one hold.");
        HoldId = holdId;
        HoldExpiresAt = expiresAt;
    }

    public bool IsHoldLapsed(DateTimeOffset now) => HoldExpiresAt is { } expiresAt && now >= expiresAt;

    /// <summary>
    /// Starts an attempt under a lease: a queued job that is due, or a running job whose lease has expired (its
    /// worker died). The queue does the same in SQL for many jobs at once; this is the rule it follows.
    /// </summary>
    public void Claim(Guid leaseToken, DateTimeOffset now, TimeSpan lease)
    {
        if (!CanBeClaimed(now))
            throw new BusinessRuleException("generation.not_claimable", $"A {Status} generation cannot be claimed now.");
        Status = GenerationStatus.Running;
        Attempts++;
        LeaseToken = leaseToken;
        LeaseExpiresAt = now + lease;
        StartedAt ??= now;
    }

    public bool CanBeClaimed(DateTimeOffset now) =>
        (Status == GenerationStatus.Queued && RunAfter <= now)
        || (Status == GenerationStatus.Running && LeaseExpiresAt <= now);

    public bool IsLeasedTo(Guid leaseToken) => Status == GenerationStatus.Running && LeaseToken == leaseToken;

    public void Succeed(Guid leaseToken, string output, DateTimeOffset now)
    {
        EnsureLeasedTo(leaseToken);
        Status = GenerationStatus.Succeeded;
        Output = output;
        ErrorCode = null;
        ErrorMessage = null;
        Finish(now);
    }

    /// <summary>Puts the job back in the queue after a failed attempt, to run again at <paramref name="runAfter"/>.</summary>
    public void ScheduleRetry(Guid leaseToken, GenerationError error, DateTimeOffset runAfter)
    {
        EnsureLeasedTo(leaseToken);
        Status = GenerationStatus.Queued;
        ErrorCode = error.Code;
        ErrorMessage = error.Message;
        RunAfter = runAfter;
        LeaseToken = null;
        LeaseExpiresAt = null;
    }

    public void Fail(Guid leaseToken, GenerationError error, DateTimeOffset now)
    {
        EnsureLeasedTo(leaseToken);
        Status = GenerationStatus.Failed;
        ErrorCode = error.Code;
        ErrorMessage = error.Message;
        Finish(now);
    }

    /// <summary>Stops a queued or running job; the worker running it loses its lease and cannot finish it.</summary>
    public void Cancel(DateTimeOffset now)
    {
        if (IsTerminal)
            throw new BusinessRuleException("generation.finished", $"This generation has already {Status.ToString().ToLowerInvariant()}; it cannot be cancelled.");
        Status = GenerationStatus.Cancelled;
        Finish(now);
    }

    private void EnsureLeasedTo(Guid leaseToken)
    {
        if (!IsLeasedTo(leaseToken))
            throw new BusinessRuleException("generation.lease_lost", "This attempt no longer holds the generation's lease.");
    }

    private void Finish(DateTimeOffset now)
    {
        CompletedAt = now;
        LeaseToken = null;
        LeaseExpiresAt = null;
    }
}
