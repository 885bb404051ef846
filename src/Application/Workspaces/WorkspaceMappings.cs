using IaGenify.Domain.Workspaces;
using Mapster;

namespace IaGenify.Application.Workspaces;

internal sealed class WorkspaceMappings : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<Membership, MemberDto>()
            .Map(d => d.Email, s => s.User!.Email)
            .Map(d => d.DisplayName, s => s.User!.DisplayName);
    }
}
