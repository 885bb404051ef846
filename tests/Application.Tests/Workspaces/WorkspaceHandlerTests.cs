using IaGenify.Application.Common.Auditing;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using Ardalis.Specification;
using IaGenify.Application.Credits;
using IaGenify.Application.Credits.Ports;
using IaGenify.Application.Workspaces.Commands.CreateWorkspace;
using IaGenify.Application.Workspaces.Commands.DeleteWorkspace;
using IaGenify.Domain.Credits;
using IaGenify.Domain.Workspaces;
using Microsoft.Extensions.Options;
using NSubstitute;

namespace IaGenify.Application.Tests.Workspaces;

public sealed class WorkspaceHandlerTests
{
    private readonly IRepository<Workspace> _workspaces = Substitute.For<IRepository<Workspace>>();
    private readonly IUnitOfWork _unitOfWork = Substitute.For<IUnitOfWork>();
    private readonly IAuditLog _audit = Substitute.For<IAuditLog>();
    private readonly Guid _userId = Guid.CreateVersion7();

    [Fact]
    public async Task Creating_a_workspace_adds_it_with_the_caller_as_owner_runs_the_setup_steps_and_commits_once()
    {
        var context = new RequestContext { Principal = Principal.ForUser(_userId, "u@example.com", false) };

        var ledger = Substitute.For<ICreditLedger>();

        var welcome = new WelcomeCredits(ledger, Options.Create(new CreditOptions { WelcomeGrant = 50 }));

        var created = await new CreateWorkspaceHandler(context, _workspaces, [welcome], _unitOfWork, TimeProvider.System)
            .Handle(new CreateWorkspace("Acme"), default);

        Assert.Equal(("Acme", Role.Owner), (created.Name, created.Role));
        _workspaces.Received(1).Add(Arg.Is<Workspace>(w => w.Id == created.Id && w.Members.Single().UserId == _userId));
        await ledger.Received(1).GrantAsync(created.Id, new CreditGrantRequest(GrantSource.Welcome, 50, Reference: "welcome"),
            $"welcome:{created.Id}", Arg.Any<CancellationToken>());
        await _unitOfWork.Received(1).SaveChangesAsync(Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Deleting_a_workspace_is_audited_in_the_same_unit_of_work()
    {
        var workspace = Workspace.Create("Acme", _userId, DateTimeOffset.UtcNow);
        _workspaces.FirstOrDefaultAsync(Arg.Any<ISpecification<Workspace>>(), Arg.Any<CancellationToken>()).Returns(workspace);
        var saved = false;
        _audit.When(a => a.Record(Arg.Any<string>(), Arg.Any<Guid?>(), Arg.Any<string?>(), Arg.Any<string?>(), Arg.Any<IReadOnlyDictionary<string, string>?>()))
            .Do(_ => Assert.False(saved, "The audit entry must be staged before the commit."));
        _unitOfWork.When(u => u.SaveChangesAsync(Arg.Any<CancellationToken>())).Do(_ => saved = true);

        await new DeleteWorkspaceHandler(_workspaces, _audit, _unitOfWork, TimeProvider.System)
            .Handle(new DeleteWorkspace(workspace.Id), default);

        Assert.True(workspace.IsDeleted);
        _audit.Received(1).Record("workspace.deleted", workspace.Id, "workspace", workspace.Id.ToString(), null);
    }
}
