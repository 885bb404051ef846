using IaGenify.Domain.Assets;

namespace IaGenify.Application.Assets;

public sealed record AssetDto(Guid Id, AssetSource Source, string ContentType, long SizeBytes, string? FileName, Guid? GenerationId,
    DateTimeOffset CreatedAt);

/// <summary>An asset's bytes, to be streamed to the client.</summary>
public sealed record AssetContent(Stream Content, string ContentType, long SizeBytes, string? ContentHash = null);
