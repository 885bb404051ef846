using System.Net.Http.Json;
using IaGenify.Api.Tests.Support;
using IaGenify.Application.Generations;
using IaGenify.Infrastructure.Generations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IaGenify.Api.Tests.Observability;

public sealed class ObservabilityTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task The_correlation_id_sent_is_echoed_and_otherwise_the_trace_id_is()
    {
        var client = Anonymous();
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        request.Headers.Add("X-Correlation-Id", "order-4711");
        var echoed = await client.SendAsync(request);
        await echoed.ShouldBeProblem(401);
        Assert.Equal("order-4711", Assert.Single(echoed.Headers.GetValues("X-Correlation-Id")));

        var generated = await client.GetAsync("/api/v1/me");
        var traceId = (await generated.ReadAsync<ApiProblem>()).TraceId!;
        var correlationId = Assert.Single(generated.Headers.GetValues("X-Correlation-Id"));
        Assert.Matches("^[0-9a-f]{32}$", correlationId);
        Assert.Contains(correlationId, traceId);

        var unsafeId = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        unsafeId.Headers.TryAddWithoutValidation("X-Correlation-Id", "<script>");
        Assert.Matches("^[0-9a-f]{32}$", Assert.Single((await client.SendAsync(unsafeId)).Headers.GetValues("X-Correlation-Id")));
    }

    [Fact]
    public async Task Log_lines_carry_the_trace_and_correlation_ids_and_no_payload()
    {
        var logs = new CapturedLogs();
        await using var factory = new ApiFactory(Fixture.ConnectionString,
            services: services => services.AddSingleton<ILoggerProvider>(logs));
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/login")
        {
            Content = JsonContent.Create(new { email = "nobody@example.com", password = "secret-password-123" }),
        };
        request.Headers.Add("X-Correlation-Id", "login-attempt-1");

        await (await factory.CreateClient().SendAsync(request)).ShouldBe(401);

        var refusal = Assert.Single(logs.Lines, l => l.Message.StartsWith("Login refused with", StringComparison.Ordinal));
        Assert.Equal("login-attempt-1", refusal.Scope["CorrelationId"]);
        Assert.Matches("^[0-9a-f]{32}$", refusal.Scope["TraceId"]?.ToString());
        Assert.Equal("Login", refusal.Scope["Request"]);
        Assert.DoesNotContain(logs.Lines, l => l.Message.Contains("nobody@example.com") || l.Message.Contains("secret-password-123"));
    }

    [Fact]
    public async Task Metrics_are_scraped_at_metrics_only_when_prometheus_is_enabled()
    {
        await (await Anonymous().GetAsync("/metrics")).ShouldBeProblem(404);

        var owner = await RegisterAsync();
        var workspaceId = await CreateWorkspaceAsync(owner);
        var apiKey = await CreateApiKeyAsync(owner, workspaceId, "viewer");
        await using var factory = new ApiFactory(Fixture.ConnectionString, settings: new Dictionary<string, string?>
        {
            ["Telemetry:Prometheus"] = "true",
            ["RateLimits:ApiKey:PermitLimit"] = "1",
        });
        var client = WithApiKey(apiKey.Key, factory: factory);
        await (await client.GetAsync($"/api/v1/workspaces/{workspaceId}")).ShouldBe(200);
        await (await client.GetAsync($"/api/v1/workspaces/{workspaceId}")).ShouldBe(429);
        await (await WithApiKey("iag_" + new string('Z', 43), factory: factory).GetAsync($"/api/v1/workspaces/{workspaceId}")).ShouldBe(401);

        var scrape = await factory.CreateClient().GetAsync("/metrics");

        await scrape.ShouldBe(200);
        var text = await scrape.Content.ReadAsStringAsync();
        Assert.Matches(@"iagenify_requests_total\{[^}]*request=""GetWorkspace""[^}]*\} 1", text);
        Assert.Matches(@"iagenify_api_key_authentications_total\{[^}]*outcome=""succeeded""[^}]*\} 2", text);
        Assert.Matches(@"iagenify_api_key_authentications_total\{[^}]*outcome=""unknown""[^}]*\} 1", text);
        Assert.Matches(@"iagenify_rate_limit_rejections_total\{[^}]*caller=""api_key""[^}]*\} 1", text);
        Assert.Contains("iagenify_request_duration_seconds_bucket", text);
    }

    [Fact]
    public async Task A_generation_s_credits_are_counted_once_in_the_consumed_metric()
    {
        var owner = await RegisterAsync();
        var workspaceId = await CreateWorkspaceAsync(owner);
        var apiKey = await CreateApiKeyAsync(owner, workspaceId, "member");
        await using var factory = new ApiFactory(Fixture.ConnectionString, settings: new Dictionary<string, string?>
        {
            ["Telemetry:Prometheus"] = "true",
        });
        // Jobs other tests left queued must not be completed (and counted) by this factory's worker.
        await DrainGenerationsAsync();
        var submitted = await SubmitAsync(WithApiKey(apiKey.Key, factory: factory), workspaceId,
            new { kind = "section", input = new { prompt = "Our team", sectionType = "features" } });
        var price = (await submitted.ReadAsync<SubmittedGenerationDto>()).Price;

        Assert.Equal(1, await factory.Services.GetRequiredService<GenerationProcessor>().DrainAsync(CancellationToken.None));

        var scrape = await (await factory.CreateClient().GetAsync("/metrics")).Content.ReadAsStringAsync();
        var consumed = scrape.Split('\n')
            .Where(l => l.StartsWith("iagenify_credits_consumed", StringComparison.Ordinal))
            .Sum(l => long.Parse(l[(l.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(price > 0);
        Assert.Equal(price, consumed);
    }
}
