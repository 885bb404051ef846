namespace IaGenify.Application.Credits.Commands;

/// <summary>The result of a support adjustment or grant: the entry written and the balance after it.</summary>
public sealed record CreditAdjustmentDto(Guid EntryId, long Amount, long Balance, long Available);
