using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using IaGenify.Application.Credits;
using IaGenify.Application.Generations;
using IaGenify.Application.Identity;
using IaGenify.Application.Workspaces;
using IaGenify.Infrastructure.Email;
using IaGenify.Infrastructure.Generations;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IaGenify.Api.Tests.Support;

/// <summary>Base of API tests: a clean database, and helpers that drive the API the way a client does.</summary>
[Collection(ApiCollection.Name)]
public abstract partial class ApiTest(ApiFixture fixture) : IAsyncLifetime
{
    public const string Password = "correct horse battery";

    protected ApiFixture Fixture { get; } = fixture;
    protected virtual ApiFactory Factory => Fixture.Factory;
    protected TestClock Clock => Factory.Clock;

    public Task InitializeAsync() => Fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    protected HttpClient Anonymous() => Factory.CreateClient();

    /// <summary>
    /// The emails captured so far, once the email outbox has delivered what is due: actions only stage their emails,
    /// so this sends the outbox (as the dispatcher would) and waits for any delivery another host has under way.
    /// </summary>
    protected IReadOnlyList<CapturedEmail> Emails
    {
        get
        {
            // Off the test's synchronization context, so that blocking on it cannot deadlock.
            Task.Run(() => DeliverEmailsAsync(Factory)).GetAwaiter().GetResult();
            return Factory.Services.GetRequiredService<CapturingEmailSender>().Sent;
        }
    }

    /// <summary>Sends the email outbox through the host's sender until nothing due is left unsent.</summary>
    protected static async Task DeliverEmailsAsync(WebApplicationFactory<Program> host)
    {
        var dispatcher = host.Services.GetRequiredService<EmailOutboxDispatcher>();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            await dispatcher.DrainAsync(CancellationToken.None);
            if (await dispatcher.CountDueAsync(CancellationToken.None) == 0)
                return;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("The email outbox still holds due emails.");
            await Task.Delay(50);
        }
    }

    /// <summary>
    /// Registers a user and returns a client that sends their access token. The user opens the emailed verification
    /// link unless <paramref name="verified"/> is false: inviting, API keys, publishing and checkout need it.
    /// </summary>
    protected async Task<TestUser> RegisterAsync(string? email = null, string displayName = "Test User", bool verified = true)
    {
        email ??= $"user-{Guid.NewGuid():N}@example.com";
        var response = await Anonymous().PostAsJsonAsync("/api/v1/auth/register", new { email, password = Password, displayName });
        await response.ShouldBe(201);
        var session = await response.ReadAsync<AuthResponse>();
        if (verified)
            await VerifyEmailAsync(Factory, email);
        return new TestUser(session.User.Id, email, session.RefreshToken, Authorized(session.AccessToken));
    }

    /// <summary>Opens the newest verification link the host mailed to <paramref name="email"/>, as its owner would.</summary>
    public static async Task VerifyEmailAsync(WebApplicationFactory<Program> factory, string email)
    {
        await DeliverEmailsAsync(factory);
        var mail = factory.Services.GetRequiredService<CapturingEmailSender>().Sent
            .LastOrDefault(e => e.To == email.ToLowerInvariant() && e.Body.Contains("verify-email?token=", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"No verification email was sent to {email}.");
        var token = Uri.UnescapeDataString(TokenInLink().Match(mail.Body).Groups[1].Value);
        var verified = await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/verify-email", new { token });
        await verified.ShouldBe(204);
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
        return (await response.ReadAsync<WorkspaceDto>()).Id;
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

    /// <summary>Runs every due generation to the end of its attempt, as a worker would.</summary>
    protected Task<int> DrainGenerationsAsync() =>
        Factory.Services.GetRequiredService<GenerationProcessor>().DrainAsync(CancellationToken.None);

    /// <summary>Submits a generation and returns the response (202 with { id, status, price } when accepted).</summary>
    protected static Task<HttpResponseMessage> SubmitAsync(HttpClient client, Guid workspaceId, object body, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/workspaces/{workspaceId}/generations") { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null)
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        return client.SendAsync(request);
    }

    protected static async Task<GenerationDto> GenerationAsync(HttpClient client, Guid workspaceId, Guid generationId)
    {
        var response = await client.GetAsync($"/api/v1/workspaces/{workspaceId}/generations/{generationId}");
        await response.ShouldBe(200);
        return await response.ReadAsync<GenerationDto>();
    }

    protected static async Task<(long Balance, long Available, long Reserved)> CreditsAsync(HttpClient client, Guid workspaceId)
    {
        var credits = await (await client.GetAsync($"/api/v1/workspaces/{workspaceId}/credits")).ReadAsync<CreditBalanceDto>();
        return (credits.Balance, credits.Available, credits.Reserved);
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
