using IaGenify.Application.Common.Exceptions;
using System.Net.Http.Json;
using IaGenify.Api.Tests.Support;
using IaGenify.Application.Billing.Entitlements;
using IaGenify.Application.Common.Security;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using IaGenify.Domain.Billing;

namespace IaGenify.Api.Tests.Billing;

/// <summary>
/// The entitlement port against real PostgreSQL. Websites are counted by the websites module; here a counter with a
/// chosen count stands in for it, registered the way that module will register its own.
/// </summary>
public sealed class EntitlementTests(ApiFixture fixture) : BillingTest(fixture)
{
    private sealed class WebsiteCount : IUsageCounter
    {
        public int Count { get; set; }
        public PlanResource Resource => PlanResource.Websites;
        public Task<int> CountAsync(Guid workspaceId, CancellationToken cancellationToken) => Task.FromResult(Count);
    }

    private readonly WebsiteCount _websites = new();

    private WebApplicationFactory<Program> HostWithWebsiteCounter() =>
        Factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddScoped<IUsageCounter>(_ => _websites)));

    private static async Task<Exception?> CheckAsync(WebApplicationFactory<Program> host, Func<IEntitlements, Task> check)
    {
        // Modules call the port from their handlers; a worker outside any request works the same way.
        await using var scope = host.Services.CreateSystemScope();
        return await Record.ExceptionAsync(() => check(scope.ServiceProvider.GetRequiredService<IEntitlements>()));
    }

    [Fact]
    public async Task Creating_a_website_beyond_the_plan_limit_is_refused_and_follows_the_subscription()
    {
        await using var host = HostWithWebsiteCounter();
        var owner = await RegisterAsync();
        var workspaceId = await CreateWorkspaceAsync(owner);

        _websites.Count = 0;
        Assert.Null(await CheckAsync(host, e => e.EnsureCanAddWebsiteAsync(workspaceId, CancellationToken.None)));

        _websites.Count = 1;
        var refused = Assert.IsType<PlanLimitException>(await CheckAsync(host, e => e.EnsureCanAddWebsiteAsync(workspaceId, CancellationToken.None)));
        Assert.Equal(("plan_limit_reached", "free", "maxWebsites", 1), (refused.Code, refused.Plan, refused.Entitlement, refused.Limit));
        Assert.Contains("Free plan allows at most 1 websites", refused.Message);

        var ids = await SubscribeAsync(workspaceId);
        Assert.Null(await CheckAsync(host, e => e.EnsureCanAddWebsiteAsync(workspaceId, CancellationToken.None)));
        _websites.Count = 10;
        Assert.Equal("pro", Assert.IsType<PlanLimitException>(
            await CheckAsync(host, e => e.EnsureCanAddWebsiteAsync(workspaceId, CancellationToken.None))).Plan);

        var canceled = StripeJson.Subscription(ids.SubscriptionId, workspaceId, ids.CustomerId, "canceled", StripeJson.ProPrice,
            ids.PeriodStart, ids.PeriodEnd, canceledAt: Now);
        Stripe.SetSubscription(canceled);
        await DeliverOkAsync(StripeJson.Event("evt_cancel_sites", "customer.subscription.deleted", canceled, Now));
        _websites.Count = 1;
        Assert.Equal("free", Assert.IsType<PlanLimitException>(
            await CheckAsync(host, e => e.EnsureCanAddWebsiteAsync(workspaceId, CancellationToken.None))).Plan);
    }

    [Fact]
    public async Task Features_follow_the_plan_and_a_subscription_in_bad_standing_falls_back_to_free()
    {
        await using var host = HostWithWebsiteCounter();
        var owner = await RegisterAsync();
        var workspaceId = await CreateWorkspaceAsync(owner);

        var domain = Assert.IsType<PlanLimitException>(await CheckAsync(host, e => e.EnsureCustomDomainAsync(workspaceId, CancellationToken.None)));
        Assert.Equal(("plan_feature_unavailable", "customDomain", null), (domain.Code, domain.Entitlement, domain.Limit));
        // API access is in every plan by default (free keys get a lower request rate).
        Assert.Null(await CheckAsync(host, e => e.EnsureApiAccessAsync(workspaceId, CancellationToken.None)));
        Assert.Null(await CheckAsync(host, e => e.EnsureImageGenerationAsync(workspaceId, CancellationToken.None)));

        var ids = await SubscribeAsync(workspaceId);
        Assert.Null(await CheckAsync(host, e => e.EnsureApiAccessAsync(workspaceId, CancellationToken.None)));
        Assert.Null(await CheckAsync(host, e => e.EnsureCustomDomainAsync(workspaceId, CancellationToken.None)));

        var unpaid = StripeJson.Subscription(ids.SubscriptionId, workspaceId, ids.CustomerId, "unpaid", StripeJson.ProPrice, ids.PeriodStart, ids.PeriodEnd);
        Stripe.SetSubscription(unpaid);
        await DeliverOkAsync(StripeJson.Event("evt_unpaid", "customer.subscription.updated", unpaid, Now));
        var billing = await BillingAsync(owner, workspaceId);
        Assert.Equal(("pro", SubscriptionStatus.Unpaid), (PlanOf(billing), StatusOf(billing)));
        Assert.False(billing.Entitlements.CustomDomain);
        Assert.IsType<PlanLimitException>(await CheckAsync(host, e => e.EnsureCustomDomainAsync(workspaceId, CancellationToken.None)));
    }

    [Fact]
    public async Task Inviting_beyond_the_member_limit_is_refused_with_a_problem_naming_the_plan_limit()
    {
        var owner = await RegisterAsync();
        var workspaceId = await CreateWorkspaceAsync(owner);
        // Free allows five members; the owner plus four pending invitations fill it.
        for (var i = 0; i < 4; i++)
            await (await owner.Client.PostAsJsonAsync($"/api/v1/workspaces/{workspaceId}/invitations",
                new { email = $"invitee{i}@example.com", role = "member" })).ShouldBe(201);

        var response = await owner.Client.PostAsJsonAsync($"/api/v1/workspaces/{workspaceId}/invitations",
            new { email = "one-too-many@example.com", role = "member" });

        var problem = await response.ShouldBeProblem(402, "plan_limit_reached");
        Assert.Equal(("free", "maxMembers", 5), (problem.Plan, problem.Entitlement,
            problem.Limit));
        Assert.Contains("Free plan allows at most 5 members", problem.Detail);

        await SubscribeAsync(workspaceId);
        await (await owner.Client.PostAsJsonAsync($"/api/v1/workspaces/{workspaceId}/invitations",
            new { email = "one-too-many@example.com", role = "member" })).ShouldBe(201);
    }
}
