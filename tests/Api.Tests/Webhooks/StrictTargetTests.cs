using System.Net.Http.Headers;
using System.Net.Http.Json;
using IaGenify.Api.Hosting;
using IaGenify.Api.Tests.Support;
using IaGenify.Application.Identity;
using IaGenify.Application.Workspaces;
using IaGenify.Domain.Webhooks;

namespace IaGenify.Api.Tests.Webhooks;

/// <summary>An API configured like Production for webhook targets: https only, no loopback or private networks.</summary>
public sealed class StrictTargetFixture : IAsyncLifetime
{
    private TestDatabase? _database;

    public ApiFactory Factory { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("iagenify_strict");
        var settings = new Dictionary<string, string?> { ["Webhooks:AllowPrivateTargets"] = "false" };
        Factory = new ApiFactory(_database.ConnectionString, settings: settings);
        await HostCommands.MigrateAsync(Factory.Services, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (Factory is not null)
            await Factory.DisposeAsync();
        if (_database is not null)
            await _database.DisposeAsync();
    }
}

public sealed class StrictTargetTests(StrictTargetFixture fixture) : IClassFixture<StrictTargetFixture>
{
    [Theory]
    [InlineData("https://127.0.0.1/hook")]
    [InlineData("https://[::1]/hook")]
    [InlineData("https://10.1.2.3/hook")]
    [InlineData("https://172.20.0.5/hook")]
    [InlineData("https://192.168.1.10/hook")]
    [InlineData("https://100.64.0.1/hook")]
    [InlineData("https://[fd12:3456::1]/hook")]
    [InlineData("http://example.com/hook")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("https://metadata.google.internal/")]
    public async Task Registration_refuses_loopback_private_and_plain_http_targets(string url)
    {
        var (owner, workspaceId) = await OwnerWithWorkspaceAsync();

        var response = await owner.Client.PostAsJsonAsync(WebhookApi.Endpoints(workspaceId), new { url, eventTypes = new[] { "member.joined" } });

        var problem = await response.ShouldBeProblem(400, "validation_failed");
        Assert.Equal(["url"], problem.ErrorFields());
    }

    [Fact]
    public async Task A_public_https_url_is_accepted()
    {
        var (owner, workspaceId) = await OwnerWithWorkspaceAsync();
        await owner.CreateEndpointAsync(workspaceId, "https://93.184.215.14/hook", "member.joined");
        await owner.CreateEndpointAsync(workspaceId, "https://hooks.example.com/hook", "member.joined");
    }

    [Fact]
    public async Task A_host_name_that_resolves_to_loopback_is_refused_when_connecting()
    {
        var (owner, workspaceId) = await OwnerWithWorkspaceAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        // A name passes registration (it is not resolved there); the connect callback resolves it to 127.0.0.1.
        var endpointId = (await owner.CreateEndpointAsync(workspaceId, $"https://localhost:{receiver.Port}/hook", "member.joined")).Id;

        var eventId = await owner.SendTestAsync(workspaceId, endpointId);

        var delivery = await owner.WaitForFinishedDeliveryAsync(workspaceId, endpointId, eventId);
        Assert.Equal((WebhookDeliveryStatus.Failed, 1), (delivery.Status, delivery.Attempts));
        Assert.Contains("loopback", delivery.LastError);
        Assert.Empty(receiver.Received);
    }

    private async Task<(TestUser Owner, Guid WorkspaceId)> OwnerWithWorkspaceAsync()
    {
        var email = $"user-{Guid.NewGuid():N}@example.com";
        var client = fixture.Factory.CreateClient();
        var registered = await client.PostAsJsonAsync("/api/v1/auth/register", new { email, password = ApiTest.Password, displayName = "Strict" });
        await registered.ShouldBe(201);
        var session = await registered.ReadAsync<AuthResponse>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", session.AccessToken);
        var owner = new TestUser(session.User.Id, email, session.RefreshToken, client);
        var workspace = await client.PostAsJsonAsync("/api/v1/workspaces", new { name = "Strict" });
        await workspace.ShouldBe(201);
        return (owner, (await workspace.ReadAsync<WorkspaceDto>()).Id);
    }
}
