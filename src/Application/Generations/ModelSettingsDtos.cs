using IaGenify.Domain.Generations;

namespace IaGenify.Application.Generations;

public sealed record ModelChoiceDto(string Model, double? Temperature, int? MaxTokens);

public sealed record ModelOverrideDto(GenerationKind Kind, string? Model, double? Temperature, int? MaxTokens);

/// <summary>Per kind: the platform default, the workspace's override (if any) and what generations will use.</summary>
public sealed record KindModelSettingsDto(GenerationKind Kind, ModelChoiceDto Default, ModelOverrideDto? Override, ModelChoiceDto Effective);

public sealed record ModelSettingsDto(string Provider, IReadOnlyList<KindModelSettingsDto> Kinds);
