using IaGenify.Application.ApiKeys.Specifications;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Paging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Domain.ApiKeys;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.ApiKeys.Queries.ListApiKeys;

/// <summary>Every key of the workspace, revoked and expired ones included, newest first; never a secret.</summary>
[RequiresPermission(Permission.ApiKeysManage)]
public sealed record ListApiKeys(Guid WorkspaceId, int Limit = Cursor.DefaultLimit, string? Cursor = null)
    : IQuery<CursorPage<ApiKeyDto>>, IWorkspaceRequest;

internal sealed class ListApiKeysHandler(IRepository<ApiKey> apiKeys, TimeProvider clock)
    : IRequestHandler<ListApiKeys, CursorPage<ApiKeyDto>>
{
    public async Task<CursorPage<ApiKeyDto>> Handle(ListApiKeys request, CancellationToken cancellationToken)
    {
        var rows = await apiKeys.ListAsync(new ApiKeysPageSpec(request.WorkspaceId, Cursor.Decode(request.Cursor),
            request.Limit + 1, clock.GetUtcNow()), cancellationToken);
        return Cursor.Page(rows, request.Limit, k => k.Id);
    }
}
