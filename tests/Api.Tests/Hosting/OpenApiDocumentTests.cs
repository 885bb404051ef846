using System.Text.Json;
using IaGenify.Api.Tests.Support;

namespace IaGenify.Api.Tests.Hosting;

/// <summary>
/// The document a frontend generates its client from: every operation is named, summarised and lists the problem
/// responses its route can give, and the whole passes <c>@redocly/cli lint</c>. Read from a Development host, which
/// maps every route there is.
/// </summary>
public sealed class OpenApiDocumentTests(ApiFixture fixture) : ApiTest(fixture)
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

    [Fact]
    public async Task Every_operation_has_a_unique_operation_id_and_a_one_line_summary()
    {
        var operations = Operations(await DocumentAsync());

        Assert.NotEmpty(operations);
        var missing = operations.Where(o => string.IsNullOrWhiteSpace(o.OperationId) || string.IsNullOrWhiteSpace(o.Summary)
            || o.Summary!.Contains('\n')).Select(o => o.Name).ToList();
        Assert.True(missing.Count == 0, $"Without an operationId or a one-line summary: {string.Join(", ", missing)}");
        var duplicates = operations.GroupBy(o => o.OperationId).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, $"Duplicate operationIds: {string.Join(", ", duplicates)}");
    }

    [Fact]
    public async Task Every_operation_documents_the_problems_its_route_can_return()
    {
        var gaps = new List<string>();
        foreach (var operation in Operations(await DocumentAsync()))
        {
            foreach (var status in ExpectedProblems(operation).Where(s => !operation.Responses.ContainsKey(s)))
                gaps.Add($"{operation.Name} lacks {status}");
            foreach (var (status, response) in operation.Responses.Where(r => r.Key.StartsWith('4') || r.Key.StartsWith('5')))
                if (!response.TryGetProperty("content", out var content) || !content.TryGetProperty("application/problem+json", out _))
                    gaps.Add($"{operation.Name} documents {status} without application/problem+json");
        }
        Assert.True(gaps.Count == 0, string.Join(Environment.NewLine, gaps));
    }

    [Fact]
    public async Task Anonymous_routes_are_marked_as_needing_no_credentials()
    {
        var operations = Operations(await DocumentAsync()).ToDictionary(o => o.OperationId!);

        Assert.True(operations["Login"].IsAnonymous);
        Assert.True(operations["GetPublishedPage"].IsAnonymous);
        Assert.True(operations["ListPlans"].IsAnonymous);
        Assert.False(operations["GetMe"].IsAnonymous);
        Assert.False(operations["ListWebsites"].IsAnonymous);
        Assert.False(operations["ResendVerificationEmail"].IsAnonymous);
    }

    [SkippableFact]
    public async Task The_document_passes_redocly_lint_without_errors()
    {
        var redocly = Redocly.Locate();
        Skip.If(redocly is null, "npx/npm is not installed, so @redocly/cli cannot run; scripts/test.sh installs it.");

        var file = Path.Combine(Path.GetTempPath(), $"iagenify-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, (await DocumentAsync()).GetRawText());
        try
        {
            var (exitCode, output) = await Redocly.LintAsync(redocly!, file);
            Assert.True(exitCode == 0, $"redocly lint failed ({exitCode}):{Environment.NewLine}{output}");
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>
    /// What any route can answer: 429 (every caller is rate limited); 401 without credentials unless anonymous; 404 for
    /// a workspace that is not yours; 400 for a body or query that does not validate; 413/415 for a body too large or
    /// not JSON; 409/422 for an Idempotency-Key in use or reused with another body.
    /// </summary>
    private static IEnumerable<string> ExpectedProblems(Operation operation)
    {
        yield return "429";
        if (!operation.IsAnonymous)
            yield return "401";
        if (operation.Path.Contains("{workspaceId}", StringComparison.Ordinal))
            yield return "404";
        if (operation.HasBody || operation.Parameters.Any(p => p.In == "query"))
            yield return "400";
        if (operation.HasBody)
            yield return "413";
        if (operation.HasJsonBody)
            yield return "415";
        if (operation.Parameters.Any(p => p is { In: "header", Name: "Idempotency-Key" }))
        {
            yield return "409";
            yield return "422";
        }
    }

    private async Task<JsonElement> DocumentAsync()
    {
        await using var development = new ApiFactory(Fixture.ConnectionString, environment: "Development");
        var response = await development.CreateClient().GetAsync("/openapi/v1.json");
        await response.ShouldBe(200);
        return (await response.Json()).Clone();
    }

    private static List<Operation> Operations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject()
                .Where(item => Methods.Contains(item.Name))
                .Select(item => Operation.Of(path.Name, item.Name, item.Value)))
            .ToList();

    private sealed record Parameter(string Name, string In);

    private sealed record Operation(string Path, string Method, string? OperationId, string? Summary, bool IsAnonymous, bool HasBody,
        bool HasJsonBody, IReadOnlyList<Parameter> Parameters, IReadOnlyDictionary<string, JsonElement> Responses)
    {
        public string Name => $"{Method.ToUpperInvariant()} {Path}";

        public static Operation Of(string path, string method, JsonElement operation)
        {
            var body = operation.TryGetProperty("requestBody", out var requestBody) ? requestBody : (JsonElement?)null;
            var json = body is { } b && b.TryGetProperty("content", out var content)
                && content.EnumerateObject().Any(c => c.Name.Contains("json", StringComparison.Ordinal));
            var parameters = operation.TryGetProperty("parameters", out var list)
                ? list.EnumerateArray().Select(p => new Parameter(p.GetProperty("name").GetString()!, p.GetProperty("in").GetString()!)).ToList()
                : [];
            return new Operation(path, method,
                operation.TryGetProperty("operationId", out var id) ? id.GetString() : null,
                operation.TryGetProperty("summary", out var summary) ? summary.GetString() : null,
                operation.TryGetProperty("security", out var security) && security.GetArrayLength() == 0,
                body is not null, json, parameters,
                operation.GetProperty("responses").EnumerateObject().ToDictionary(r => r.Name, r => r.Value));
        }
    }
}
