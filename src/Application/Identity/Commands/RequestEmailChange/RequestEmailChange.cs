using IaGenify.Application.Common.Auditing;
using IaGenify.Application.Common.Exceptions;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Identity.Specifications;
using IaGenify.Domain.Audit;
using IaGenify.Domain.Common;
using IaGenify.Domain.Identity;
using MediatR;
using Microsoft.Extensions.Options;

namespace IaGenify.Application.Identity.Commands.RequestEmailChange;

/// <summary>
/// The caller asks to move their account to another address, confirming with their password. A link goes to the
/// new address; nothing changes until it is opened. A newer request retires the links of earlier ones.
/// </summary>
public sealed record RequestEmailChange(string NewEmail, string Password) : ICommand, IUserRequest;

internal sealed class RequestEmailChangeHandler(
    RequestContext context,
    IRepository<User> users,
    IRepository<OneTimeToken> tokens,
    PasswordConfirmation confirmation,
    IAuditLog auditLog,
    SecurityEmails emails,
    IUnitOfWork unitOfWork,
    TimeProvider clock,
    IOptions<IdentityOptions> options) : IRequestHandler<RequestEmailChange, Unit>
{
    public async Task<Unit> Handle(RequestEmailChange request, CancellationToken cancellationToken)
    {
        var user = await users.LoadAsync(context, cancellationToken);
        confirmation.Confirm(user, request.Password, "password");
        var newEmail = EmailAddress.Normalize(request.NewEmail);
        if (newEmail == user.Email)
            throw RequestValidationException.For("newEmail", "This is already your email address.");
        if (await users.AnyAsync(new UserByEmailSpec(newEmail), cancellationToken))
            throw new ConflictException("email_taken", "An account with this email already exists.");

        var now = clock.GetUtcNow();
        foreach (var earlier in await tokens.ListAsync(new UsableOneTimeTokensSpec(user.Id, OneTimeTokenPurpose.EmailChange, now), cancellationToken))
            earlier.Consume(now);
        var secret = SecureToken.Create();
        tokens.Add(OneTimeToken.Issue(user.Id, OneTimeTokenPurpose.EmailChange, SecureToken.Hash(secret), now,
            options.Value.EmailChangeLifetime, newEmail));
        auditLog.Record(AuditActions.AccountEmailChangeRequested, null, "user", user.Id.ToString());
        emails.StageEmailChangeConfirmation(newEmail, secret);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
