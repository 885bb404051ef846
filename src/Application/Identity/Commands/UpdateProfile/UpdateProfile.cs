using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Domain.Identity;
using MediatR;

namespace IaGenify.Application.Identity.Commands.UpdateProfile;

/// <summary>The caller changes their display name.</summary>
public sealed record UpdateProfile(string DisplayName) : ICommand<UserDto>, IUserRequest;

internal sealed class UpdateProfileHandler(RequestContext context, IRepository<User> users, IUnitOfWork unitOfWork)
    : IRequestHandler<UpdateProfile, UserDto>
{
    public async Task<UserDto> Handle(UpdateProfile request, CancellationToken cancellationToken)
    {
        var user = await users.LoadAsync(context, cancellationToken);
        user.Rename(request.DisplayName);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return AuthSessions.ToDto(user);
    }
}
