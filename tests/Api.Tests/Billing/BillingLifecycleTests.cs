using System.Net.Http.Json;
using IaGenify.Api.Tests.Support;
using IaGenify.Application.Workspaces.Purge;
using Microsoft.Extensions.DependencyInjection;
using IaGenify.Application.Identity;
using IaGenify.Application.Workspaces;

namespace IaGenify.Api.Tests.Billing;

/// <summary>Billing where it meets the other modules: API keys, workspace purge.</summary>
public sealed class BillingLifecycleTests(ApiFixture fixture) : BillingTest(fixture)
{
    [Fact]
    public async Task Api_keys_need_a_plan_with_api_access()
    {
        // Every plan includes API access unless configured otherwise: here the free plan does not.
        await using var freeWithoutApi = new ApiFactory(Fixture.ConnectionString,
            settings: new Dictionary<string, string?> { ["Billing:Plans:0:Entitlements:ApiAccess"] = "false" });
        var email = $"owner-{Guid.NewGuid():N}@example.com";
        var session = await (await freeWithoutApi.CreateClient().PostAsJsonAsync("/api/v1/auth/register",
            new { email, password = Password, displayName = "Owner" })).ReadAsync<AuthResponse>();
        await VerifyEmailAsync(freeWithoutApi, email);
        var owner = freeWithoutApi.CreateClient();
        owner.DefaultRequestHeaders.Authorization = new("Bearer", session.AccessToken);
        var workspaceId = (await (await owner.PostAsJsonAsync("/api/v1/workspaces", new { name = "Acme" })).ReadAsync<WorkspaceDto>()).Id;
        var path = $"/api/v1/workspaces/{workspaceId}/api-keys";

        var refused = await owner.PostAsJsonAsync(path, new { name = "CI", role = "member" });

        var problem = await refused.ShouldBeProblem(402, "plan_feature_unavailable");
        Assert.Equal(("free", "apiAccess"), (problem.Plan, problem.Entitlement));
        Assert.Contains("Free plan does not include API access", problem.Detail);

        await SubscribeToPlanAsync(workspaceId);
        await (await owner.PostAsJsonAsync(path, new { name = "CI", role = "member" })).ShouldBe(201);
    }

    [Fact]
    public async Task Purging_a_workspace_cancels_its_subscription_in_stripe_and_removes_its_billing()
    {
        var owner = await RegisterAsync();
        var workspaceId = await CreateWorkspaceAsync(owner);
        var ids = await SubscribeAsync(workspaceId);
        await (await owner.Client.DeleteAsync($"/api/v1/workspaces/{workspaceId}")).ShouldBe(204);
        Clock.Advance(TimeSpan.FromDays(31));

        var result = await Factory.Services.GetRequiredService<WorkspacePurger>().PurgeDueAsync(CancellationToken.None);

        Assert.Equal(new WorkspacePurgeResult(1, 0), result);
        var cancel = Assert.Single(Stripe.RequestsTo("DELETE", $"/v1/subscriptions/{ids.SubscriptionId}"));
        Assert.Equal($"purge:{workspaceId}", cancel.IdempotencyKey);
        Assert.Equal("false", cancel.Form.GetValueOrDefault("prorate") ?? QueryValue(cancel.Query, "prorate"));
        Assert.Equal(0L, await ScalarAsync<long>("SELECT count(*) FROM billing_accounts WHERE workspace_id = @id", ("id", workspaceId)));

        // Stripe's own deletion event arrives afterwards and finds nothing to change.
        await DeliverOkAsync(StripeJson.Event("evt_after_purge", "customer.subscription.deleted",
            StripeJson.Subscription(ids.SubscriptionId, workspaceId, ids.CustomerId, "canceled", StripeJson.ProPrice, ids.PeriodStart, ids.PeriodEnd,
                canceledAt: Now), Now));
        Assert.Equal(0L, await ScalarAsync<long>("SELECT count(*) FROM billing_accounts WHERE workspace_id = @id", ("id", workspaceId)));
    }

    [Fact]
    public async Task A_purge_waits_for_stripe_so_that_a_workspace_is_never_purged_while_still_charged()
    {
        var owner = await RegisterAsync();
        var workspaceId = await CreateWorkspaceAsync(owner);
        await SubscribeAsync(workspaceId);
        await (await owner.Client.DeleteAsync($"/api/v1/workspaces/{workspaceId}")).ShouldBe(204);
        Clock.Advance(TimeSpan.FromDays(31));
        var purger = Factory.Services.GetRequiredService<WorkspacePurger>();

        Stripe.Fail(500);
        Assert.Equal(new WorkspacePurgeResult(0, 1), await purger.PurgeDueAsync(CancellationToken.None));
        Assert.Equal(1L, await ScalarAsync<long>("SELECT count(*) FROM workspaces WHERE id = @id", ("id", workspaceId)));

        Stripe.Fail(0);
        Assert.Equal(new WorkspacePurgeResult(1, 0), await purger.PurgeDueAsync(CancellationToken.None));
    }

    private static string? QueryValue(string query, string name) =>
        query.TrimStart('?').Split('&').Select(p => p.Split('=', 2)).FirstOrDefault(p => p[0] == name)?.ElementAtOrDefault(1);
}
