namespace IaGenify.Application.Common.Security;

/// <summary>
/// Which signed access tokens no longer stand although they have not expired: those of a revoked session (refresh-token
/// family) and those issued to a user before the account was erased or suspended. Answered from memory on every request.
/// Revocation itself is state-driven: revoking a family, erasing or suspending a user the normal way, through the unit
/// of work, is what feeds it, on every replica.
/// </summary>
public interface IAccessRevocations
{
    bool IsRevoked(Guid userId, Guid? sessionId, DateTimeOffset issuedAt);
}
