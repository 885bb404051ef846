using IaGenify.Application.Common.Auditing;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using Ardalis.Specification;
using IaGenify.Application.Identity.Ports;
using IaGenify.Domain.Audit;
using IaGenify.Domain.Identity;

namespace IaGenify.Application.Identity;

/// <summary>
/// Erases an account (GDPR): sessions and emailed tokens are deleted, each module's participant erases what it holds
/// (Workspaces: every workspace keeps an owner or is abandoned, invitations sent to the address are redacted), and the
/// user row keeps only its id. Stages everything on the scope's unit of work: the caller commits once, so the erasure
/// happens whole or not at all.
/// </summary>
public sealed class AccountEraser(
    IRepository<RefreshToken> refreshTokens,
    IRepository<OneTimeToken> oneTimeTokens,
    IPasswordHasher hasher,
    IAuditLog auditLog,
    IEnumerable<IAccountErasureParticipant> participants,
    TimeProvider clock)
{
    public async Task EraseAsync(User user, string erasedBy, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        foreach (var token in await refreshTokens.ListAsync(new RefreshTokensOfUserSpec(user.Id), cancellationToken))
            refreshTokens.Remove(token);
        foreach (var token in await oneTimeTokens.ListAsync(new OneTimeTokensOfUserSpec(user.Id), cancellationToken))
            oneTimeTokens.Remove(token);

        foreach (var participant in participants)
            await participant.EraseAsync(user, now, cancellationToken);

        // Nobody knows this secret, so no password can ever match the stored hash.

        user.Erase(hasher.Hash(SecureToken.Create()), now);
        auditLog.Record(AuditActions.AccountDeleted, null, "user", user.Id.ToString(),
            new Dictionary<string, string> { ["by"] = erasedBy });
    }

    private sealed class RefreshTokensOfUserSpec : Specification<RefreshToken>
    {
        public RefreshTokensOfUserSpec(Guid userId) => Query.Where(t => t.UserId == userId);
    }

    private sealed class OneTimeTokensOfUserSpec : Specification<OneTimeToken>
    {
        public OneTimeTokensOfUserSpec(Guid userId) => Query.Where(t => t.UserId == userId);
    }
}
