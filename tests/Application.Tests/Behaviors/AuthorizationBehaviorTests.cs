using IaGenify.Application.Admin;
using IaGenify.Application.Admin.Queries.GetWorkspaceForSupport;
using IaGenify.Application.Admin.Queries.ListAllWorkspaces;
using IaGenify.Application.Common.Auditing;
using IaGenify.Application.Common.Behaviors;
using IaGenify.Application.Common.Exceptions;
using IaGenify.Application.Common.Paging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Identity.Queries.GetMe;
using IaGenify.Application.Workspaces;
using IaGenify.Application.Workspaces.Commands.UpdateWorkspace;
using IaGenify.Application.Workspaces.Commands.RestoreWorkspace;
using IaGenify.Application.Workspaces.Queries.GetWorkspace;
using IaGenify.Domain.Common;
using IaGenify.Domain.Workspaces;
using MediatR;
using NSubstitute;

namespace IaGenify.Application.Tests.Behaviors;

public sealed class AuthorizationBehaviorTests
{
    // A request's principal is fixed once read; each simulated request gets a context of its own.
    private RequestContext _context = new();
    private readonly IWorkspaceAccessReader _access = Substitute.For<IWorkspaceAccessReader>();
    private readonly IAuditLog _audit = Substitute.For<IAuditLog>();
    private readonly IUnitOfWork _unitOfWork = Substitute.For<IUnitOfWork>();
    private readonly Guid _workspaceId = Guid.CreateVersion7();
    private readonly Guid _userId = Guid.CreateVersion7();
    private bool _handlerRan;

    private AuthorizationBehavior<TRequest, TResponse> Behavior<TRequest, TResponse>() where TRequest : notnull =>
        new(_context, _access, _audit, _unitOfWork);

    private RequestHandlerDelegate<T> Handler<T>() => () =>
    {
        _handlerRan = true;
        return Task.FromResult<T>(default!);
    };

    private void SignedInAs(Role? role, bool deleted = false, bool suspended = false)
    {
        _context.Principal = Principal.ForUser(_userId, "user@example.com", isPlatformAdmin: false);
        _access.GetAsync(_workspaceId, _userId, Arg.Any<CancellationToken>()).Returns(new WorkspaceAccess(deleted, role, suspended));
    }

    [Fact]
    public async Task A_non_member_is_told_the_workspace_does_not_exist()
    {
        SignedInAs(role: null);

        await Assert.ThrowsAsync<NotFoundException>(() =>
            Behavior<UpdateWorkspace, WorkspaceDto>().Handle(new UpdateWorkspace(_workspaceId, "x", null), default, Handler<WorkspaceDto>()));

        Assert.False(_handlerRan);
        Assert.Null(_context.WorkspaceId);
    }

    [Fact]
    public async Task A_member_without_the_permission_is_forbidden()
    {
        SignedInAs(Role.Viewer);

        await Assert.ThrowsAsync<PermissionDeniedException>(() =>
            Behavior<UpdateWorkspace, WorkspaceDto>().Handle(new UpdateWorkspace(_workspaceId, "x", null), default, Handler<WorkspaceDto>()));

        Assert.False(_handlerRan);
    }

    [Fact]
    public async Task A_member_with_the_permission_proceeds_scoped_to_the_workspace()
    {
        SignedInAs(Role.Admin);

        await Behavior<UpdateWorkspace, WorkspaceDto>().Handle(new UpdateWorkspace(_workspaceId, "x", null), default, Handler<WorkspaceDto>());

        Assert.True(_handlerRan);
        Assert.Equal((_workspaceId, Role.Admin), (_context.WorkspaceId, _context.WorkspaceRole));
    }

    [Fact]
    public async Task The_row_read_by_the_check_is_kept_for_the_request_and_nothing_is_kept_when_it_is_refused()
    {
        var row = new AuthorizedWorkspace(_workspaceId, "Acme", DateTimeOffset.UnixEpoch, null, null, RequiresMfa: false);
        _context.Principal = Principal.ForUser(_userId, "user@example.com", isPlatformAdmin: false);
        _access.GetAsync(_workspaceId, _userId, Arg.Any<CancellationToken>()).Returns(new WorkspaceAccess(false, Role.Viewer, Workspace: row));

        await Behavior<GetWorkspace, WorkspaceDto>().Handle(new GetWorkspace(_workspaceId), default, Handler<WorkspaceDto>());
        Assert.Same(row, _context.Workspace);

        _context = new RequestContext();
        _context.Principal = Principal.ForUser(_userId, "user@example.com", isPlatformAdmin: false);
        await Assert.ThrowsAsync<PermissionDeniedException>(() =>
            Behavior<UpdateWorkspace, WorkspaceDto>().Handle(new UpdateWorkspace(_workspaceId, "x", null), default, Handler<WorkspaceDto>()));
        Assert.Null(_context.Workspace);
    }

    [Fact]
    public async Task A_deleted_workspace_is_gone_except_for_requests_that_restore_it()
    {
        SignedInAs(Role.Owner, deleted: true);

        await Assert.ThrowsAsync<NotFoundException>(() =>
            Behavior<UpdateWorkspace, WorkspaceDto>().Handle(new UpdateWorkspace(_workspaceId, "x", null), default, Handler<WorkspaceDto>()));
        await Behavior<RestoreWorkspace, WorkspaceDto>().Handle(new RestoreWorkspace(_workspaceId), default, Handler<WorkspaceDto>());

        Assert.True(_handlerRan);
    }

