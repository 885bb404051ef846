using IaGenify.Application.ApiKeys.Specifications;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using Ardalis.Specification;
using IaGenify.Application.Common.Specifications;
using IaGenify.Application.Workspaces;
using IaGenify.Domain.ApiKeys;
using IaGenify.Domain.Common;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.Admin.Queries.GetWorkspaceForSupport;

/// <summary>Support access to one workspace; the pipeline files the audit entry in that workspace's own log.</summary>
public sealed record GetWorkspaceForSupport(Guid WorkspaceId) : IQuery<SupportWorkspaceDto>, IWorkspaceSupportRequest;

internal sealed class GetWorkspaceForSupportHandler(
    IRepository<Workspace> workspaces,
    IRepository<Membership> memberships,
    IRepository<ApiKey> apiKeys,
    TimeProvider clock) : IRequestHandler<GetWorkspaceForSupport, SupportWorkspaceDto>
{
    /// <summary>Enough for any support case; the count says when a workspace has more.</summary>
    public const int MaxMembersShown = 200;

    public async Task<SupportWorkspaceDto> Handle(GetWorkspaceForSupport request, CancellationToken cancellationToken)
    {
        var workspace = await workspaces.FirstOrNotFoundAsync(new WorkspaceSpec(request.WorkspaceId), "Workspace", cancellationToken);
        var members = await memberships.ListAsync(new MembersSpec(request.WorkspaceId), cancellationToken);
        var activeKeys = await apiKeys.CountAsync(new ActiveApiKeysOfWorkspaceSpec(request.WorkspaceId, clock.GetUtcNow()), cancellationToken);
        return workspace with { Members = members, ActiveApiKeyCount = activeKeys };
    }

    private sealed class WorkspaceSpec : Specification<Workspace, SupportWorkspaceDto>
    {
        public WorkspaceSpec(Guid workspaceId)
        {
            // The member count reads memberships, which are tenant-scoped; staff read them by workspace id instead.
            Query.IgnoreTenantFilter();
            Query.Where(w => w.Id == workspaceId);
            Query.Select(w => new SupportWorkspaceDto(w.Id, w.Name, w.CreatedAt, w.DeletedAt, w.SuspendedAt, w.SuspensionReason,
                w.Members.Count, Array.Empty<MemberDto>(), 0));
        }
    }

    /// <summary>Staff are not scoped to the workspace, so its members are read across the tenant filter, by workspace id.</summary>
    private sealed class MembersSpec : Specification<Membership, MemberDto>
    {
        public MembersSpec(Guid workspaceId)
        {
            Query.IgnoreTenantFilter();
            Query.Where(m => m.WorkspaceId == workspaceId);
            Query.OrderBy(m => m.JoinedAt);
            Query.Take(MaxMembersShown);
        }
    }
}
