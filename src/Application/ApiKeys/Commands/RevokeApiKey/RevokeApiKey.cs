using IaGenify.Application.ApiKeys.Specifications;
using IaGenify.Application.Common.Auditing;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Domain.ApiKeys;
using IaGenify.Domain.Audit;
using IaGenify.Domain.Common;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.ApiKeys.Commands.RevokeApiKey;

/// <summary>Revokes a key at once; revoking it again changes nothing.</summary>
[RequiresPermission(Permission.ApiKeysManage)]
public sealed record RevokeApiKey(Guid WorkspaceId, Guid ApiKeyId) : ICommand, IWorkspaceRequest;

internal sealed class RevokeApiKeyHandler(
    IRepository<ApiKey> apiKeys,
    IAuditLog auditLog,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : IRequestHandler<RevokeApiKey, Unit>
{
    public async Task<Unit> Handle(RevokeApiKey request, CancellationToken cancellationToken)
    {
        var apiKey = await apiKeys.FirstOrNotFoundAsync(new ApiKeyByIdSpec(request.WorkspaceId, request.ApiKeyId), "API key", cancellationToken);
        if (!apiKey.Revoke(clock.GetUtcNow()))
            return Unit.Value;
        auditLog.Record(AuditActions.ApiKeyRevoked, apiKey.WorkspaceId, "api_key", apiKey.Id.ToString());
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
