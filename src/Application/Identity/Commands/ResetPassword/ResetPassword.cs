using IaGenify.Application.Common.Exceptions;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Identity.Ports;
using IaGenify.Application.Identity.Specifications;
using IaGenify.Domain.Identity;
using MediatR;

namespace IaGenify.Application.Identity.Commands.ResetPassword;

/// <summary>Sets a new password from an emailed token and signs the account out everywhere.</summary>
[AllowAnonymous]
public sealed record ResetPassword(string Token, string NewPassword) : ICommand;

internal sealed class ResetPasswordHandler(
    IRepository<OneTimeToken> tokens,
    IRepository<User> users,
    IRepository<RefreshToken> refreshTokens,
    IPasswordHasher hasher,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : IRequestHandler<ResetPassword, Unit>
{
    public async Task<Unit> Handle(ResetPassword request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var token = await tokens.FirstOrDefaultAsync(
            new OneTimeTokenByHashSpec(SecureToken.Hash(request.Token), OneTimeTokenPurpose.PasswordReset), cancellationToken);
        if (token is null || !token.IsUsable(now))
            throw RequestValidationException.For("token", "This reset link is invalid or has expired.");
        var user = await users.FirstOrDefaultAsync(new UserByIdSpec(token.UserId), cancellationToken)
            ?? throw RequestValidationException.For("token", "This reset link is invalid or has expired.");
        // The link stays unused: it works again if the suspension is lifted before it expires.
        user.EnsureNotSuspended();

        token.Consume(now);
        user.ChangePasswordHash(hasher.Hash(request.NewPassword));
        // Receiving the link proves the address belongs to the user.
        user.MarkEmailVerified(now);
        foreach (var session in await refreshTokens.ListAsync(ActiveRefreshTokensSpec.OfUser(user.Id), cancellationToken))
            session.Revoke(now);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
