using System.Net.Http.Json;
using IaGenify.Api.Tests.Support;
using IaGenify.Application.Identity;
using IaGenify.Application.Workspaces;
using IaGenify.Infrastructure.Email;
using Microsoft.Extensions.DependencyInjection;

namespace IaGenify.Api.Tests.Identity;

/// <summary>Account emails link to the frontend (<c>Platform:AppUrl</c>), at the routes the README documents.</summary>
public sealed class FrontendLinkTests(ApiFixture fixture) : ApiTest(fixture)
{
    private const string AppUrl = "https://front.iagenify.test/app";

    [Fact]
    public async Task Verification_reset_and_invitation_links_open_the_frontend_pages()
    {
        await using var host = new ApiFactory(Fixture.ConnectionString,
            settings: new Dictionary<string, string?> { ["Platform:AppUrl"] = AppUrl + "/" });
        var api = host.CreateClient();
        var owner = $"owner-{Guid.NewGuid():N}@example.com";
        var invitee = $"invitee-{Guid.NewGuid():N}@example.com";
        var session = await (await api.PostAsJsonAsync("/api/v1/auth/register", new { email = owner, password = Password, displayName = "O" })).ReadAsync<AuthResponse>();
        await VerifyEmailAsync(host, owner);
        await (await api.PostAsJsonAsync("/api/v1/auth/forgot-password", new { email = owner })).ShouldBe(202);
        api.DefaultRequestHeaders.Authorization = new("Bearer", session.AccessToken);
        var workspaceId = (await (await api.PostAsJsonAsync("/api/v1/workspaces", new { name = "Linked" })).ReadAsync<WorkspaceDto>()).Id;
        await (await api.PostAsJsonAsync($"/api/v1/workspaces/{workspaceId}/invitations", new { email = invitee, role = "viewer" })).ShouldBe(201);

        await DeliverEmailsAsync(host);
        var bodies = host.Services.GetRequiredService<CapturingEmailSender>().Sent.Select(e => (e.To, e.Body)).ToList();

        Assert.Contains(bodies, e => e.To == owner && e.Body.Contains($"{AppUrl}/verify-email?token=", StringComparison.Ordinal));
        Assert.Contains(bodies, e => e.To == owner && e.Body.Contains($"{AppUrl}/reset-password?token=", StringComparison.Ordinal));
        Assert.Contains(bodies, e => e.To == invitee && e.Body.Contains($"{AppUrl}/invitations/accept?token=", StringComparison.Ordinal));
        Assert.DoesNotContain(bodies, e => e.Body.Contains("https://app.iagenify.test/", StringComparison.Ordinal));
    }
}
