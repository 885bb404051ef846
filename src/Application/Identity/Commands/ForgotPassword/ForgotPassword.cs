using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Identity.Specifications;
using IaGenify.Domain.Identity;
using MediatR;
using Microsoft.Extensions.Options;

namespace IaGenify.Application.Identity.Commands.ForgotPassword;

/// <summary>Mails a reset link when the account exists. The answer is the same either way (no enumeration).</summary>
[AllowAnonymous]
public sealed record ForgotPassword(string Email) : ICommand;

internal sealed class ForgotPasswordHandler(
    IRepository<User> users,
    IRepository<OneTimeToken> tokens,
    AccountEmails emails,
    IUnitOfWork unitOfWork,
    TimeProvider clock,
    IOptions<IdentityOptions> options) : IRequestHandler<ForgotPassword, Unit>
{
    public async Task<Unit> Handle(ForgotPassword request, CancellationToken cancellationToken)
    {
        var user = await users.FirstOrDefaultAsync(new UserByEmailSpec(request.Email), cancellationToken);
        if (user is null)
            return Unit.Value;

        var secret = SecureToken.Create();
        tokens.Add(OneTimeToken.Issue(user.Id, OneTimeTokenPurpose.PasswordReset, SecureToken.Hash(secret),
            clock.GetUtcNow(), options.Value.PasswordResetLifetime));
        emails.StagePasswordReset(user.Email, secret);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