    [Fact]
    public async Task An_api_key_of_another_workspace_is_told_nothing_exists()
    {
        _context.Principal = Principal.ForApiKey(Guid.CreateVersion7(), Guid.CreateVersion7(), Role.Admin, ApiKeyAllowance.Unrestricted);

        await Assert.ThrowsAsync<NotFoundException>(() =>
            Behavior<UpdateWorkspace, WorkspaceDto>().Handle(new UpdateWorkspace(_workspaceId, "x", null), default, Handler<WorkspaceDto>()));

        await _access.DidNotReceiveWithAnyArgs().GetAsync(default, default, default);
    }

    [Fact]
    public async Task Anonymous_callers_are_unauthenticated_and_api_keys_are_not_users()
    {
        await Assert.ThrowsAsync<UnauthenticatedException>(() => Behavior<GetMe, MeDto>().Handle(new GetMe(), default, Handler<MeDto>()));
        _context = new RequestContext();
        _context.Principal = Principal.ForApiKey(Guid.CreateVersion7(), _workspaceId, Role.Admin, ApiKeyAllowance.Unrestricted);
        await Assert.ThrowsAsync<PermissionDeniedException>(() => Behavior<GetMe, MeDto>().Handle(new GetMe(), default, Handler<MeDto>()));
        Assert.False(_handlerRan);
    }

    [Fact]
    public async Task Platform_admin_requests_are_refused_to_customers_and_audited_for_staff()
    {
        _context.Principal = Principal.ForUser(_userId, "customer@example.com", isPlatformAdmin: false);
        await Assert.ThrowsAsync<PermissionDeniedException>(() => Behavior<ListAllWorkspaces, CursorPage<AdminWorkspaceDto>>().Handle(new ListAllWorkspaces(), default, Handler<CursorPage<AdminWorkspaceDto>>()));
        _audit.DidNotReceiveWithAnyArgs().Record(default!, default, default, default);

        _context = new RequestContext();
        _context.Principal = Principal.ForUser(_userId, "staff@example.com", isPlatformAdmin: true);
        await Behavior<ListAllWorkspaces, CursorPage<AdminWorkspaceDto>>().Handle(new ListAllWorkspaces(), default, Handler<CursorPage<AdminWorkspaceDto>>());

        _audit.Received(1).Record("platform.admin_access", null, "request", nameof(ListAllWorkspaces), null);
        await _unitOfWork.Received(1).SaveChangesAsync(Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task A_suspended_workspace_refuses_commands_and_answers_queries()
    {
        SignedInAs(Role.Owner, suspended: true);

        await Assert.ThrowsAsync<WorkspaceSuspendedException>(() =>
            Behavior<UpdateWorkspace, WorkspaceDto>().Handle(new UpdateWorkspace(_workspaceId, "x", null), default, Handler<WorkspaceDto>()));
        Assert.False(_handlerRan);

        await Behavior<GetWorkspace, WorkspaceDto>().Handle(new GetWorkspace(_workspaceId), default, Handler<WorkspaceDto>());
        Assert.True(_handlerRan);
    }

    [Fact]
    public async Task Suspension_binds_api_keys_but_not_the_platform_itself()
    {
        _access.GetAsync(_workspaceId, null, Arg.Any<CancellationToken>()).Returns(new WorkspaceAccess(false, null, IsSuspended: true));
        _context.Principal = Principal.ForApiKey(Guid.CreateVersion7(), _workspaceId, Role.Admin, ApiKeyAllowance.Unrestricted);
        await Assert.ThrowsAsync<WorkspaceSuspendedException>(() =>
            Behavior<UpdateWorkspace, WorkspaceDto>().Handle(new UpdateWorkspace(_workspaceId, "x", null), default, Handler<WorkspaceDto>()));

        var system = new RequestContext { Principal = Principal.System };
        await new AuthorizationBehavior<UpdateWorkspace, WorkspaceDto>(system, _access, _audit, _unitOfWork)
            .Handle(new UpdateWorkspace(_workspaceId, "x", null), default, Handler<WorkspaceDto>());
        Assert.True(_handlerRan);
    }

    [Fact]
    public async Task An_api_key_with_the_permission_proceeds_with_its_own_role()
    {
        _access.GetAsync(_workspaceId, null, Arg.Any<CancellationToken>()).Returns(new WorkspaceAccess(false, null));
        _context.Principal = Principal.ForApiKey(Guid.CreateVersion7(), _workspaceId, Role.Admin, ApiKeyAllowance.Unrestricted);

        await Behavior<UpdateWorkspace, WorkspaceDto>().Handle(new UpdateWorkspace(_workspaceId, "x", null), default, Handler<WorkspaceDto>());

        Assert.Equal((_workspaceId, Role.Admin), (_context.WorkspaceId, _context.WorkspaceRole));
    }

    [Fact]
    public async Task Support_access_to_a_workspace_is_audited_in_that_workspace()
    {
        _context.Principal = Principal.ForUser(_userId, "staff@example.com", isPlatformAdmin: true);

        await Behavior<GetWorkspaceForSupport, SupportWorkspaceDto>()
            .Handle(new GetWorkspaceForSupport(_workspaceId), default, Handler<SupportWorkspaceDto>());

        _audit.Received(1).Record("platform.admin_access", _workspaceId, "request", nameof(GetWorkspaceForSupport), null);
    }
}
