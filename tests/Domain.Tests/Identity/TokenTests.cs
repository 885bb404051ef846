using IaGenify.Domain.Common;
using IaGenify.Domain.Identity;

namespace IaGenify.Domain.Tests.Identity;

public sealed class TokenTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_refresh_token_is_exchanged_once()
    {
        var token = RefreshToken.Issue(Guid.CreateVersion7(), Guid.CreateVersion7(), "hash", Now, TimeSpan.FromDays(1));
        token.Exchange(Now);
        Assert.True(token.WasExchangedOrRevoked);
        Assert.Equal("refresh_token.reused", Assert.Throws<BusinessRuleException>(() => token.Exchange(Now)).Code);
    }

    [Fact]
    public void An_expired_or_revoked_refresh_token_cannot_be_exchanged()
    {
        var expired = RefreshToken.Issue(Guid.CreateVersion7(), Guid.CreateVersion7(), "hash", Now, TimeSpan.FromDays(1));
        Assert.Throws<BusinessRuleException>(() => expired.Exchange(Now.AddDays(1)));
        var revoked = RefreshToken.Issue(Guid.CreateVersion7(), Guid.CreateVersion7(), "hash", Now, TimeSpan.FromDays(1));
        revoked.Revoke(Now);
        Assert.Throws<BusinessRuleException>(() => revoked.Exchange(Now));
    }

    [Fact]
    public void A_mailed_token_works_once_until_it_expires()
    {
        var token = OneTimeToken.Issue(Guid.CreateVersion7(), OneTimeTokenPurpose.PasswordReset, "hash", Now, TimeSpan.FromHours(1));
        Assert.False(token.IsUsable(Now.AddHours(1)));
        token.Consume(Now.AddMinutes(5));
        Assert.Throws<BusinessRuleException>(() => token.Consume(Now.AddMinutes(6)));
    }

    [Fact]
    public void A_user_is_registered_with_a_normalized_email_and_unverified()
    {
        var user = User.Register("  Ada@Example.COM ", " Ada ", "hash", Now);
        Assert.Equal(("ada@example.com", "Ada", false), (user.Email, user.DisplayName, user.IsEmailVerified));
        user.MarkEmailVerified(Now);
        user.MarkEmailVerified(Now.AddDays(1));
        Assert.Equal(Now, user.EmailVerifiedAt);
    }
}
