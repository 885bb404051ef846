using IaGenify.Application.Common.Auditing;
using IaGenify.Application.Common.Exceptions;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Identity.Specifications;
using IaGenify.Domain.Audit;
using IaGenify.Domain.Identity;
using MediatR;

namespace IaGenify.Application.Identity.Commands.ConfirmEmailChange;

/// <summary>
/// Opens the link sent to the new address: the account moves to it (verified, since it received the link) and the
/// previous address is told. Anonymous like email verification: the token is the proof.
/// </summary>
[AllowAnonymous]
public sealed record ConfirmEmailChange(string Token) : ICommand;

internal sealed class ConfirmEmailChangeHandler(
    IRepository<OneTimeToken> tokens,
    IRepository<User> users,
    IAuditLog auditLog,
    SecurityEmails emails,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : IRequestHandler<ConfirmEmailChange, Unit>
{
    private const string Invalid = "This confirmation link is invalid or has expired.";

    public async Task<Unit> Handle(ConfirmEmailChange request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var token = await tokens.FirstOrDefaultAsync(
            new OneTimeTokenByHashSpec(SecureToken.Hash(request.Token), OneTimeTokenPurpose.EmailChange), cancellationToken);
        if (token is null || !token.IsUsable(now) || token.Data is not { } newEmail)
            throw RequestValidationException.For("token", Invalid);
        var user = await users.FirstOrDefaultAsync(new UserByIdSpec(token.UserId), cancellationToken);
        if (user is null || user.IsDeleted)
            throw RequestValidationException.For("token", Invalid);
        if (await users.AnyAsync(new UserByEmailSpec(newEmail), cancellationToken))
            throw new ConflictException("email_taken", "An account with this email was created meanwhile; choose another address.");

        var previous = user.Email;
        token.Consume(now);
        user.ChangeEmail(newEmail, now);
        auditLog.Record(AuditActions.AccountEmailChanged, null, "user", user.Id.ToString());
        emails.StageEmailChanged(previous);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
