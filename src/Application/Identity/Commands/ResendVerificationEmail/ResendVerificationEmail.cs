using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Identity.Specifications;
using IaGenify.Domain.Common;
using IaGenify.Domain.Identity;
using MediatR;
using Microsoft.Extensions.Options;

namespace IaGenify.Application.Identity.Commands.ResendVerificationEmail;

public sealed record ResendVerificationEmail : ICommand, IUserRequest;

internal sealed class ResendVerificationEmailHandler(
    RequestContext context,
    IRepository<User> users,
    IRepository<OneTimeToken> tokens,
    AccountEmails emails,
    IUnitOfWork unitOfWork,
    TimeProvider clock,
    IOptions<IdentityOptions> options) : IRequestHandler<ResendVerificationEmail, Unit>
{
    public async Task<Unit> Handle(ResendVerificationEmail request, CancellationToken cancellationToken)
    {
        var user = await users.FirstOrNotFoundAsync(new UserByIdSpec(context.Principal.RequireUserId()), "User", cancellationToken);
        if (user.IsEmailVerified)
            return Unit.Value;

        var secret = SecureToken.Create();
        tokens.Add(OneTimeToken.Issue(user.Id, OneTimeTokenPurpose.EmailVerification, SecureToken.Hash(secret),
            clock.GetUtcNow(), options.Value.EmailVerificationLifetime));
        emails.StageVerification(user.Email, secret);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
