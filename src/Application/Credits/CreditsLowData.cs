namespace IaGenify.Application.Credits;

/// <summary>The data of a <c>credits.low</c> event.</summary>
public sealed record CreditsLowData(long Available, long Threshold);
