using IaGenify.Domain.Common;

namespace IaGenify.Infrastructure.Idempotency;

/// <summary>
/// The first response to a command sent with an Idempotency-Key, kept for replays until <see cref="ExpiresAt"/>.
/// Holds the request's fingerprint (a hash), never the request itself.
/// </summary>
public sealed class IdempotencyRecord : Entity
{
    private IdempotencyRecord()
    {
        Scope = Key = RequestType = Fingerprint = Response = string.Empty;
    }

    public string Scope { get; private set; }
    public string Key { get; private set; }
    public string RequestType { get; private set; }
    public string Fingerprint { get; private set; }
    public string Response { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }

    public static IdempotencyRecord Create(string scope, string key, string requestType, string fingerprint, string response,
        DateTimeOffset now, TimeSpan retention) => new()
    {
        Scope = scope,
        Key = key,
        RequestType = requestType,
        Fingerprint = fingerprint,
        Response = response,
        CreatedAt = now,
        ExpiresAt = now + retention,
    };
}
