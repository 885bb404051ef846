namespace IaGenify.Application.Admin;

public sealed record AdminWorkspaceDto(Guid Id, string Name, DateTimeOffset CreatedAt, DateTimeOffset? DeletedAt, int MemberCount,
    DateTimeOffset? SuspendedAt);
