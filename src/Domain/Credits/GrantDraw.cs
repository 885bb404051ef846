namespace IaGenify.Domain.Credits;

/// <summary>How much one debit (or hold) took from one grant.</summary>
public sealed record GrantDraw(Guid GrantId, long Amount);
