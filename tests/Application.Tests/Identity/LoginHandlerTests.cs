using IaGenify.Application.Common.Exceptions;
using IaGenify.Application.Common.Persistence;
using Ardalis.Specification;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Identity;
using IaGenify.Application.Identity.Commands.Login;
using IaGenify.Application.Identity.Ports;
using IaGenify.Domain.Identity;
using Microsoft.Extensions.Options;
using NSubstitute;

namespace IaGenify.Application.Tests.Identity;

public sealed class LoginHandlerTests
{
    private readonly IRepository<User> _users = Substitute.For<IRepository<User>>();
    private readonly IRepository<RefreshToken> _refreshTokens = Substitute.For<IRepository<RefreshToken>>();
    private readonly IPasswordHasher _hasher = Substitute.For<IPasswordHasher>();
    private readonly ILoginThrottle _throttle = Substitute.For<ILoginThrottle>();
    private readonly IUnitOfWork _unitOfWork = Substitute.For<IUnitOfWork>();
    private readonly IAccessTokenIssuer _tokens = Substitute.For<IAccessTokenIssuer>();

    private readonly IRepository<OneTimeToken> _oneTimeTokens = Substitute.For<IRepository<OneTimeToken>>();

    private LoginHandler Handler() => new(_users, _oneTimeTokens, _hasher, _throttle,
        new AuthSessions(_refreshTokens, _tokens, new RequestContext(), TimeProvider.System, Options.Create(new IdentityOptions())),
        _unitOfWork, TimeProvider.System, Options.Create(new IdentityOptions()));

    [Fact]
    public async Task A_throttled_email_is_refused_without_checking_the_password()
    {
        _throttle.RetryAfter("login:ada@example.com").Returns(TimeSpan.FromMinutes(3));

        var error = await Assert.ThrowsAsync<TooManyRequestsException>(() =>
            Handler().Handle(new Login("Ada@Example.com", "secret"), default));

        Assert.Equal(TimeSpan.FromMinutes(3), error.RetryAfter);
        _hasher.DidNotReceiveWithAnyArgs().Verify(default!, default!);
    }

    [Fact]
    public async Task An_unknown_email_still_checks_a_password_and_counts_a_failure()
    {
        _hasher.Hash(Arg.Any<string>()).Returns("decoy-hash");
        _hasher.Verify(Arg.Any<string>(), Arg.Any<string>()).Returns(PasswordCheck.Failed);

        await Assert.ThrowsAsync<UnauthenticatedException>(() => Handler().Handle(new Login("ghost@example.com", "secret"), default));

        _hasher.ReceivedWithAnyArgs(1).Verify(default!, default!);
        _throttle.Received(1).RecordFailure("login:ghost@example.com");
        await _unitOfWork.DidNotReceiveWithAnyArgs().SaveChangesAsync(default);
    }

    [Fact]
    public async Task A_correct_password_starts_a_session_and_clears_failures()
    {
        var user = User.Register("ada@example.com", "Ada", "stored-hash", DateTimeOffset.UtcNow);
        _users.FirstOrDefaultAsync(Arg.Any<ISpecification<User>>(), Arg.Any<CancellationToken>()).Returns(user);
        _hasher.Verify("stored-hash", "secret").Returns(PasswordCheck.SucceededRehashNeeded);
        _hasher.Hash("secret").Returns("stronger-hash");
        _tokens.Issue(user, Arg.Any<Guid?>()).Returns(new AccessToken("jwt", TimeSpan.FromMinutes(15)));

        var session = (await Handler().Handle(new Login("ada@example.com", "secret"), default)).Session!;

        Assert.Equal(("jwt", 900, user.Id), (session.AccessToken, session.ExpiresIn, session.User.Id));
        Assert.Equal("stronger-hash", user.PasswordHash);
        _throttle.Received(1).Reset("login:ada@example.com");
        _refreshTokens.Received(1).Add(Arg.Is<RefreshToken>(t => t.UserId == user.Id && t.TokenHash != session.RefreshToken));
        await _unitOfWork.Received(1).SaveChangesAsync(Arg.Any<CancellationToken>());
    }
}
