using System.Text.Json;
using System.Text.RegularExpressions;
using IaGenify.Application.AiTools;
using IaGenify.Application.Common.AiTools;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Security;
using IaGenify.Domain.Workspaces;

namespace IaGenify.Architecture.Tests;

/// <summary>
/// What AI clients may call is pinned here: billing, API keys, webhook endpoints, roles and membership, exports,
/// deletion of workspaces or accounts, and every platform-admin request stay out of the tool registry.
/// </summary>
public sealed partial class AiToolTests
{
    private static readonly string[] DeniedModules =
    [
        "IaGenify.Application.Billing.",
        "IaGenify.Application.ApiKeys.",
        "IaGenify.Application.Webhooks.",
        "IaGenify.Application.Exports.",
        "IaGenify.Application.Admin.",
        "IaGenify.Application.Identity.",
        "IaGenify.Application.Audit.",
    ];

    private static readonly Permission[] DeniedPermissions =
    [
        Permission.BillingManage, Permission.ApiKeysManage, Permission.WebhooksManage, Permission.MembersManage,
        Permission.DataExport, Permission.WorkspaceDelete, Permission.OwnershipManage, Permission.ModelSettingsManage,
        Permission.AuditLogRead, Permission.WorkspaceUpdate,
    ];

    private static readonly Type[] MarkedTypes = Assemblies.Application.GetTypes()
        .Where(t => t.GetCustomAttributes(typeof(AiToolAttribute), false).Length > 0)
        .ToArray();

    private static readonly AiToolRegistry Registry = new();

    [Fact]
    public void The_registry_holds_every_marked_request() =>
        Assert.Equal(MarkedTypes.Length, Registry.All.Count);

    [Fact]
    public void There_are_tools_to_check() => Assert.True(Registry.All.Count >= 15);

    [Fact]
    public void No_tool_belongs_to_a_denied_module()
    {
        var offenders = MarkedTypes.Where(t => DeniedModules.Any(m => t.FullName!.StartsWith(m, StringComparison.Ordinal)))
            .Select(t => t.FullName);
        Assert.Empty(offenders);
    }

    [Fact]
    public void No_tool_needs_a_denied_permission_or_is_a_platform_admin_or_user_request()
    {
        var offenders = Registry.All
            .Where(t => t.Policy.Kind is AccessPolicyKind.PlatformAdmin or AccessPolicyKind.User
                        || t.Policy.Permission is { } permission && DeniedPermissions.Contains(permission))
            .Select(t => t.Name);
        Assert.Empty(offenders);
    }

    [Fact]
    public void Workspace_and_account_deletion_roles_and_exports_are_never_tools()
    {
        string[] denied = ["DeleteWorkspace", "RestoreWorkspace", "DeleteAccount", "ChangeMemberRole", "RemoveMember",
            "CreateInvitation", "TransferOwnership", "RequestExport", "CreateApiKey", "CreateWebhookEndpoint", "StartCheckout", "OpenPortal"];
        Assert.Empty(MarkedTypes.Where(t => denied.Contains(t.Name)).Select(t => t.FullName));
    }

    [Fact]
    public void Hints_match_what_the_request_does()
    {
        var offenders = Registry.All
            .Where(t => t.ReadOnly == RequestKind.IsCommand(t.RequestType)
                        || t.SpendsCredits && (t.ReadOnly || t.PriceKey is null)
                        || t.Destructive && t.ReadOnly)
            .Select(t => t.Name);
        Assert.Empty(offenders);
    }

    [Fact]
    public void Names_are_unique_snake_case()
    {
        Assert.Equal(MarkedTypes.Length, Registry.All.Select(t => t.Name).Distinct().Count());
        Assert.All(Registry.All, t => Assert.Matches(SnakeCase(), t.Name));
    }

    [Fact]
    public void Schemas_never_let_the_model_choose_the_workspace()
    {
        Assert.All(Registry.All, t =>
        {
            Assert.Equal("object", t.InputSchema.GetProperty("type").GetString());
            Assert.False(t.InputSchema.GetProperty("properties").TryGetProperty("workspaceId", out _), t.Name);
        });
    }

    [Fact]
    public void Argument_descriptions_come_from_the_xml_docs()
    {
        var create = Registry.Find("websites_create")!;
        Assert.Contains("plain words", create.InputSchema.GetProperty("properties").GetProperty("prompt").GetProperty("description").GetString());
        Assert.Equal(["name", "prompt"], create.InputSchema.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(JsonValueKind.Object, create.InputSchema.GetProperty("properties").GetProperty("idempotencyKey").ValueKind);
    }

    [GeneratedRegex("^[a-z]+(_[a-z]+)+$")]
    private static partial Regex SnakeCase();
}
