using System.Text.Json;
using IaGenify.Application.Common.Security;
using IaGenify.Domain.Workspaces;

namespace IaGenify.Application.AiTools;

/// <summary>
/// One tool: the request it sends, its JSON input schema (the request's fields but the workspace, which the session
/// implies) and the hints clients show. <see cref="NeedsConfirmation"/>: anything but a read waits for the user in
/// the assistant.
/// </summary>
public sealed record AiToolDefinition(
    string Name,
    string Description,
    Type RequestType,
    Type ResponseType,
    AccessPolicy Policy,
    bool ReadOnly,
    bool Destructive,
    bool SpendsCredits,
    string? PriceKey,
    JsonElement InputSchema)
{
    public bool NeedsConfirmation => !ReadOnly;

    /// <summary>Whether a caller with <paramref name="role"/> in the workspace may call it (the pipeline checks again on every call).</summary>
    public bool IsAllowedFor(Role role) => Policy.Kind switch
    {
        AccessPolicyKind.Workspace => role.Grants(Policy.Permission!.Value),
        AccessPolicyKind.Anonymous or AccessPolicyKind.User => true,
        _ => false,
    };
}
