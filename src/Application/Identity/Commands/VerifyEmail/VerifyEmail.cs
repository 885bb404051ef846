using IaGenify.Application.Common.Exceptions;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Identity.Specifications;
using IaGenify.Domain.Identity;
using MediatR;

namespace IaGenify.Application.Identity.Commands.VerifyEmail;

[AllowAnonymous]
public sealed record VerifyEmail(string Token) : ICommand;

internal sealed class VerifyEmailHandler(
    IRepository<OneTimeToken> tokens,
    IRepository<User> users,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : IRequestHandler<VerifyEmail, Unit>
{
    public async Task<Unit> Handle(VerifyEmail request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var token = await tokens.FirstOrDefaultAsync(
            new OneTimeTokenByHashSpec(SecureToken.Hash(request.Token), OneTimeTokenPurpose.EmailVerification), cancellationToken);
        if (token is null || !token.IsUsable(now))
            throw RequestValidationException.For("token", "This verification link is invalid or has expired.");
        var user = await users.FirstOrDefaultAsync(new UserByIdSpec(token.UserId), cancellationToken)
            ?? throw RequestValidationException.For("token", "This verification link is invalid or has expired.");

        token.Consume(now);
        user.MarkEmailVerified(now);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
