using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using IaGenify.Infrastructure.Email;
using Microsoft.Extensions.DependencyInjection;

namespace IaGenify.Api.Tests.Support;

/// <summary>Base of API tests: a clean database, and helpers that drive the API the way a client does.</summary>
[Collection(ApiCollection.Name)]
public abstract partial class ApiTest(ApiFixture fixture) : IAsyncLifetime
{
    public const string Password = "correct horse battery";

    protected ApiFixture Fixture { get; } = fixture;
    protected ApiFactory Factory => Fixture.Factory;
    protected TestClock Clock => Factory.Clock;

    public Task InitializeAsync() => Fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    protected HttpClient Anonymous() => Factory.CreateClient();

    protected IReadOnlyList<CapturedEmail> Emails => Factory.Services.GetRequiredService<CapturingEmailSender>().Sent;

    /// <summary>Registers a user and returns a client that sends their access token.</summary>
    protected async Task<TestUser> RegisterAsync(string? email = null, string displayName = "Test User")
    {
        email ??= $"user-{Guid.NewGuid():N}@example.com";
        var response = await Anonymous().PostAsJsonAsync("/api/v1/auth/register", new { email, password = Password, displayName });
        await response.ShouldBe(201);
        var body = await response.Json();
        return new TestUser(
            body.GetProperty("user").GetProperty("id").GetGuid(),
            email,
            body.GetProperty("refreshToken").GetString()!,
            Authorized(body.GetProperty("accessToken").GetString()!));
    }

    protected HttpClient Authorized(string accessToken)
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    protected static async Task<Guid> CreateWorkspaceAsync(TestUser owner, string name = "Acme")
    {
        var response = await owner.Client.PostAsJsonAsync("/api/v1/workspaces", new { name });
        await response.ShouldBe(201);
        return (await response.Json()).GetProperty("id").GetGuid();
    }

    /// <summary>The token of the newest email sent to <paramref name="to"/> (links carry it as <c>token=</c>).</summary>
    protected string TokenMailedTo(string to)
    {
        var email = Emails.LastOrDefault(e => e.To == to.ToLowerInvariant())
            ?? throw new InvalidOperationException($"No email was sent to {to}.");
        return Uri.UnescapeDataString(TokenInLink().Match(email.Body).Groups[1].Value);
    }

    /// <summary>Invites a fresh user with the role through the real invitation flow and returns them.</summary>
    protected async Task<TestUser> AddMemberAsync(TestUser inviter, Guid workspaceId, string role)
    {
        var member = await RegisterAsync();
        var invite = await inviter.Client.PostAsJsonAsync($"/api/v1/workspaces/{workspaceId}/invitations", new { email = member.Email, role });
        await invite.ShouldBe(201);
        var accept = await member.Client.PostAsJsonAsync("/api/v1/invitations/accept", new { token = TokenMailedTo(member.Email) });
        await accept.ShouldBe(200);
        return member;
    }

    /// <summary>A workspace with one user of each role.</summary>
    protected async Task<Team> CreateTeamAsync()
    {
        var owner = await RegisterAsync();
        var workspaceId = await CreateWorkspaceAsync(owner);
        return new Team(workspaceId, owner,
            await AddMemberAsync(owner, workspaceId, "admin"),
            await AddMemberAsync(owner, workspaceId, "member"),
            await AddMemberAsync(owner, workspaceId, "viewer"));
    }

    [GeneratedRegex(@"token=([^\s&]+)")]
    private static partial Regex TokenInLink();
}

public sealed record TestUser(Guid Id, string Email, string RefreshToken, HttpClient Client);

public sealed record Team(Guid WorkspaceId, TestUser Owner, TestUser Admin, TestUser Member, TestUser Viewer)
{
    public TestUser ByRole(string role) => role switch
    {
        "owner" => Owner,
        "admin" => Admin,
        "member" => Member,
        "viewer" => Viewer,
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };
}
