using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Identity;
using IaGenify.Application.Identity.Specifications;
using IaGenify.Domain.Common;
using IaGenify.Domain.Identity;
using MediatR;

namespace IaGenify.Application.Admin.Commands.DeleteUserAccount;

/// <summary>Platform staff erase an account on the user's behalf (a GDPR request received by support).</summary>
public sealed record DeleteUserAccount(Guid UserId) : ICommand, IPlatformAdminRequest;

internal sealed class DeleteUserAccountHandler(IRepository<User> users, AccountEraser eraser, IUnitOfWork unitOfWork)
    : IRequestHandler<DeleteUserAccount, Unit>
{
    public async Task<Unit> Handle(DeleteUserAccount request, CancellationToken cancellationToken)
    {
        var user = await users.FirstOrDefaultAsync(new UserByIdSpec(request.UserId), cancellationToken);
        if (user is null || user.IsDeleted)
            throw new NotFoundException("User");
        await eraser.EraseAsync(user, "platform_admin", cancellationToken);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
