using System.Net.Http.Json;
using IaGenify.Api.Tests.Generations;
using IaGenify.Api.Tests.Support;
using IaGenify.Application.Common.Paging;
using IaGenify.Application.Websites;

namespace IaGenify.Api.Tests.AiTools;

public sealed class McpServerTests(ApiFixture fixture) : McpTestBase(fixture)
{
    [Fact]
    public async Task Mcp_without_credentials_is_401()
    {
        var response = await Anonymous().PostAsJsonAsync("/mcp", new { jsonrpc = "2.0", id = 1, method = "tools/list" });
        await response.ShouldBe(401);
    }

    [Fact]
    public async Task A_user_must_name_the_workspace()
    {
        var owner = await RegisterAsync();
        var response = await owner.Client.PostAsJsonAsync("/mcp", new { jsonrpc = "2.0", id = 1, method = "tools/list" });
        await response.ShouldBe(400);
    }

    [Fact]
    public async Task Tools_listed_follow_the_callers_role()
    {
        var team = await CreateTeamAsync();
        await using var viewer = await ConnectAsync(team.Viewer.Client, team.WorkspaceId);
        await using var member = await ConnectAsync(team.Member.Client, team.WorkspaceId);
        await using var admin = await ConnectAsync(team.Admin.Client, team.WorkspaceId);

        var viewerTools = await ToolNamesAsync(viewer);
        var memberTools = await ToolNamesAsync(member);
        var adminTools = await ToolNamesAsync(admin);

        Assert.Contains("websites_list", viewerTools);
        Assert.Contains("credits_balance", viewerTools);
        Assert.Contains("analytics_summary", viewerTools);
        Assert.DoesNotContain("websites_create", viewerTools);
        Assert.DoesNotContain("websites_delete", viewerTools);
        Assert.Contains("websites_create", memberTools);
        Assert.Contains("websites_publish", memberTools);
        Assert.Contains("mailbox_threads_list", memberTools);
        Assert.DoesNotContain("mailbox_threads_list", viewerTools);
        Assert.True(memberTools.Count > viewerTools.Count);
        Assert.Subset(memberTools.ToHashSet(), viewerTools.ToHashSet());
        Assert.Subset(adminTools.ToHashSet(), memberTools.ToHashSet());
        // What only admins may do (keys, webhooks, roles, exports, billing) is never a tool.
        Assert.DoesNotContain(adminTools, t => t.Contains("key") || t.Contains("webhook") || t.Contains("export") || t.Contains("billing"));
    }

    [Fact]
    public async Task Tools_carry_their_hints_and_a_schema_without_the_workspace()
    {
        var team = await CreateTeamAsync();
        await using var client = await ConnectAsync(team.Owner.Client, team.WorkspaceId);
        var tools = (await client.ListToolsAsync()).ToDictionary(t => t.Name, t => t.ProtocolTool);

        Assert.True(tools["websites_list"].Annotations!.ReadOnlyHint);
        Assert.False(tools["websites_list"].Annotations!.DestructiveHint);
        Assert.True(tools["websites_delete"].Annotations!.DestructiveHint);
        Assert.False(tools["websites_delete"].Annotations!.ReadOnlyHint);
        var properties = tools["websites_create"].InputSchema.As<McpInputSchema>().Properties;
        Assert.True(properties.ContainsKey("prompt"));
        Assert.False(properties.ContainsKey("workspaceId"));
    }

    [Fact]
    public async Task A_read_tool_answers_the_dto()
    {
        var team = await CreateTeamAsync();
        var websiteId = await CreateGeneratedWebsiteAsync(team);
        await using var client = await ConnectAsync(team.Viewer.Client, team.WorkspaceId);

        var (isError, page) = await CallAsync<CursorPage<WebsiteSummaryDto>>(client, "websites_list");
        Assert.False(isError);
        Assert.Equal(websiteId, Assert.Single(page.Items).Id);

        var (_, website) = await CallAsync<WebsiteDto>(client, "websites_get", new() { ["websiteId"] = websiteId });
        Assert.NotEmpty(website.Pages);
        Assert.Equal(1, await AuditCountAsync("websites_list", team.WorkspaceId));
    }

    [Fact]
    public async Task A_write_tool_called_by_a_viewer_is_permission_denied()
    {
        var team = await CreateTeamAsync();
        await using var client = await ConnectAsync(team.Viewer.Client, team.WorkspaceId);

        var (isError, content) = await CallAsync<McpToolError>(client, "websites_create", new() { ["name"] = "Petal Lane", ["prompt"] = "A flower shop" });

        Assert.True(isError);
        Assert.Equal("permission_denied", ErrorCode(content));
        Assert.Equal(0L, await ScalarAsync<long>("SELECT count(*) FROM websites"));
        var outcome = await ScalarAsync<string>(
            "SELECT details->>'outcome' FROM audit_entries WHERE action = 'ai.tool_call' AND target_id = 'websites_create'");
        Assert.Equal("permission_denied", outcome);
    }

