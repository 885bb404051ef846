using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Identity.Ports;
using IaGenify.Application.Identity.Specifications;
using IaGenify.Domain.Common;
using IaGenify.Domain.Identity;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.Identity.Queries.GetMe;

public sealed record MyWorkspaceDto(Guid Id, string Name, Role Role);

public sealed record MeDto(Guid Id, string Email, string DisplayName, bool EmailVerified, bool IsPlatformAdmin,
    IReadOnlyList<MyWorkspaceDto> Workspaces);

/// <summary>The caller and every (not deleted) workspace they belong to, with their role in each.</summary>
public sealed record GetMe : IQuery<MeDto>, IUserRequest;

internal sealed class GetMeHandler(RequestContext context, IRepository<User> users, IUserWorkspaces workspaces)
    : IRequestHandler<GetMe, MeDto>
{
    public async Task<MeDto> Handle(GetMe request, CancellationToken cancellationToken)
    {
        var userId = context.Principal.RequireUserId();
        var user = await users.FirstOrNotFoundAsync(new UserByIdSpec(userId), "User", cancellationToken);
        var mine = await workspaces.ListAsync(userId, cancellationToken);
        return new MeDto(user.Id, user.Email, user.DisplayName, user.IsEmailVerified, context.Principal.IsPlatformAdmin, mine);
    }
}
