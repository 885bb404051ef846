namespace IaGenify.Application.Admin;

/// <summary>An account as platform staff see it, with its suspension state.</summary>
public sealed record AdminUserDto(Guid Id, string Email, string DisplayName, bool EmailVerified, DateTimeOffset CreatedAt,
    DateTimeOffset? SuspendedAt, string? SuspensionReason);
