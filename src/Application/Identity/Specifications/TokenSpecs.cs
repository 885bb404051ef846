using Ardalis.Specification;
using IaGenify.Domain.Identity;

namespace IaGenify.Application.Identity.Specifications;

public sealed class RefreshTokenByHashSpec : Specification<RefreshToken>
{
    public RefreshTokenByHashSpec(string tokenHash) => Query.Where(t => t.TokenHash == tokenHash);
}

/// <summary>The still-valid tokens of a family (or of every family of a user), to revoke them together.</summary>
public sealed class ActiveRefreshTokensSpec : Specification<RefreshToken>
{
    public static ActiveRefreshTokensSpec OfFamily(Guid familyId) => new(t => t.FamilyId == familyId);
    public static ActiveRefreshTokensSpec OfUser(Guid userId) => new(t => t.UserId == userId);

    private ActiveRefreshTokensSpec(System.Linq.Expressions.Expression<Func<RefreshToken, bool>> owner)
    {
        Query.Where(owner);
        Query.Where(t => t.RevokedAt == null && t.UsedAt == null);
    }
}

public sealed class OneTimeTokenByHashSpec : Specification<OneTimeToken>
{
    public OneTimeTokenByHashSpec(string tokenHash, OneTimeTokenPurpose purpose)
    {
        Query.Where(t => t.TokenHash == tokenHash && t.Purpose == purpose);
    }
}
