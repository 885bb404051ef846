using IaGenify.Application.Common.Auditing;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Identity.Specifications;
using IaGenify.Domain.Audit;
using IaGenify.Domain.Common;
using IaGenify.Domain.Identity;
using Mapster;
using MediatR;

namespace IaGenify.Application.Admin.Commands.UnsuspendUser;

/// <summary>
/// Lifts an account's suspension: the user can sign in again and the API keys they created work again. The sessions
/// ended by the suspension stay ended.
/// </summary>
public sealed record UnsuspendUser(Guid UserId) : ICommand<AdminUserDto>, IPlatformAdminRequest;

internal sealed class UnsuspendUserHandler(
    IRepository<User> users,
    IAuditLog auditLog,
    IUnitOfWork unitOfWork) : IRequestHandler<UnsuspendUser, AdminUserDto>
{
    public async Task<AdminUserDto> Handle(UnsuspendUser request, CancellationToken cancellationToken)
    {
        var user = await users.FirstOrDefaultAsync(new UserByIdSpec(request.UserId), cancellationToken);
        if (user is null || user.IsDeleted)
            throw new NotFoundException("User");
        user.Unsuspend();
        auditLog.Record(AuditActions.UserUnsuspended, null, "user", user.Id.ToString());
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return user.Adapt<AdminUserDto>();
    }
}
