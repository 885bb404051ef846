using IaGenify.Application.Common.Auditing;
using IaGenify.Application.Common.Events;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using Ardalis.Specification;
using IaGenify.Application.Workspaces;
using IaGenify.Application.Workspaces.Commands.RemoveMember;
using IaGenify.Domain.Events;
using IaGenify.Domain.Workspaces;
using NSubstitute;

namespace IaGenify.Application.Tests.Workspaces;

public sealed class MemberEventTests
{
    private readonly IRepository<Workspace> _workspaces = Substitute.For<IRepository<Workspace>>();
    private readonly IEventPublisher _events = Substitute.For<IEventPublisher>();
    private readonly IUnitOfWork _unitOfWork = Substitute.For<IUnitOfWork>();

    [Fact]
    public async Task Removing_a_member_stages_member_removed_in_the_same_unit_of_work()
    {
        var owner = Guid.CreateVersion7();
        var member = Guid.CreateVersion7();
        var workspace = Workspace.Create("Acme", owner, DateTimeOffset.UtcNow);
        workspace.AddMember(member, Role.Member, DateTimeOffset.UtcNow);
        _workspaces.FirstOrDefaultAsync(Arg.Any<ISpecification<Workspace>>(), Arg.Any<CancellationToken>()).Returns(workspace);
        var context = new RequestContext { Principal = Principal.ForUser(owner, "owner@example.com", false) };
        context.EnterWorkspace(workspace.Id, Role.Owner);
        var saved = false;
        _events.When(e => e.Publish(Arg.Any<Guid>(), Arg.Any<string>(), Arg.Any<object>(), Arg.Any<Guid?>()))
            .Do(_ => Assert.False(saved, "The event must be staged before the commit."));
        _unitOfWork.When(u => u.SaveChangesAsync(Arg.Any<CancellationToken>())).Do(_ => saved = true);

        await new RemoveMemberHandler(context, _workspaces, Substitute.For<IAuditLog>(), _events, _unitOfWork)
            .Handle(new RemoveMember(workspace.Id, member), default);

        _events.Received(1).Publish(workspace.Id, EventTypes.MemberRemoved, new MemberRemovedData(member, Role.Member, false), null);
        await _unitOfWork.Received(1).SaveChangesAsync(Arg.Any<CancellationToken>());
    }
}
