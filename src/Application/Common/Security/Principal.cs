using IaGenify.Application.Common.Exceptions;
using IaGenify.Domain.Workspaces;

namespace IaGenify.Application.Common.Security;

/// <summary>Who sends a request. HTTP builds it from the token; workers and the CLI pass one explicitly.</summary>
public sealed record Principal
{
    public static Principal Anonymous { get; } = new() { Kind = PrincipalKind.Anonymous };
    public static Principal System { get; } = new() { Kind = PrincipalKind.System };

    public PrincipalKind Kind { get; private init; }
    public Guid? UserId { get; private init; }
    public string? Email { get; private init; }
    public bool IsPlatformAdmin { get; private init; }

    /// <summary>The session (refresh-token family) the user's access token was issued for, from its <c>sid</c> claim.</summary>
    public Guid? SessionId { get; private init; }
    public Guid? ApiKeyId { get; private init; }
    public Guid? ApiKeyWorkspaceId { get; private init; }
    public Role? ApiKeyRole { get; private init; }

    /// <summary>What the key's workspace plan allows automation to do; set for API keys only.</summary>
    public ApiKeyAllowance? ApiKeyAllowance { get; private init; }

    public bool IsAuthenticated => Kind != PrincipalKind.Anonymous;

    public static Principal ForUser(Guid userId, string email, bool isPlatformAdmin, Guid? sessionId = null) => new()
    {
        Kind = PrincipalKind.User,
        UserId = userId,
        Email = email,
        IsPlatformAdmin = isPlatformAdmin,
        SessionId = sessionId,
    };

    public static Principal ForApiKey(Guid apiKeyId, Guid workspaceId, Role role, ApiKeyAllowance allowance) => new()
    {
        ApiKeyAllowance = allowance,
        Kind = PrincipalKind.ApiKey,
        ApiKeyId = apiKeyId,
        ApiKeyWorkspaceId = workspaceId,
        ApiKeyRole = role,
    };

    public Guid RequireUserId() => UserId ?? throw new UnauthenticatedException("This action needs a signed-in user.");

    /// <summary>The id recorded as the actor in audit entries.</summary>
    public Guid? ActorId => Kind switch
    {
        PrincipalKind.User => UserId,
        PrincipalKind.ApiKey => ApiKeyId,
        _ => null,
    };
}
