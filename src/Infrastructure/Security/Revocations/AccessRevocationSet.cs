using System.Collections.Concurrent;
using IaGenify.Application.Common.Security;
using Microsoft.Extensions.Options;

namespace IaGenify.Infrastructure.Security.Revocations;

/// <summary>
/// The revoked sessions and users of the last access-token lifetime, in memory. An entry older than that cannot match
/// a token that is still valid, so it is dropped: the set stays as small as the recent revocations. That holds for a
/// suspension that lasts longer too: a suspended account is issued no token, so none newer than the entry can exist.
/// </summary>
public sealed class AccessRevocationSet(IOptions<JwtOptions> jwt, TimeProvider clock) : IAccessRevocations
{
    /// <summary>The validator's clock skew plus a margin: a token can be accepted that long after it expired.</summary>
    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<Guid, DateTimeOffset> _sessions = new();
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> _users = new();

    /// <summary>Revocations older than this cannot matter any more.</summary>
    public DateTimeOffset Horizon => clock.GetUtcNow() - jwt.Value.AccessTokenLifetime - Skew;

    public bool IsRevoked(Guid userId, Guid? sessionId, DateTimeOffset issuedAt) =>
        (sessionId is { } session && _sessions.ContainsKey(session))
        // JWT times have whole seconds: a token issued in the second of the erasure is refused too.
        || (_users.TryGetValue(userId, out var revokedAt) && issuedAt <= revokedAt);

    public void RevokeSession(Guid sessionId, DateTimeOffset revokedAt) =>
        _sessions.AddOrUpdate(sessionId, revokedAt, (_, existing) => existing > revokedAt ? existing : revokedAt);

    public void RevokeUser(Guid userId, DateTimeOffset revokedAt) =>
        _users.AddOrUpdate(userId, revokedAt, (_, existing) => existing > revokedAt ? existing : revokedAt);

    /// <summary>
    /// Lifting the suspension of <paramref name="suspendedAt"/> lets tokens issued from now on through, even within the
    /// second of the suspension (JWT times have whole seconds). The tokens issued before it stay refused by their
    /// sessions, revoked with it. A later revocation of the user (an erasure) is kept.
    /// </summary>
    public void ReinstateUser(Guid userId, DateTimeOffset suspendedAt)
    {
        // The same instant arrives in ticks (this replica), microseconds (PostgreSQL) or milliseconds (NOTIFY).
        if (_users.TryGetValue(userId, out var revokedAt) && revokedAt < suspendedAt + TimeSpan.FromMilliseconds(1))
            _users.TryRemove(new KeyValuePair<Guid, DateTimeOffset>(userId, revokedAt));
    }

    public void Apply(AccessRevocationBatch batch)
    {
        foreach (var (session, at) in batch.Sessions)
            RevokeSession(session, at);
        foreach (var (user, at) in batch.Users)
            RevokeUser(user, at);
        foreach (var (user, at) in batch.ReinstatedUsers)
            ReinstateUser(user, at);
    }

    public void Prune()
    {
        var horizon = Horizon;
        foreach (var (key, at) in _sessions)
            if (at < horizon)
                _sessions.TryRemove(key, out _);
        foreach (var (key, at) in _users)
            if (at < horizon)
                _users.TryRemove(key, out _);
    }
}
