using IaGenify.Infrastructure.Security;
using IaGenify.Infrastructure.Security.Revocations;
using Microsoft.Extensions.Options;

namespace IaGenify.Api.Tests.Identity;

/// <summary>How a lifted suspension travels between replicas and what it removes from the revocation set.</summary>
public sealed class UserReinstatementTests
{
    private static readonly DateTimeOffset SuspendedAt = DateTimeOffset.UtcNow.AddTicks(1234);

    [Fact]
    public void A_lifted_suspension_read_from_a_notification_lets_new_tokens_of_the_same_second_through()
    {
        var set = NewSet();
        var user = Guid.CreateVersion7();
        set.RevokeUser(user, SuspendedAt);
        var sameSecond = new DateTimeOffset(SuspendedAt.Ticks - SuspendedAt.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
        Assert.True(set.IsRevoked(user, null, sameSecond));

        var payload = new AccessRevocationBatch([], [], [(user, SuspendedAt)]).ToPayload();
        set.Apply(AccessRevocationBatch.Parse(payload)!);

        Assert.Equal($"r:{user:N}:{SuspendedAt.ToUnixTimeMilliseconds()}", payload);
        Assert.False(set.IsRevoked(user, null, sameSecond));
    }

    [Fact]
    public void Lifting_a_suspension_keeps_a_later_revocation_of_the_user()
    {
        var set = NewSet();
        var user = Guid.CreateVersion7();
        set.RevokeUser(user, SuspendedAt.AddSeconds(5));

        set.ReinstateUser(user, SuspendedAt);

        Assert.True(set.IsRevoked(user, null, SuspendedAt.AddSeconds(4)));
    }

    private static AccessRevocationSet NewSet() => new(Options.Create(new JwtOptions()), TimeProvider.System);
}
