using IaGenify.Application.Common.Exceptions;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Identity.Ports;
using IaGenify.Application.Identity.Specifications;
using IaGenify.Domain.Identity;
using MediatR;
using Microsoft.Extensions.Options;

namespace IaGenify.Application.Identity.Commands.Register;

[AllowAnonymous]
public sealed record Register(string Email, string Password, string DisplayName) : ICommand<AuthResponse>;

internal sealed class RegisterHandler(
    IRepository<User> users,
    IRepository<OneTimeToken> tokens,
    IPasswordHasher hasher,
    AuthSessions sessions,
    AccountEmails emails,
    IUnitOfWork unitOfWork,
    TimeProvider clock,
    IOptions<IdentityOptions> options) : IRequestHandler<Register, AuthResponse>
{
    public async Task<AuthResponse> Handle(Register request, CancellationToken cancellationToken)
    {
        if (await users.AnyAsync(new UserByEmailSpec(request.Email), cancellationToken))
            throw new ConflictException("email_taken", "An account with this email already exists.");

        var now = clock.GetUtcNow();
        var user = User.Register(request.Email, request.DisplayName, hasher.Hash(request.Password), now);
        users.Add(user);
        var verification = SecureToken.Create();
        tokens.Add(OneTimeToken.Issue(user.Id, OneTimeTokenPurpose.EmailVerification, SecureToken.Hash(verification),
            now, options.Value.EmailVerificationLifetime));
        var session = sessions.Start(user);
        emails.StageVerification(user.Email, verification);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return session;
    }
}
