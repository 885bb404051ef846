using IaGenify.Domain.Credits;

namespace IaGenify.Application.Credits;

public sealed record CreditGrantDto(Guid Id, GrantSource Source, long Amount, long Remaining, long Reserved, int Priority,
    DateTimeOffset? ExpiresAt, DateTimeOffset CreatedAt, string? Reference);

public sealed record CreditHoldDto(Guid Id, string Operation, long Amount, long Captured, HoldStatus Status,
    DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? ResolvedAt, string? Reference);

/// <summary>
/// <see cref="Amount"/> is the signed change of the balance (all amounts add up to the balance);
/// <see cref="Reserved"/> the signed change of the reserved credits.
/// </summary>
public sealed record CreditEntryDto(Guid Id, CreditEntryType Type, long Amount, long Reserved, DateTimeOffset CreatedAt,
    string? Reference, Guid? GrantId, Guid? HoldId);

/// <summary><see cref="Available"/> = <see cref="Balance"/> − <see cref="Reserved"/>, never negative.</summary>
public sealed record CreditBalanceDto(long Balance, long Available, long Reserved, IReadOnlyList<CreditGrantDto> Grants,
    IReadOnlyList<CreditHoldDto> Holds);

public sealed record CreditPriceDto(string Operation, long Credits);
