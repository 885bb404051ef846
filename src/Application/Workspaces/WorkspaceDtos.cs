using IaGenify.Domain.Workspaces;

namespace IaGenify.Application.Workspaces;

/// <summary>
/// A workspace as its member sees it: <see cref="Role"/> is the caller's own role; <see cref="RequireMfa"/> tells
/// whether its members must use two-factor authentication.
/// </summary>
public sealed record WorkspaceDto(Guid Id, string Name, Role Role, DateTimeOffset CreatedAt, DateTimeOffset? DeletedAt,
    DateTimeOffset? PurgeAfter, bool RequireMfa);

public sealed record MemberDto(Guid UserId, string Email, string DisplayName, Role Role, DateTimeOffset JoinedAt);

public sealed record InvitationDto(Guid Id, string Email, Role Role, InvitationStatus Status, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt);
