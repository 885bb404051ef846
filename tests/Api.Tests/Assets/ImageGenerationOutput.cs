namespace IaGenify.Api.Tests.Assets;

/// <summary>
/// The members of an image generation's output the tests read. The output is free-form JSON on the generation (the
/// image generator writes it), so this record is the one place its wire names are spelled.
/// </summary>
public sealed record ImageGenerationOutput(Guid AssetId, string ContentType, long SizeBytes, string Provider);
