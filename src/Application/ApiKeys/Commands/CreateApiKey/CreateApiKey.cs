using IaGenify.Application.Billing.Entitlements;
using IaGenify.Application.Common.Auditing;
using IaGenify.Application.Common.Exceptions;
using IaGenify.Application.Common.Idempotency;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Domain.ApiKeys;
using IaGenify.Domain.Audit;
using IaGenify.Domain.Common;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.ApiKeys.Commands.CreateApiKey;

/// <summary>Creates a key for automation clients; the answer is the only place its secret ever appears.</summary>
[RequiresVerifiedEmail]
[RequiresPermission(Permission.ApiKeysManage)]
[ResponseContainsSecret]
public sealed record CreateApiKey(Guid WorkspaceId, string Name, Role Role, DateTimeOffset? ExpiresAt = null)
    : ICommand<CreatedApiKeyDto>, IWorkspaceRequest;

internal sealed class CreateApiKeyHandler(
    RequestContext context,
    IRepository<ApiKey> apiKeys,
    IEntitlements entitlements,
    IAuditLog auditLog,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : IRequestHandler<CreateApiKey, CreatedApiKeyDto>
{
    public async Task<CreatedApiKeyDto> Handle(CreateApiKey request, CancellationToken cancellationToken)
    {
        // A key minting keys would let a leaked key outlive its own revocation.
        if (context.Principal.Kind != PrincipalKind.User)
            throw new PermissionDeniedException("api_key.user_required", "API keys are created by a signed-in member, not by another key.");
        if (request.Role > context.RequireWorkspaceRole())
            throw new PermissionDeniedException("permission_denied", "A key cannot hold a higher role than yours.");
        if (!ApiKey.IsAssignable(request.Role))
            throw RequestValidationException.For("role", CreateApiKeyValidator.RoleMessage);
        await entitlements.EnsureApiAccessAsync(request.WorkspaceId, cancellationToken);

        var secret = ApiKeySecret.Create();
        var apiKey = ApiKey.Create(request.WorkspaceId, request.Name, request.Role, ApiKeySecret.Hash(secret),
            ApiKeySecret.DisplayPrefixOf(secret), context.Principal.UserId, request.ExpiresAt, clock.GetUtcNow());
        apiKeys.Add(apiKey);
        auditLog.Record(AuditActions.ApiKeyCreated, apiKey.WorkspaceId, "api_key", apiKey.Id.ToString(),
            new Dictionary<string, string> { ["role"] = apiKey.Role.ToString() });
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return new CreatedApiKeyDto(apiKey.Id, apiKey.Name, apiKey.Role, secret, apiKey.DisplayPrefix, apiKey.CreatedAt, apiKey.ExpiresAt);
    }
}
