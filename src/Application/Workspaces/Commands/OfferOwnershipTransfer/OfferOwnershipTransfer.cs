using IaGenify.Application.Common.Auditing;
using IaGenify.Application.Common.Exceptions;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Identity;
using IaGenify.Application.Identity.Specifications;
using IaGenify.Application.Workspaces.Specifications;
using IaGenify.Domain.Audit;
using IaGenify.Domain.Common;
using IaGenify.Domain.Identity;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.Workspaces.Commands.OfferOwnershipTransfer;

public sealed record OwnershipTransferDto(Guid Id, Guid UserId, DateTimeOffset ExpiresAt);

/// <summary>
/// An owner offers the workspace to one of its admins whose email is verified. The admin receives a link and
/// accepts it; until then nothing changes. A newer offer cancels the open ones.
/// </summary>
[RequiresPermission(Permission.OwnershipManage)]
public sealed record OfferOwnershipTransfer(Guid WorkspaceId, Guid UserId) : ICommand<OwnershipTransferDto>, IWorkspaceRequest;

internal sealed class OfferOwnershipTransferHandler(
    RequestContext context,
    IRepository<Workspace> workspaces,
    IRepository<User> users,
    IRepository<OwnershipTransfer> transfers,
    IAuditLog auditLog,
    SecurityEmails emails,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : IRequestHandler<OfferOwnershipTransfer, OwnershipTransferDto>
{
    public async Task<OwnershipTransferDto> Handle(OfferOwnershipTransfer request, CancellationToken cancellationToken)
    {
        var ownerId = context.Principal.RequireUserId();
        var workspace = await workspaces.FirstOrNotFoundAsync(new WorkspaceWithMembersSpec(request.WorkspaceId), "Workspace", cancellationToken);
        if (request.UserId == ownerId)
            throw RequestValidationException.For("userId", "You already own this workspace.");
        if (workspace.FindMember(request.UserId) is not { Role: Role.Admin })
            throw RequestValidationException.For("userId", "Ownership can only go to an admin of this workspace. Make them an admin first.");
        var target = await users.FirstOrDefaultAsync(new UserByIdSpec(request.UserId), cancellationToken);
        if (target is null || target.IsDeleted || !target.IsEmailVerified)
            throw RequestValidationException.For("userId", "This admin has not verified their email address yet.");
        var owner = await users.FirstOrDefaultAsync(new UserByIdSpec(ownerId), cancellationToken)
            ?? throw new UnauthenticatedException("This account no longer exists.");

        var now = clock.GetUtcNow();
        foreach (var open in await transfers.ListAsync(new OpenOwnershipTransfersSpec(workspace.Id, now), cancellationToken))
            open.Cancel(now);
        var secret = SecureToken.Create();
        var transfer = OwnershipTransfer.Offer(workspace.Id, ownerId, target.Id, SecureToken.Hash(secret), now);
        transfers.Add(transfer);
        auditLog.Record(AuditActions.WorkspaceOwnershipTransferOffered, workspace.Id, "user", target.Id.ToString());
        emails.StageOwnershipTransfer(target.Email, workspace.Name, owner.DisplayName, secret);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return new OwnershipTransferDto(transfer.Id, target.Id, transfer.ExpiresAt);
    }
}
