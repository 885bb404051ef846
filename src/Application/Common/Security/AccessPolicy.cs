using System.Collections.Concurrent;
using System.Reflection;
using IaGenify.Application.Common.Messaging;
using IaGenify.Domain.Workspaces;

namespace IaGenify.Application.Common.Security;

public enum AccessPolicyKind
{
    Anonymous,
    User,
    PlatformAdmin,
    Workspace,
}

/// <summary>
/// The access policy a request type declares, read once per type from its interfaces and attributes.
/// <see cref="IsCommand"/> matters to suspended workspaces, which refuse commands and still answer queries.
/// </summary>
public sealed record AccessPolicy(AccessPolicyKind Kind, Permission? Permission, bool AllowDeletedWorkspace, bool IsCommand,
    bool RequiresVerifiedEmail = false)
{
    private static readonly ConcurrentDictionary<Type, AccessPolicy> Cache = new();

    /// <summary>Every policy a type declares; a valid request declares exactly one.</summary>
    public static IReadOnlyList<AccessPolicyKind> Declared(Type requestType)
    {
        var kinds = new List<AccessPolicyKind>();
        if (requestType.GetCustomAttribute<AllowAnonymousAttribute>() is not null) kinds.Add(AccessPolicyKind.Anonymous);
        if (typeof(IUserRequest).IsAssignableFrom(requestType)) kinds.Add(AccessPolicyKind.User);
        if (typeof(IPlatformAdminRequest).IsAssignableFrom(requestType)) kinds.Add(AccessPolicyKind.PlatformAdmin);
        if (typeof(IWorkspaceRequest).IsAssignableFrom(requestType)) kinds.Add(AccessPolicyKind.Workspace);
        return kinds;
    }

    public static AccessPolicy For(Type requestType) => Cache.GetOrAdd(requestType, Describe);

    private static AccessPolicy Describe(Type requestType)
    {
        var kinds = Declared(requestType);
        if (kinds.Count != 1)
            throw new InvalidOperationException(
                $"{requestType.Name} must declare exactly one access policy; it declares {kinds.Count}.");
        var permission = requestType.GetCustomAttribute<RequiresPermissionAttribute>()?.Permission;
        if (kinds[0] == AccessPolicyKind.Workspace && permission is null)
            throw new InvalidOperationException($"{requestType.Name} is a workspace request without [RequiresPermission].");
        return new AccessPolicy(kinds[0], permission,
            requestType.GetCustomAttribute<AllowDeletedWorkspaceAttribute>() is not null, RequestKind.IsCommand(requestType),
            requestType.GetCustomAttribute<RequiresVerifiedEmailAttribute>() is not null);
    }
}
