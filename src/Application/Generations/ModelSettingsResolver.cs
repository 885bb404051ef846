using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Generations.Specifications;
using IaGenify.Domain.Generations;
using Microsoft.Extensions.Options;

namespace IaGenify.Application.Generations;

/// <summary>
/// The model settings a generation runs with: the workspace's override of a kind, else the platform default for the
/// kind (<c>Ai:Defaults:&lt;kind&gt;</c>), else the provider's model (<c>Ai:Model</c>, <c>Ai:ImageModel</c>).
/// The provider itself is the platform's (<c>Ai:Provider</c>): it carries the endpoint and the key.
/// </summary>
public sealed class ModelSettingsResolver(IOptionsMonitor<AiOptions> options, IRepository<WorkspaceModelSettings> settings)
{
    public static string KindName(GenerationKind kind) => kind.ToString().ToLowerInvariant();

    public ModelSettings PlatformDefault(GenerationKind kind)
    {
        var ai = options.CurrentValue;
        var provider = ai.EffectiveProvider;
        ai.Defaults.TryGetValue(KindName(kind), out var defaults);
        var model = defaults?.Model
            ?? (provider == AiOptions.OfflineProvider ? "offline" : kind == GenerationKind.Image ? ai.ImageModel : ai.Model);
        return new ModelSettings(provider, model, defaults?.Temperature, defaults?.MaxTokens);
    }

    public static ModelSettings Apply(ModelSettings platform, ModelOverride? workspace) => workspace is null
        ? platform
        : platform with
        {
            Model = workspace.Model ?? platform.Model,
            Temperature = workspace.Temperature ?? platform.Temperature,
            MaxTokens = workspace.MaxTokens ?? platform.MaxTokens,
        };

    public async Task<ModelSettings> ForAsync(Guid workspaceId, GenerationKind kind, CancellationToken cancellationToken)
    {
        var overrides = await settings.FirstOrDefaultAsync(new WorkspaceModelSettingsSpec(workspaceId), cancellationToken);
        return Apply(PlatformDefault(kind), overrides?.For(kind));
    }
}
