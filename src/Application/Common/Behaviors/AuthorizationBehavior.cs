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
                // Recorded before the handler runs so that a command commits it in its own transaction. Filed under the
                // workspace it concerns, if any, so that the workspace's admins see support access in their own log.
                auditLog.Record(AuditActions.PlatformAdminAccess, (request as IWorkspaceSupportRequest)?.WorkspaceId,
                    "request", typeof(TRequest).Name);
                // Support acting on one workspace is scoped to it like its members are, so the tenant filter keeps
                // applying; staff act with owner rights there.
                if (request is IWorkspaceSupportRequest support)
                    context.EnterWorkspace(support.WorkspaceId, Role.Owner);
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
        if (!principal.IsAuthenticated)
            throw new UnauthenticatedException();
        // A key acts in its own workspace only; any other workspace is answered as if it did not exist.
        if (principal.Kind == PrincipalKind.ApiKey && principal.ApiKeyWorkspaceId != workspaceId)
            throw new NotFoundException("Workspace");

        var access = await accessReader.GetAsync(workspaceId, principal.Kind == PrincipalKind.User ? principal.UserId : null,
            cancellationToken);
        var role = access is null ? null : principal.Kind switch
        {
            PrincipalKind.User or PrincipalKind.ApiKey when access.IsDeleted && !policy.AllowDeletedWorkspace => null,
            PrincipalKind.User => access.MemberRole,
            PrincipalKind.ApiKey => principal.ApiKeyRole,
            _ => Role.Owner,
        };

        // Never reveal that another tenant's workspace exists.
        if (role is not { } granted)
            throw new NotFoundException("Workspace");
        // A plan that does not include API access (after a downgrade) stops the keys that already exist too.
        if (principal.ApiKeyAllowance is { ApiAccess: false } allowance)
            throw PlanLimitException.FeatureUnavailable(allowance.PlanCode, allowance.PlanName, "apiAccess", "API access");
        // People only: API keys are not people and have no second factor or mailbox.
        if (principal.Kind == PrincipalKind.User && access!.RequiresMfa && !access.UserHasMfa)
            throw new PermissionDeniedException("mfa_required",
                "This workspace requires two-factor authentication. Turn it on for your account (POST /api/v1/me/mfa/totp) to continue.");
        if (!granted.Grants(policy.Permission!.Value))
            throw new PermissionDeniedException("permission_denied",
                $"Your role ({granted}) does not allow this action; it needs {RolePermissions.MinimumRole(policy.Permission.Value)} or above.");
        if (principal.Kind == PrincipalKind.User && policy.RequiresVerifiedEmail && !access!.UserEmailVerified)
            throw new PermissionDeniedException("email_unverified",
                "Verify your email address first: inviting members, creating API keys, publishing a site and starting a " +
                "checkout need a verified email. Open the link we emailed you, or ask for a new one with POST /api/v1/auth/resend-verification.");
        // Suspension makes the workspace read-only for the people and keys that use it; the platform's own workers
        // still finish what was already under way.
        if (access!.IsSuspended && policy.IsCommand && principal.Kind != PrincipalKind.System)
            throw new WorkspaceSuspendedException();
        context.EnterWorkspace(workspaceId, granted, access.Workspace);
    }
}
