using IaGenify.Domain.Common;

namespace IaGenify.Domain.Generations;

/// <summary>A workspace's override of the platform's model defaults for one kind; unset values keep the default.</summary>
public sealed record ModelOverride(GenerationKind Kind, string? Model, double? Temperature, int? MaxTokens);

/// <summary>A workspace's model overrides, one row per workspace.</summary>
public sealed class WorkspaceModelSettings : Entity, ITenantOwned
{
    private WorkspaceModelSettings()
    {
        Overrides = [];
    }

    public Guid WorkspaceId { get; private set; }
    public List<ModelOverride> Overrides { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public static WorkspaceModelSettings Create(Guid workspaceId, DateTimeOffset now) =>
        new() { WorkspaceId = workspaceId, UpdatedAt = now };

    public ModelOverride? For(GenerationKind kind) => Overrides.FirstOrDefault(o => o.Kind == kind);

    public void Replace(IReadOnlyList<ModelOverride> overrides, DateTimeOffset now)
    {
        if (overrides.Select(o => o.Kind).Distinct().Count() != overrides.Count)
            throw new BusinessRuleException("model_settings.duplicate_kind", "Give at most one override per kind.");
        foreach (var o in overrides)
        {
            if (o.Model is { Length: 0 or > ModelSettings.MaxModelLength })
                throw new ArgumentException($"A model name has 1 to {ModelSettings.MaxModelLength} characters.", nameof(overrides));
            if (o.Temperature is < 0 or > ModelSettings.MaxTemperature)
                throw new ArgumentException("Temperature is between 0 and 2.", nameof(overrides));
            if (o.MaxTokens is < 1 or > ModelSettings.MaxMaxTokens)
                throw new ArgumentException($"Max tokens is between 1 and {ModelSettings.MaxMaxTokens}.", nameof(overrides));
        }
        Overrides = [.. overrides.OrderBy(o => o.Kind)];
        UpdatedAt = now;
    }
}
