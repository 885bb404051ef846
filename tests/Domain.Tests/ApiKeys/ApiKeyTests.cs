using IaGenify.Domain.ApiKeys;
using IaGenify.Domain.Workspaces;

namespace IaGenify.Domain.Tests.ApiKeys;

public sealed class ApiKeyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly Guid Workspace = Guid.CreateVersion7();

    private static ApiKey Create(Role role = Role.Member, DateTimeOffset? expiresAt = null, string name = "CI") =>
        ApiKey.Create(Workspace, name, role, new string('a', 64), "iag_abcdefgh", Guid.CreateVersion7(), expiresAt, Now);

    [Theory]
    [InlineData(Role.Viewer)]
    [InlineData(Role.Member)]
    [InlineData(Role.Admin)]
    public void A_key_has_any_role_below_owner(Role role) => Assert.Equal(role, Create(role).Role);

    [Fact]
    public void A_key_never_has_the_owner_role() => Assert.Throws<ArgumentOutOfRangeException>(() => Create(Role.Owner));

    [Fact]
    public void An_expiry_must_be_in_the_future() => Assert.Throws<ArgumentOutOfRangeException>(() => Create(expiresAt: Now));

    [Fact]
    public void A_name_is_required_and_bounded()
    {
        Assert.Throws<ArgumentException>(() => Create(name: " "));
        Assert.Throws<ArgumentException>(() => Create(name: new string('x', ApiKey.MaxNameLength + 1)));
    }

    [Fact]
    public void A_key_is_active_until_it_expires_or_is_revoked_and_revoking_twice_changes_nothing()
    {
        var expiring = Create(expiresAt: Now.AddHours(1));
        Assert.Equal(ApiKeyStatus.Active, expiring.StatusAt(Now));
        Assert.Equal(ApiKeyStatus.Expired, expiring.StatusAt(Now.AddHours(1)));

        var revoked = Create();
        Assert.True(revoked.Revoke(Now));
        Assert.False(revoked.Revoke(Now.AddMinutes(5)));
        Assert.Equal(Now, revoked.RevokedAt);
        Assert.Equal(ApiKeyStatus.Revoked, revoked.StatusAt(Now));
    }
}
