using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Identity.Specifications;
using IaGenify.Domain.Identity;

namespace IaGenify.Application.Identity;

/// <summary>
/// Ends sessions by revoking the still-valid refresh tokens of their families, staged on the scope's unit of work.
/// Revoked families are what the access-token revocation check reads, so their access tokens stop too.
/// </summary>
public sealed class SessionRevoker(IRepository<RefreshToken> refreshTokens, TimeProvider clock)
{
    /// <summary>Revokes one family of the user; false when the user has no live session with that id.</summary>
    public async Task<bool> RevokeAsync(Guid userId, Guid familyId, CancellationToken cancellationToken)
    {
        var tokens = await refreshTokens.ListAsync(ActiveRefreshTokensSpec.OfFamily(familyId), cancellationToken);
        var now = clock.GetUtcNow();
        var live = tokens.Where(t => t.UserId == userId && !t.IsExpired(now)).ToList();
        foreach (var token in tokens.Where(t => t.UserId == userId))
            token.Revoke(now);
        return live.Count > 0;
    }

    /// <summary>Revokes every family of the user except <paramref name="keep"/> (the caller's own session); returns how many.</summary>
    public async Task<int> RevokeAllAsync(Guid userId, Guid? keep, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var families = new HashSet<Guid>();
        foreach (var token in await refreshTokens.ListAsync(ActiveRefreshTokensSpec.OfUser(userId), cancellationToken))
        {
            if (token.FamilyId == keep)
                continue;
            token.Revoke(now);
            if (!token.IsExpired(now))
                families.Add(token.FamilyId);
        }
        return families.Count;
    }
}
