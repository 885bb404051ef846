using IaGenify.Domain.Workspaces;

namespace IaGenify.Application.Common.Security;

/// <summary>
/// Per-scope facts about the caller: the principal and client address (set by the host), and the workspace the
/// request acts in with the caller's role there (set by the authorization behavior, read by the tenant filter).
/// </summary>
public sealed class RequestContext
{
    private Principal _principal = Principal.Anonymous;
    private bool _principalFixed;

    /// <summary>
    /// Set at most once, by the host, before anything reads it: once a request has started acting as someone, nothing
    /// may switch it to someone else. Work that must act as the system runs in a scope of its own
    /// (<see cref="SystemScope"/>).
    /// </summary>
    public Principal Principal
    {
        get
        {
            _principalFixed = true;
            return _principal;
        }
        set
        {
            if (_principalFixed)
                throw new InvalidOperationException("The principal of a scope is fixed once it is set or read; use a new scope.");
            _principal = value;
            _principalFixed = true;
        }
    }

    public string? IpAddress { get; set; }

    /// <summary>The raw User-Agent, kept in memory for this request only: sessions store a coarse description of it.</summary>
    public string? UserAgent { get; set; }
    public Guid? WorkspaceId { get; private set; }
    public Role? WorkspaceRole { get; private set; }

    /// <summary>The workspace's row as the membership check of this request read it; null when no check read it.</summary>
    public AuthorizedWorkspace? Workspace { get; private set; }

    public void EnterWorkspace(Guid workspaceId, Role role, AuthorizedWorkspace? workspace = null)
    {
        if (WorkspaceId is { } current && current != workspaceId)
            throw new InvalidOperationException("A scope acts in one workspace only.");
        WorkspaceId = workspaceId;
        WorkspaceRole = role;
        Workspace = workspace?.Id == workspaceId ? workspace : null;
    }

    /// <summary>
    /// Leaves the workspace, so that the scope may enter the next one. Only for the system principal completing several
    /// jobs one after another in one transaction (a generation worker's batch), after it saved the previous job and
    /// cleared its unit of work; a request on behalf of a person or key never changes workspace.
    /// </summary>
    public void LeaveWorkspace()
    {
        if (_principal.Kind != PrincipalKind.System)
            throw new InvalidOperationException("Only the system leaves a workspace within a scope.");
        WorkspaceId = null;
        WorkspaceRole = null;
        Workspace = null;
    }

    public Role RequireWorkspaceRole() =>
        WorkspaceRole ?? throw new InvalidOperationException("The request has not been authorized for a workspace.");
}
