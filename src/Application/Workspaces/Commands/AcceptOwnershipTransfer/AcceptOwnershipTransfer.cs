using IaGenify.Application.Common.Auditing;
using IaGenify.Application.Common.Events;
using IaGenify.Application.Common.Exceptions;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Identity.Specifications;
using IaGenify.Application.Workspaces.Specifications;
using IaGenify.Domain.Audit;
using IaGenify.Domain.Common;
using IaGenify.Domain.Events;
using IaGenify.Domain.Identity;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.Workspaces.Commands.AcceptOwnershipTransfer;

public sealed record OwnershipTransferredData(Guid WorkspaceId, Guid NewOwnerUserId, Guid PreviousOwnerUserId);

/// <summary>
/// The admin an owner offered the workspace to accepts: they become owner and the previous owner becomes admin.
/// Anyone else presenting the token, or an expired, used or cancelled offer, is a 404.
/// </summary>
public sealed record AcceptOwnershipTransfer(string Token) : ICommand<WorkspaceDto>, IUserRequest;

internal sealed class AcceptOwnershipTransferHandler(
    RequestContext context,
    IRepository<OwnershipTransfer> transfers,
    IRepository<Workspace> workspaces,
    IRepository<User> users,
    IAuditLog auditLog,
    IEventPublisher events,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : IRequestHandler<AcceptOwnershipTransfer, WorkspaceDto>
{
    public async Task<WorkspaceDto> Handle(AcceptOwnershipTransfer request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var userId = context.Principal.RequireUserId();
        var transfer = await transfers.FirstOrNotFoundAsync(new OwnershipTransferByTokenSpec(SecureToken.Hash(request.Token)), "Ownership transfer", cancellationToken);
        var workspace = await workspaces.FirstOrDefaultAsync(new WorkspaceWithMembersSpec(transfer.WorkspaceId, acrossTenants: true), cancellationToken);
        if (workspace is null || workspace.IsDeleted)
            throw new NotFoundException("Ownership transfer");
        transfer.Accept(userId, now);
        var user = await users.FirstOrDefaultAsync(new UserByIdSpec(userId), cancellationToken);
        if (user is not { IsEmailVerified: true })
            throw new PermissionDeniedException("email_unverified", "Verify your email address before taking over a workspace.");
        // Its access tokens are refused once the suspension reaches this replica; this covers the moments before.
        user.EnsureNotSuspended();

        workspace.TransferOwnership(transfer.FromUserId, userId);
        auditLog.Record(AuditActions.WorkspaceOwnershipTransferred, workspace.Id, "user", userId.ToString(),
            new Dictionary<string, string> { ["previousOwner"] = transfer.FromUserId.ToString() });
        events.Publish(workspace.Id, EventTypes.WorkspaceOwnershipTransferred,
            new OwnershipTransferredData(workspace.Id, userId, transfer.FromUserId));
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return workspace.ToDto(Role.Owner);
    }
}
