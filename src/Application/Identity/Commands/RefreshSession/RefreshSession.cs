using IaGenify.Application.Common.Exceptions;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Identity.Specifications;
using IaGenify.Domain.Identity;
using MediatR;

namespace IaGenify.Application.Identity.Commands.RefreshSession;

/// <summary>Exchanges a refresh token for a new access token and the next refresh token of the same family.</summary>
[AllowAnonymous]
public sealed record RefreshSession(string RefreshToken) : ICommand<AuthResponse>;

internal sealed class RefreshSessionHandler(
    IRepository<RefreshToken> refreshTokens,
    IRepository<User> users,
    AuthSessions sessions,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : IRequestHandler<RefreshSession, AuthResponse>
{
    public async Task<AuthResponse> Handle(RefreshSession request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var token = await refreshTokens.FirstOrDefaultAsync(
            new RefreshTokenByHashSpec(SecureToken.Hash(request.RefreshToken)), cancellationToken)
            ?? throw new UnauthenticatedException("The refresh token is not valid.");
        var user = await users.FirstOrDefaultAsync(new UserByIdSpec(token.UserId), cancellationToken)
            ?? throw new UnauthenticatedException("The refresh token is not valid.");
        // Before the revocation check: the suspension revoked this session, and "sign in again" would not help.
        user.EnsureNotSuspended();

        if (token.WasExchangedOrRevoked)
        {
            // A used token coming back means it was copied: end every session descended from it.
            await RevokeFamilyAsync(token.FamilyId, now, cancellationToken);
            throw new UnauthenticatedException("The refresh token was already used; sign in again.");
        }
        if (token.IsExpired(now))
            throw new UnauthenticatedException("The refresh token has expired; sign in again.");

        token.Exchange(now);
        var session = sessions.Continue(user, token);
        try
        {
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }
        catch (ConflictException)
        {
            // Another request exchanged the same token at the same moment: only one of them may win.
            throw new UnauthenticatedException("The refresh token was already used; sign in again.");
        }
        return session;
    }

    private async Task RevokeFamilyAsync(Guid familyId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var sibling in await refreshTokens.ListAsync(ActiveRefreshTokensSpec.OfFamily(familyId), cancellationToken))
            sibling.Revoke(now);
        try
        {
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }
        catch (ConflictException)
        {
            // A concurrent exchange touched the family at the same moment; the caller is refused either way.
        }
    }
}
