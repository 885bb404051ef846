using System.Text.Json;
using System.Text.Json.Serialization;
using IaGenify.Api.Tests.Websites;
using IaGenify.Api.Tests.Support;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace IaGenify.Api.Tests.AiTools;

/// <summary>Connects the official MCP client to the test host's <c>/mcp</c> through the factory's in-memory handler.</summary>
public abstract class McpTestBase(ApiFixture fixture) : WebsiteTestBase(fixture)
{
    protected static async Task<McpClient> ConnectAsync(HttpClient http, Guid? workspaceId)
    {
        var transport = new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = new Uri(http.BaseAddress!, "/mcp"),
            TransportMode = HttpTransportMode.StreamableHttp,
            AdditionalHeaders = workspaceId is { } id ? new Dictionary<string, string> { ["X-Workspace-Id"] = id.ToString() } : null,
        }, http, ownsHttpClient: false);
        return await McpClient.CreateAsync(transport, new McpClientOptions
        {
            ClientInfo = new Implementation { Name = "iagenify-tests", Version = "1.0" },
        });
    }

    protected static async Task<IReadOnlyList<string>> ToolNamesAsync(McpClient client) =>
        (await client.ListToolsAsync()).Select(t => t.Name).Order(StringComparer.Ordinal).ToList();

    /// <summary>
    /// Calls a tool and reads its JSON text result as <typeparamref name="T"/> (the DTO, or <see cref="McpToolError"/>)
    /// with whether it is an error.
    /// </summary>
    protected static async Task<(bool IsError, T Content)> CallAsync<T>(McpClient client, string tool,
        Dictionary<string, object?>? arguments = null)
    {
        var result = await client.CallToolAsync(tool, arguments ?? []);
        var text = result.Content.OfType<TextContentBlock>().Single().Text;
        return (result.IsError == true, ApiJson.Read<T>(text));
    }

    /// <summary>Calls a tool whose result the test does not read.</summary>
    protected static async Task<bool> CallAsync(McpClient client, string tool, Dictionary<string, object?>? arguments = null) =>
        (await CallAsync<JsonElement>(client, tool, arguments)).IsError;

    protected static string ErrorCode(McpToolError content) => content.Error.Code;

    protected Task<long> AuditCountAsync(string tool, Guid? workspaceId = null) =>
        ScalarAsync<long>(workspaceId is null
                ? "SELECT count(*) FROM audit_entries WHERE action = 'ai.tool_call' AND target_id = @tool"
                : "SELECT count(*) FROM audit_entries WHERE action = 'ai.tool_call' AND target_id = @tool AND workspace_id = @workspace",
            workspaceId is null ? [("tool", tool)] : [("tool", tool), ("workspace", workspaceId.Value)]);
}

/// <summary>What a refused tool call answers: <c>{ error: { code, … } }</c>; <see cref="Others"/> holds any other member.</summary>
public sealed record McpToolError(McpError Error)
{
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Others { get; init; }
}

public sealed record McpError(string Code, long? Required, long? Available);

/// <summary>A tool's input schema, as far as the tests read it: the argument names.</summary>
public sealed record McpInputSchema(IReadOnlyDictionary<string, JsonElement> Properties);
