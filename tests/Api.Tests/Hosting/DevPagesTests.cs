using System.Net.Http.Json;
using System.Text.RegularExpressions;
using IaGenify.Api.Tests.Support;
using IaGenify.Infrastructure.Email;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace IaGenify.Api.Tests.Hosting;

/// <summary>
/// The development stand-ins for the frontend pages the account emails link to: served only in Development, and each
/// completes its flow in a real browser from the link the email carried.
/// </summary>
public sealed partial class DevPagesTests(ApiFixture fixture) : ApiTest(fixture)
{
    private static readonly string[] Pages = ["/verify-email", "/reset-password", "/invitations/accept"];

    [Fact]
    public async Task Development_serves_the_three_pages_as_self_contained_html()
    {
        await using var development = new ApiFactory(Fixture.ConnectionString, environment: "Development");
        var client = development.CreateClient();

        foreach (var page in Pages)
        {
            var response = await client.GetAsync($"{page}?token=abc");
            await response.ShouldBe(200);
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            var csp = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("default-src 'none'", csp);
            Assert.Contains("script-src 'nonce-", csp);
            Assert.Contains("connect-src 'self'", csp);
            Assert.Equal("no-referrer", string.Join("", response.Headers.GetValues("Referrer-Policy")));
            var html = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("abc", html);
            Assert.DoesNotMatch("(src|href)=\"(https?:)?//", html);
        }
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Testing")]
    public async Task Other_environments_do_not_serve_them(string environment)
    {
        await using var host = new ApiFactory(Fixture.ConnectionString, environment: environment);
        var client = host.CreateClient();

        foreach (var page in Pages)
            Assert.Equal(404, (int)(await client.GetAsync($"{page}?token=abc")).StatusCode);
    }

    [Fact]
    public async Task The_verification_link_confirms_the_email_in_a_browser()
    {
        await using var server = DevelopmentServer(out var address);
        var api = new HttpClient { BaseAddress = new Uri(address) };
        var email = $"verify-{Guid.NewGuid():N}@example.com";
        var registered = await (await api.PostAsJsonAsync("/api/v1/auth/register", new { email, password = Password, displayName = "V" })).Json();
        var link = await LinkMailedAsync(server, email, "/verify-email");

        await using var browser = await ChromiumPage.StartAsync();
        await browser.OpenAsync(address + link);
        var (text, ok) = await browser.ResultAsync();

        Assert.True(ok, text);
        Assert.Contains("confirmed", text);
        api.DefaultRequestHeaders.Authorization = new("Bearer", registered.GetProperty("accessToken").GetString());
        Assert.True((await (await api.GetAsync("/api/v1/me")).Json()).GetProperty("emailVerified").GetBoolean());
    }

    [Fact]
    public async Task The_reset_link_sets_a_new_password_in_a_browser()
    {
        await using var server = DevelopmentServer(out var address);
        var api = new HttpClient { BaseAddress = new Uri(address) };
        var email = $"reset-{Guid.NewGuid():N}@example.com";
        await (await api.PostAsJsonAsync("/api/v1/auth/register", new { email, password = Password, displayName = "R" })).ShouldBe(201);
        await (await api.PostAsJsonAsync("/api/v1/auth/forgot-password", new { email })).ShouldBe(202);
        var link = await LinkMailedAsync(server, email, "/reset-password");

        await using var browser = await ChromiumPage.StartAsync();
        await browser.OpenAsync(address + link);
        await browser.FillAndSubmitAsync("reset", new Dictionary<string, string> { ["newPassword"] = "a brand new passphrase" });
        var (text, ok) = await browser.ResultAsync();

        Assert.True(ok, text);
        await (await api.PostAsJsonAsync("/api/v1/auth/login", new { email, password = "a brand new passphrase" })).ShouldBe(200);
        await (await api.PostAsJsonAsync("/api/v1/auth/login", new { email, password = Password })).ShouldBe(401);
    }

    [Fact]
    public async Task The_invitation_link_creates_the_account_and_joins_the_workspace_in_a_browser()
    {
        await using var server = DevelopmentServer(out var address);
        var api = new HttpClient { BaseAddress = new Uri(address) };
        var ownerEmail = $"owner-{Guid.NewGuid():N}@example.com";
        var owner = await (await api.PostAsJsonAsync("/api/v1/auth/register", new { email = ownerEmail, password = Password, displayName = "O" })).Json();
        await VerifyEmailAsync(server, ownerEmail);
        api.DefaultRequestHeaders.Authorization = new("Bearer", owner.GetProperty("accessToken").GetString());
        var workspaceId = (await (await api.PostAsJsonAsync("/api/v1/workspaces", new { name = "Browser Guild" })).Json()).GetProperty("id").GetGuid();
        var invitee = $"invitee-{Guid.NewGuid():N}@example.com";
        await (await api.PostAsJsonAsync($"/api/v1/workspaces/{workspaceId}/invitations", new { email = invitee, role = "member" })).ShouldBe(201);
        var link = await LinkMailedAsync(server, invitee, "/invitations/accept");

        await using var browser = await ChromiumPage.StartAsync();
        await browser.OpenAsync(address + link);
        await browser.EvaluateAsync("document.getElementById('create').click(); true");
        await browser.FillAndSubmitAsync("accept", new Dictionary<string, string>
        {
            ["email"] = invitee, ["password"] = Password, ["displayName"] = "Invited Person",
        });
        var (text, ok) = await browser.ResultAsync();

        Assert.True(ok, text);
        Assert.Contains("Browser Guild", text);
        var members = await (await api.GetAsync($"/api/v1/workspaces/{workspaceId}/members")).Json();
        Assert.Contains(invitee, members.ToString());
    }

    /// <summary>The API in Development on a real port, for the browser; its emails use the captured outbox.</summary>
    private ApiFactory DevelopmentServer(out string address)
    {
        var server = new ApiFactory(Fixture.ConnectionString, environment: "Development");
        server.UseKestrel(0);
        server.StartServer();
        address = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First(a => a.StartsWith("http://", StringComparison.Ordinal)).Replace("[::]", "127.0.0.1").Replace("localhost", "127.0.0.1")
            .TrimEnd('/');
        return server;
    }

    /// <summary>The path and query of the link the email to <paramref name="to"/> carries, checked to open <paramref name="page"/>.</summary>
    private static async Task<string> LinkMailedAsync(ApiFactory server, string to, string page)
    {
        await DeliverEmailsAsync(server);
        var mail = server.Services.GetRequiredService<CapturingEmailSender>().Sent.Last(e => e.To == to);
        var link = new Uri(MailedLink().Match(mail.Body).Value);
        Assert.Equal(page, link.AbsolutePath);
        Assert.StartsWith("?token=", link.Query);
        return link.PathAndQuery;
    }

    [GeneratedRegex(@"https?://\S+\?token=\S+")]
    private static partial Regex MailedLink();
}
