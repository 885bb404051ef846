using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Identity.Specifications;
using IaGenify.Domain.Identity;
using MediatR;

namespace IaGenify.Application.Identity.Commands.Logout;

/// <summary>
/// Ends the session the refresh token belongs to. Anonymous because the access token may already have expired;
/// the refresh token is the proof. Unknown tokens succeed too, so that logout is idempotent.
/// </summary>
[AllowAnonymous]
public sealed record Logout(string RefreshToken) : ICommand;

internal sealed class LogoutHandler(IRepository<RefreshToken> refreshTokens, IUnitOfWork unitOfWork, TimeProvider clock)
    : IRequestHandler<Logout, Unit>
{
    public async Task<Unit> Handle(Logout request, CancellationToken cancellationToken)
    {
        var token = await refreshTokens.FirstOrDefaultAsync(
            new RefreshTokenByHashSpec(SecureToken.Hash(request.RefreshToken)), cancellationToken);
        if (token is null)
            return Unit.Value;

        var now = clock.GetUtcNow();
        token.Revoke(now);
        foreach (var sibling in await refreshTokens.ListAsync(ActiveRefreshTokensSpec.OfFamily(token.FamilyId), cancellationToken))
            sibling.Revoke(now);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
