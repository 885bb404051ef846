using IaGenify.Application.Common.Auditing;
using IaGenify.Application.Common.Exceptions;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Domain.Audit;
using IaGenify.Domain.Common;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.Common.Behaviors;

/// <summary>
/// Enforces the access policy each request type declares. For workspace requests it also scopes the request to
/// that workspace, which the persistence layer's tenant filter then applies to every query.
/// </summary>
public sealed class AuthorizationBehavior<TRequest, TResponse>(
    RequestContext context,
    IWorkspaceAccessReader accessReader,
    IAuditLog auditLog,
    IUnitOfWork unitOfWork)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var policy = AccessPolicy.For(typeof(TRequest));
        var principal = context.Principal;
        switch (policy.Kind)
        {
            case AccessPolicyKind.Anonymous:
                return await next();

            case AccessPolicyKind.User:
                if (principal.Kind != PrincipalKind.User)
                    throw principal.IsAuthenticated
                        ? new PermissionDeniedException("user_required", "This action needs a signed-in user, not an API key.")
                        : new UnauthenticatedException();
                return await next();

            case AccessPolicyKind.PlatformAdmin:
                if (!principal.IsAuthenticated)
                    throw new UnauthenticatedException();
                if (!principal.IsPlatformAdmin && principal.Kind != PrincipalKind.System)
                    throw new PermissionDeniedException("platform_admin_required", "This action is reserved to platform staff.");
                // Recorded before the handler runs so that a command commits it in its own transaction.
                auditLog.Record(AuditActions.PlatformAdminAccess, (request as IWorkspaceRequest)?.WorkspaceId,
                    "request", typeof(TRequest).Name);
                var response = await next();
                await unitOfWork.SaveChangesAsync(cancellationToken);
                return response;

            case AccessPolicyKind.Workspace:
                var workspaceId = request is IWorkspaceRequest scoped
                    ? scoped.WorkspaceId
                    : throw new InvalidOperationException($"{typeof(TRequest).Name} does not carry a workspace id.");
                await AuthorizeWorkspaceAsync(workspaceId, policy, cancellationToken);
                return await next();

            default:
                throw new InvalidOperationException($"Unknown access policy {policy.Kind}.");
        }
    }

    private async Task AuthorizeWorkspaceAsync(Guid workspaceId, AccessPolicy policy, CancellationToken cancellationToken)
    {
        var principal = context.Principal;
        Role? role;
        switch (principal.Kind)
        {
            case PrincipalKind.User:
                var access = await accessReader.GetAsync(workspaceId, principal.UserId, cancellationToken);
                role = access is { MemberRole: not null } && (!access.IsDeleted || policy.AllowDeletedWorkspace)
                    ? access.MemberRole
                    : null;
                break;
            case PrincipalKind.ApiKey:
                role = principal.ApiKeyWorkspaceId == workspaceId ? principal.ApiKeyRole : null;
                if (role is not null)
                {
                    var keyAccess = await accessReader.GetAsync(workspaceId, null, cancellationToken);
                    if (keyAccess is null || (keyAccess.IsDeleted && !policy.AllowDeletedWorkspace))
                        role = null;
                }
                break;
            case PrincipalKind.System:
                var systemAccess = await accessReader.GetAsync(workspaceId, null, cancellationToken);
                role = systemAccess is null ? null : Role.Owner;
                break;
            default:
                throw new UnauthenticatedException();
        }

        // Never reveal that another tenant's workspace exists.
        if (role is not { } granted)
            throw new NotFoundException("Workspace");
        if (!granted.Grants(policy.Permission!.Value))
            throw new PermissionDeniedException("permission_denied",
                $"Your role ({granted}) does not allow this action; it needs {RolePermissions.MinimumRole(policy.Permission.Value)} or above.");
        context.EnterWorkspace(workspaceId, granted);
    }
}
