using IaGenify.Domain.Workspaces;

namespace IaGenify.Application.Workspaces;

/// <summary>Data of <c>member.joined</c>: someone accepted an invitation.</summary>
public sealed record MemberJoinedData(Guid UserId, string Email, Role Role);

/// <summary>Data of <c>member.removed</c>: a member was removed, or left when <see cref="Left"/> is true.</summary>
public sealed record MemberRemovedData(Guid UserId, Role Role, bool Left);
