namespace IaGenify.Application.Common.AiTools;

/// <summary>
/// Marks a request an AI client may call as a tool (MCP server and workspace assistant). Only requests carrying it
/// are tools; an architecture test keeps billing, keys, webhooks, roles, exports, deletions of workspaces or
/// accounts and admin requests out. The hints tell clients what a call does: <see cref="ReadOnly"/> runs at once,
/// anything else (<see cref="SpendsCredits"/>, changes, <see cref="Destructive"/>) waits for the user's confirmation
/// in the assistant.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class AiToolAttribute(string name, string description) : Attribute
{
    /// <summary>Stable snake_case name, e.g. <c>websites_list</c>.</summary>
    public string Name { get; } = name;

    public string Description { get; } = description;

    /// <summary>Only reads; the matching request is a query.</summary>
    public bool ReadOnly { get; init; }

    /// <summary>Removes or overwrites data the user cannot get back.</summary>
    public bool Destructive { get; init; }

    /// <summary>Reserves credits (a generation).</summary>
    public bool SpendsCredits { get; init; }

    /// <summary>The price key (<c>Credits:Prices</c>) a call reserves, shown to the user before they confirm.</summary>
    public string? PriceKey { get; init; }
}
