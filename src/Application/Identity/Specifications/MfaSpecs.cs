using Ardalis.Specification;
using IaGenify.Domain.Identity;

namespace IaGenify.Application.Identity.Specifications;

public sealed class UnusedRecoveryCodeSpec : Specification<RecoveryCode>
{
    public UnusedRecoveryCodeSpec(Guid userId, string codeHash) =>
        Query.Where(c => c.UserId == userId && c.CodeHash == codeHash && c.UsedAt == null);
}

public sealed class RecoveryCodesOfUserSpec : Specification<RecoveryCode>
{
    public RecoveryCodesOfUserSpec(Guid userId) => Query.Where(c => c.UserId == userId);
}

/// <summary>The emailed tokens of one purpose a user can still use, to retire them when a newer one is sent.</summary>
public sealed class UsableOneTimeTokensSpec : Specification<OneTimeToken>
{
    public UsableOneTimeTokensSpec(Guid userId, OneTimeTokenPurpose purpose, DateTimeOffset now) =>
        Query.Where(t => t.UserId == userId && t.Purpose == purpose && t.UsedAt == null && t.ExpiresAt > now);
}
