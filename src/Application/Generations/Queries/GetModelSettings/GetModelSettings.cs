using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Generations.Specifications;
using IaGenify.Domain.Generations;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.Generations.Queries.GetModelSettings;

[RequiresPermission(Permission.ModelSettingsManage)]
public sealed record GetModelSettings(Guid WorkspaceId) : IQuery<ModelSettingsDto>, IWorkspaceRequest;

internal sealed class GetModelSettingsHandler(IRepository<WorkspaceModelSettings> settings, ModelSettingsResolver resolver)
    : IRequestHandler<GetModelSettings, ModelSettingsDto>
{
    public async Task<ModelSettingsDto> Handle(GetModelSettings request, CancellationToken cancellationToken)
    {
        var overrides = await settings.FirstOrDefaultAsync(new WorkspaceModelSettingsSpec(request.WorkspaceId), cancellationToken);
        return Describe(resolver, overrides);
    }

    internal static ModelSettingsDto Describe(ModelSettingsResolver resolver, WorkspaceModelSettings? overrides)
    {
        var kinds = Enum.GetValues<GenerationKind>().Select(kind =>
        {
            var platform = resolver.PlatformDefault(kind);
            var custom = overrides?.For(kind);
            var effective = ModelSettingsResolver.Apply(platform, custom);
            return new KindModelSettingsDto(kind,
                new ModelChoiceDto(platform.Model, platform.Temperature, platform.MaxTokens),
                custom is null ? null : new ModelOverrideDto(custom.Kind, custom.Model, custom.Temperature, custom.MaxTokens),
                new ModelChoiceDto(effective.Model, effective.Temperature, effective.MaxTokens));
        }).ToList();
        return new ModelSettingsDto(resolver.PlatformDefault(GenerationKind.Website).Provider, kinds);
    }
}
