using IaGenify.Application.Workspaces;

namespace IaGenify.Application.Admin;

/// <summary>A workspace as support sees it: its state, its members and roles, and how many keys can act in it.</summary>
public sealed record SupportWorkspaceDto(Guid Id, string Name, DateTimeOffset CreatedAt, DateTimeOffset? DeletedAt,
    DateTimeOffset? SuspendedAt, string? SuspensionReason, int MemberCount, IReadOnlyList<MemberDto> Members, int ActiveApiKeyCount);