    [Fact]
    public async Task Another_workspace_is_not_found_and_shows_no_tools_nor_data()
    {
        var team = await CreateTeamAsync();
        await CreateGeneratedWebsiteAsync(team);
        var outsider = await RegisterAsync();
        await CreateWorkspaceAsync(outsider, "Elsewhere");
        await using var client = await ConnectAsync(outsider.Client, team.WorkspaceId);

        Assert.Empty(await ToolNamesAsync(client));
        var (isError, content) = await CallAsync<McpToolError>(client, "websites_list");

        Assert.True(isError);
        Assert.Equal("not_found", ErrorCode(content));
        Assert.False(content.Others?.ContainsKey("items") ?? false);
        // The probe is recorded against the caller, not written into the other tenant's log.
        Assert.Equal(0, await AuditCountAsync("websites_list", team.WorkspaceId));
        Assert.Equal(1, await AuditCountAsync("websites_list"));
    }

    [Fact]
    public async Task Spending_through_a_tool_with_an_idempotency_key_twice_charges_once()
    {
        var team = await CreateTeamAsync();
        var (_, before, _) = await CreditsAsync(team.Owner.Client, team.WorkspaceId);
        await using var client = await ConnectAsync(team.Member.Client, team.WorkspaceId);
        var arguments = new Dictionary<string, object?> { ["name"] = "Petal Lane", ["prompt"] = "A flower shop in Bristol", ["idempotencyKey"] = "mcp-create-1" };

        var (firstError, first) = await CallAsync<CreatedWebsiteDto>(client, "websites_create", arguments);
        var (secondError, second) = await CallAsync<CreatedWebsiteDto>(client, "websites_create", arguments);

        Assert.False(firstError);
        Assert.False(secondError);
        Assert.Equal(first.GenerationId, second.GenerationId);
        var (_, after, reserved) = await CreditsAsync(team.Owner.Client, team.WorkspaceId);
        Assert.Equal(20, reserved);
        Assert.Equal(before - 20, after);
        Assert.Equal(1L, await ScalarAsync<long>("SELECT count(*) FROM generations"));
        Assert.Equal(2, await AuditCountAsync("websites_create", team.WorkspaceId));
        // Arguments' free text never reaches the audit log.
        Assert.Equal(0L, await ScalarAsync<long>("SELECT count(*) FROM audit_entries WHERE details::text LIKE '%flower%'"));
    }

    [Fact]
    public async Task Insufficient_credits_are_a_tool_error_with_required_and_available()
    {
        var team = await CreateTeamAsync();
        await using var client = await ConnectAsync(team.Member.Client, team.WorkspaceId);
        await CallAsync(client, "websites_create", new() { ["name"] = "One", ["prompt"] = "A bakery in Lyon" });
        await CallAsync(client, "images_generate", new() { ["prompt"] = "A croissant" });

        var (isError, content) = await CallAsync<McpToolError>(client, "pages_generate",
            new() { ["websiteId"] = Guid.NewGuid(), ["prompt"] = "An about page" });
        Assert.True(isError);
        Assert.Contains(ErrorCode(content), new[] { "not_found", "insufficient_credits" });

        var (imageError, image) = await CallAsync<McpToolError>(client, "images_generate", new() { ["prompt"] = "Another croissant" });
        Assert.True(imageError);
        var error = image.Error;
        Assert.Equal("insufficient_credits", error.Code);
        Assert.Equal(30, error.Required);
        Assert.Equal(0, error.Available);
    }

    [Fact]
    public async Task An_api_key_uses_its_own_workspace_and_role()
    {
        var team = await CreateTeamAsync();
        var key = await CreateApiKeyAsync(team.Owner, team.WorkspaceId, "viewer");
        await using var client = await ConnectAsync(WithApiKey(key.Key), workspaceId: null);

        var tools = await ToolNamesAsync(client);
        Assert.Contains("websites_list", tools);
        Assert.DoesNotContain("websites_create", tools);
        var isError = await CallAsync(client, "credits_balance");
        Assert.False(isError);
    }

    [Fact]
    public async Task Bad_arguments_are_a_validation_error()
    {
        var team = await CreateTeamAsync();
        await using var client = await ConnectAsync(team.Member.Client, team.WorkspaceId);

        var (unknownError, unknown) = await CallAsync<McpToolError>(client, "websites_list", new() { ["colour"] = "blue" });
        var (emptyError, empty) = await CallAsync<McpToolError>(client, "websites_create", new() { ["name"] = "", ["prompt"] = "" });
        var (missingError, missing) = await CallAsync<McpToolError>(client, "no_such_tool");

        Assert.True(unknownError);
        Assert.Equal("validation_failed", ErrorCode(unknown));
        Assert.True(emptyError);
        Assert.Equal("validation_failed", ErrorCode(empty));
        Assert.True(missingError);
        Assert.Equal("unknown_tool", ErrorCode(missing));
    }
}
