using IaGenify.Application.Common.Exceptions;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Identity.Ports;
using IaGenify.Application.Identity.Specifications;
using IaGenify.Domain.Identity;
using MediatR;

namespace IaGenify.Application.Identity.Commands.DeleteMyAccount;

/// <summary>
/// The caller erases their own account, confirming with their password. A wrong password is a 400 on the
/// <c>password</c> field (not a 401, which clients read as "session expired"); failures are throttled like logins.
/// </summary>
public sealed record DeleteMyAccount(string Password) : ICommand, IUserRequest;

internal sealed class DeleteMyAccountHandler(
    RequestContext context,
    IRepository<User> users,
    IPasswordHasher hasher,
    ILoginThrottle throttle,
    AccountEraser eraser,
    IUnitOfWork unitOfWork) : IRequestHandler<DeleteMyAccount, Unit>
{
    public async Task<Unit> Handle(DeleteMyAccount request, CancellationToken cancellationToken)
    {
        var userId = context.Principal.RequireUserId();
        var throttleKey = $"delete-account:{userId:N}";
        if (throttle.RetryAfter(throttleKey) is { } wait)
            throw new TooManyRequestsException(wait, "Too many wrong passwords. Try again later.");

        var user = await users.FirstOrDefaultAsync(new UserByIdSpec(userId), cancellationToken);
        if (user is null || user.IsDeleted)
            throw new UnauthenticatedException("This account no longer exists.");
        if (hasher.Verify(user.PasswordHash, request.Password) == PasswordCheck.Failed)
        {
            throttle.RecordFailure(throttleKey);
            throw RequestValidationException.For("password", "The password is incorrect.");
        }

        throttle.Reset(throttleKey);
        await eraser.EraseAsync(user, "self", cancellationToken);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
