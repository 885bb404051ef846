namespace IaGenify.Application.Common.Idempotency;

/// <summary>
/// The Idempotency-Key a caller sent with a command (set by the host for endpoints that accept one), and whether
/// the answer is a replay of the first one.
/// </summary>
public sealed class IdempotencyContext
{
    private string? _key;

    public bool Replayed { get; private set; }

    public void Use(string key)
    {
        if (!IdempotencyKey.IsValid(key))
            throw new ArgumentException("Not a valid idempotency key.", nameof(key));
        _key = key;
    }

    /// <summary>The key, once: requests sent by a handler do not inherit the key of the request that sent them.</summary>
    public string? Take()
    {
        var key = _key;
        _key = null;
        return key;
    }

    public void MarkReplayed() => Replayed = true;
}
