using IaGenify.Domain.Identity;
using IaGenify.Domain.Workspaces;
using Mapster;

namespace IaGenify.Application.Admin;

internal sealed class AdminMappings : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<Workspace, AdminWorkspaceDto>().Map(d => d.MemberCount, s => s.Members.Count);
        config.NewConfig<User, AdminUserDto>().Map(d => d.EmailVerified, s => s.IsEmailVerified);
    }
}
