using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using IaGenify.Api.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace IaGenify.Api.Tests.Hosting;

/// <summary>
/// Every route the host maps (read from its endpoint data source, so new routes join the sweep by themselves) gets
/// hostile bodies, path values and query values shaped by its OpenAPI operation. None may answer 5xx or show exception
/// text. The caller is a staff member who owns a workspace, so requests get past authorization to the binding and
/// validation code that hostile input is aimed at.
/// </summary>
public sealed partial class HostileSweepTests(ApiFixture fixture) : ApiTest(fixture)
{
    private static readonly string[] SkippedPrefixes = ["/openapi", "/docs", "/scalar", "/dev/", "/metrics", "/health"];

    [Fact]
    public async Task Every_route_answers_hostile_input_without_a_5xx_or_exception_text()
    {
        var staff = await RegisterAsync(ApiFactory.AdminEmail);
        var workspaceId = await CreateWorkspaceAsync(staff);
        var client = staff.Client;
        var document = await (await Anonymous().GetAsync("/openapi/v1.json")).Json();
        var failures = new List<string>();
        var sent = 0;
        var clock = Stopwatch.StartNew();

        foreach (var route in Routes())
        {
            var operation = Operation(document, route);
            foreach (var request in HostileRequests(route, operation, document, workspaceId))
            {
                sent++;
                using var response = await client.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                if ((int)response.StatusCode >= 500)
                    failures.Add($"{(int)response.StatusCode} {request.Method} {route.Pattern} {request.RequestUri}: {Shorten(body)}");
                else if (ExceptionText.Find(body) is { } marker)
                    failures.Add($"exception text ({marker}) {request.Method} {request.RequestUri}: {Shorten(body)}");
            }
            // A route without a body of its own may still act (log out, revoke): keep the caller signed in.
            if ((await client.GetAsync("/api/v1/me")).StatusCode == HttpStatusCode.Unauthorized)
                client = await SignInAgainAsync(staff.Email);
        }

        Assert.True(sent > 500, $"Only {sent} hostile requests were sent; the route discovery is broken.");
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} hostile requests failed ({clock.Elapsed.TotalSeconds:F0} s):\n" +
            string.Join('\n', failures.Take(60)));
    }

    private sealed record Route(string Method, string Pattern, IReadOnlyList<string> Parameters, IReadOnlySet<string> GuidParameters);

    private IEnumerable<Route> Routes() =>
        Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && !SkippedPrefixes.Any(p => ("/" + raw.TrimStart('/')).StartsWith(p, StringComparison.Ordinal)))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(method => new Route(
                method,
                "/" + e.RoutePattern.RawText!.TrimStart('/'),
                e.RoutePattern.Parameters.Select(p => p.Name).ToList(),
                e.RoutePattern.Parameters.Where(p => p.ParameterPolicies.Any(policy => policy.Content == "guid")).Select(p => p.Name).ToHashSet())))
            .Where(r => r.Method is not ("HEAD" or "OPTIONS"))
            .DistinctBy(r => (r.Method, r.Pattern))
            .OrderBy(r => r.Pattern, StringComparer.Ordinal).ThenBy(r => r.Method, StringComparer.Ordinal);

    private static JsonElement? Operation(JsonElement document, Route route)
    {
        var path = RouteParameter().Replace(route.Pattern, m => "{" + m.Groups["name"].Value + "}");
        return document.GetProperty("paths").TryGetProperty(path, out var item)
               && item.TryGetProperty(route.Method.ToLowerInvariant(), out var operation) ? operation : null;
    }

    private static IEnumerable<HttpRequestMessage> HostileRequests(Route route, JsonElement? operation, JsonElement document, Guid workspaceId)
    {
        // A DELETE is only aimed at ids that do not exist: the sweep must not erase its own account or workspace.
        var safeWorkspace = route.Method == "DELETE" ? Guid.NewGuid() : workspaceId;
        var url = Url(route, name => name == "workspaceId" ? safeWorkspace.ToString() : route.GuidParameters.Contains(name) ? Guid.NewGuid().ToString() : "sweep");

        // NUL in a path is refused by the test server's client before it is sent (Kestrel answers 400); queries carry it.
        foreach (var value in HostileTexts().Where(v => !v.Contains("%00", StringComparison.Ordinal)))
            foreach (var name in route.Parameters.Where(n => !route.GuidParameters.Contains(n)))
                yield return Request(route.Method, Url(route, n => n == name ? value
                    : n == "workspaceId" ? safeWorkspace.ToString() : route.GuidParameters.Contains(n) ? Guid.NewGuid().ToString() : "sweep"));

        foreach (var query in QueryParameters(operation))
            foreach (var value in HostileTexts().Append("-1").Append("99999999999999999999").Append("[]"))
                yield return Request(route.Method, $"{url}?{query}={value}");

        if (route.Method is not ("POST" or "PUT" or "PATCH"))
            yield break;

        var hasJsonBody = operation is { } op && op.TryGetProperty("requestBody", out _);
        if (hasJsonBody)
        {
            var fields = BodyFields(operation!.Value, document);
            foreach (var json in HostileJson(fields))
                yield return Request(route.Method, url, new StringContent(json, Encoding.UTF8, "application/json"));
        }
        foreach (var multipart in HostileMultipart())
            yield return Request(route.Method, url, multipart);
    }

    /// <summary>Path and query values that have broken handlers before: NUL, broken UTF-8/UTF-16, control characters, sheer length.</summary>
    private static IEnumerable<string> HostileTexts() =>
        ["%00", "a%00b", "%ED%A0%80", "%C0", "%FF%FE", "%0D%0ASet-Cookie:%20x", new string('a', 5000), "..%2F..%2Fetc%2Fpasswd"];

    private static IEnumerable<string> HostileJson(IReadOnlyList<string> fields)
    {
        string Each(string value) => "{" + string.Join(',', fields.Select(f => $"\"{f}\":{value}")) + "}";
        yield return "{\"" + fields[0] + "\":";
        yield return "{\"a\":1,}";
        yield return "[1,2]";
        yield return "\"text\"";
        yield return "null";
        yield return "";
        yield return Each("null");
        yield return Each("12345");
        yield return Each("true");
        yield return Each("{\"a\":[true]}");
        yield return Each("[null]");
        yield return Each("\"\\ud800\"");
        yield return Each("\"x\\udc00y\"");
        yield return Each("[\"\\ud800\"]");
        yield return Each("{\"\\ud800\":\"\\udfff\"}");
        yield return Each("\"a\\u0000b\"");
        yield return Each("{\"a\\u0000\":\"b\"}");
        yield return Each("\"" + new string('x', 20_000) + "\"");
        yield return Each("1e400");
        yield return Each(new string('[', 200) + new string(']', 200));
        yield return string.Concat(Enumerable.Repeat("{\"a\":", 500)) + "1" + new string('}', 500);
    }

    private static IEnumerable<HttpContent> HostileMultipart()
    {
        const string part = "--b1\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\nContent-Type: image/png\r\n\r\n";
        yield return Multipart(part + "abc\r\n--b1--\r\n", "mismatch");
        yield return Multipart(part + "abc", "b1");
        yield return Multipart("--b1\r\nContent-Disposition: form-data; name=\"file\"; filen", "b1");
        yield return Multipart("garbage", "");
        yield return Multipart(part.Replace("a.png", "a\u0000.png") + "abc\r\n--b1--\r\n", "b1");
    }

    private static ByteArrayContent Multipart(string body, string boundary)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", $"multipart/form-data; boundary={boundary}");
        return content;
    }

    private static IReadOnlyList<string> BodyFields(JsonElement operation, JsonElement document)
    {
        var content = operation.GetProperty("requestBody").GetProperty("content");
        var schema = content.EnumerateObject().Select(c => c.Value).FirstOrDefault();
        var fields = schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("schema", out var s)
            ? Resolve(s, document) is { } resolved && resolved.TryGetProperty("properties", out var properties)
                ? properties.EnumerateObject().Select(p => p.Name).ToList()
                : []
            : [];
        return fields.Count > 0 ? fields : ["value"];
    }

    private static JsonElement? Resolve(JsonElement schema, JsonElement document)
    {
        if (!schema.TryGetProperty("$ref", out var reference))
            return schema;
        var name = reference.GetString()!.Split('/').Last();
        return document.GetProperty("components").GetProperty("schemas").TryGetProperty(name, out var resolved) ? resolved : null;
    }

    private static IEnumerable<string> QueryParameters(JsonElement? operation) =>
        operation is { } op && op.TryGetProperty("parameters", out var parameters)
            ? parameters.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "query").Select(p => p.GetProperty("name").GetString()!)
            : [];

    private static string Url(Route route, Func<string, string> valueOf) =>
        RouteParameter().Replace(route.Pattern, m => valueOf(m.Groups["name"].Value));

    private static HttpRequestMessage Request(string method, string url, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = content };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", $"sweep-{Guid.NewGuid():N}");
        return request;
    }

    private async Task<HttpClient> SignInAgainAsync(string email)
    {
        var login = await Anonymous().PostAsJsonAsync("/api/v1/auth/login", new { email, password = Password });
        await login.ShouldBe(200);
        return Authorized((await login.Json()).GetProperty("accessToken").GetString()!);
    }

    private static string Shorten(string body) => body.Length > 300 ? body[..300] : body;

    [GeneratedRegex(@"\{\*{0,2}(?<name>[A-Za-z0-9_]+)(:[^}]*)?\??\}")]
    private static partial Regex RouteParameter();
}
