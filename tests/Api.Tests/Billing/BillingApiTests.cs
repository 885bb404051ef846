using System.Net.Http.Headers;
using System.Net.Http.Json;
using IaGenify.Api.Tests.Support;
using IaGenify.Application.Billing.Ports;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NSubstitute;
using IaGenify.Application.Audit;
using IaGenify.Application.Billing;
using IaGenify.Application.Common.Paging;
using IaGenify.Application.Identity;
using IaGenify.Application.Workspaces;
using IaGenify.Domain.Billing;

namespace IaGenify.Api.Tests.Billing;

public sealed class BillingApiTests(ApiFixture fixture) : BillingTest(fixture)
{
    [Fact]
    public async Task Plans_and_credit_packs_are_public_with_their_display_prices_and_entitlements()
    {
        var response = await Anonymous().GetAsync("/api/v1/plans");

        await response.ShouldBe(200);
        var raw = await response.Content.ReadAsStringAsync();
        var body = ApiJson.Read<PlanListDto>(raw);
        var plans = body.Items;
        Assert.Equal(["free", "pro", "business"], plans.Select(p => p.Code));
        Assert.Null(plans[0].Price);
        Assert.Equal(1, plans[0].Entitlements.MaxWebsites);
        var pro = plans[1];
        Assert.Equal((2900, "eur", "month"), (pro.Price!.Amount, pro.Price.Currency, pro.Price.Interval));
        Assert.Equal((2000, 14), (pro.MonthlyCredits, pro.TrialDays));
        Assert.True(pro.Entitlements.ApiAccess);
        Assert.Null(plans[2].Entitlements.MaxWebsites);
        Assert.Equal(["credits-1000", "credits-5000"], body.CreditPacks.Select(p => p.Code));
        Assert.DoesNotContain("StripePriceId", raw, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_new_workspace_is_on_the_free_plan_and_every_member_can_read_its_billing()
    {
        var team = await CreateTeamAsync();

        var billing = await BillingAsync(team.Viewer, team.WorkspaceId);

        Assert.Equal(("free", "Free", SubscriptionStatus.Active), (PlanOf(billing), billing.Plan.Name, StatusOf(billing)));
        Assert.Null(billing.CurrentPeriodEnd);
        Assert.False(billing.CancelAtPeriodEnd);
        Assert.Equal(new EntitlementsDto(MaxWebsites: 1, MaxMembers: 5, ApiAccess: true, ImageGeneration: true, CustomDomain: false),
            billing.Entitlements);
    }

    [Fact]
    public async Task Checkout_for_a_plan_creates_the_customer_once_and_a_subscription_session_with_trial_and_metadata()
    {
        var owner = await RegisterAsync();
        var workspaceId = await CreateWorkspaceAsync(owner, "Studio");

        var first = await CheckoutAsync(owner, workspaceId, new { plan = "pro" }, "key-1");
        var retry = await CheckoutAsync(owner, workspaceId, new { plan = "pro" }, "key-1");
        var pack = await CheckoutAsync(owner, workspaceId, new { creditPack = "credits-1000" }, "key-2");

        await first.ShouldBe(200);
        var url = (await first.ReadAsync<RedirectDto>()).Url;
        Assert.StartsWith("https://checkout.stripe.test/c/pay/cs_test_", url);
        Assert.Equal(url, (await retry.ReadAsync<RedirectDto>()).Url);
        Assert.True(retry.Headers.Contains("Idempotent-Replayed"));
        await pack.ShouldBe(200);

        var customer = Assert.Single(Stripe.RequestsTo("POST", "/v1/customers"));
        Assert.Equal($"customer:{workspaceId}", customer.IdempotencyKey);
        Assert.Equal("Studio", customer.Form["name"]);
        Assert.Equal(owner.Email, customer.Form["email"]);
        Assert.Equal(workspaceId.ToString(), customer.Form["metadata[workspace_id]"]);
        Assert.Equal("2026-10-28.endive", customer.StripeVersion);

        // The retry was answered from the first response: Stripe saw one session per purchase.
        var sessions = Stripe.RequestsTo("POST", "/v1/checkout/sessions");
        Assert.Equal(2, sessions.Count);
        var subscription = sessions[0];
        Assert.StartsWith($"checkout:{workspaceId}:plan:pro:", subscription.IdempotencyKey);
        Assert.Equal("subscription", subscription.Form["mode"]);
        Assert.Equal("cus_1", subscription.Form["customer"]);
        Assert.Equal(workspaceId.ToString(), subscription.Form["client_reference_id"]);
        Assert.Equal("price_pro_monthly", subscription.Form["line_items[0][price]"]);
        Assert.Equal("1", subscription.Form["line_items[0][quantity]"]);
        Assert.Equal(workspaceId.ToString(), subscription.Form["subscription_data[metadata][workspace_id]"]);
        Assert.Equal("14", subscription.Form["subscription_data[trial_period_days]"]);
        Assert.Equal("https://app.iagenify.test/billing?checkout=success", subscription.Form["success_url"]);

        var payment = sessions[1];
        Assert.StartsWith($"checkout:{workspaceId}:pack:credits-1000:", payment.IdempotencyKey);
        Assert.Equal("payment", payment.Form["mode"]);
        Assert.Equal("cus_1", payment.Form["customer"]);
        Assert.Equal(workspaceId.ToString(), payment.Form["client_reference_id"]);
        Assert.Equal("price_credits_1000", payment.Form["line_items[0][price]"]);
        Assert.Equal(workspaceId.ToString(), payment.Form["metadata[workspace_id]"]);
        Assert.Equal("credits-1000", payment.Form["metadata[credit_pack]"]);
        Assert.False(payment.Form.ContainsKey("subscription_data[trial_period_days]"));

        var audit = await (await owner.Client.GetAsync($"/api/v1/workspaces/{workspaceId}/audit-log?action=billing.checkout_started"))
            .ReadAsync<CursorPage<AuditEntryDto>>();
        Assert.Equal(2, audit.Items.Count);
    }

    [Fact]
    public async Task A_workspace_that_already_subscribed_gets_no_second_subscription_and_no_second_trial()
    {
        var owner = await RegisterAsync();
        var workspaceId = await CreateWorkspaceAsync(owner);
        var ids = await SubscribeAsync(workspaceId);

        var again = await CheckoutAsync(owner, workspaceId, new { plan = "business" });
        await again.ShouldBeProblem(409, "billing.subscription_exists");

        var canceled = StripeJson.Subscription(ids.SubscriptionId, workspaceId, ids.CustomerId, "canceled", StripeJson.ProPrice,
            ids.PeriodStart, ids.PeriodEnd, canceledAt: Now);
        Stripe.SetSubscription(canceled);
        await DeliverOkAsync(StripeJson.Event("evt_cancel", "customer.subscription.deleted", canceled, Now));
        var resubscribe = await CheckoutAsync(owner, workspaceId, new { plan = "business" });

        await resubscribe.ShouldBe(200);
        var session = Stripe.RequestsTo("POST", "/v1/checkout/sessions").Last();
        Assert.Equal(ids.CustomerId, session.Form["customer"]);
        Assert.False(session.Form.ContainsKey("subscription_data[trial_period_days]"));
        Assert.Empty(Stripe.RequestsTo("POST", "/v1/customers"));
    }

    [Fact]
    public async Task A_stripe_failure_at_checkout_is_a_503_and_leaves_no_half_linked_customer()
    {
        var owner = await RegisterAsync();
        var workspaceId = await CreateWorkspaceAsync(owner);
        Stripe.Fail(500);

        await (await CheckoutAsync(owner, workspaceId, new { plan = "pro" })).ShouldBeProblem(503, "billing.provider_error");
        Stripe.Fail(0);
        await (await owner.Client.PostAsync($"/api/v1/workspaces/{workspaceId}/billing/portal", null)).ShouldBeProblem(409, "billing.no_customer");
        await (await CheckoutAsync(owner, workspaceId, new { plan = "pro" })).ShouldBe(200);
        Assert.All(Stripe.RequestsTo("POST", "/v1/customers"), r => Assert.Equal($"customer:{workspaceId}", r.IdempotencyKey));
    }

    [Theory]
    [InlineData("{}", "plan")]
    [InlineData("""{"plan":"pro","creditPack":"credits-1000"}""", "plan")]
    [InlineData("""{"plan":"gold"}""", "plan")]
    [InlineData("""{"plan":"free"}""", "plan")]
    [InlineData("""{"creditPack":"credits-7"}""", "creditPack")]
    public async Task Checkout_refuses_what_cannot_be_bought(string body, string field)
    {
        var owner = await RegisterAsync();
        var workspaceId = await CreateWorkspaceAsync(owner);

        var response = await CheckoutAsync(owner, workspaceId, System.Text.Json.JsonDocument.Parse(body).RootElement);

        var problem = await response.ShouldBeProblem(400, "validation_failed");
        Assert.Contains(field, problem.ErrorFields());
        Assert.Empty(Stripe.Requests);
    }

    [Fact]
    public async Task Checkout_needs_an_idempotency_key()
    {
        var owner = await RegisterAsync();
        var workspaceId = await CreateWorkspaceAsync(owner);

        var response = await CheckoutAsync(owner, workspaceId, new { plan = "pro" }, idempotencyKey: null);

        Assert.Contains("idempotencyKey", (await response.ShouldBeProblem(400, "validation_failed")).ErrorFields());
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("viewer")]
    public async Task Only_owners_open_checkout_or_the_portal(string role)
    {
        var team = await CreateTeamAsync();
        var user = team.ByRole(role);

        await (await CheckoutAsync(user, team.WorkspaceId, new { plan = "pro" })).ShouldBeProblem(403, "permission_denied");
        await (await user.Client.PostAsync($"/api/v1/workspaces/{team.WorkspaceId}/billing/portal", null)).ShouldBeProblem(403, "permission_denied");
        Assert.Empty(Stripe.Requests);
    }

    [Fact]
    public async Task The_portal_opens_for_the_workspace_customer_and_needs_one()
    {
        var owner = await RegisterAsync();
        var workspaceId = await CreateWorkspaceAsync(owner);

        await (await owner.Client.PostAsync($"/api/v1/workspaces/{workspaceId}/billing/portal", null)).ShouldBeProblem(409, "billing.no_customer");

        var ids = await SubscribeAsync(workspaceId);
        var response = await owner.Client.PostAsync($"/api/v1/workspaces/{workspaceId}/billing/portal", null);

        await response.ShouldBe(200);
        Assert.StartsWith("https://billing.stripe.test/p/session/", (await response.ReadAsync<RedirectDto>()).Url);
        var portal = Assert.Single(Stripe.RequestsTo("POST", "/v1/billing_portal/sessions"));
        Assert.Equal(ids.CustomerId, portal.Form["customer"]);
        Assert.Equal("https://app.iagenify.test/billing", portal.Form["return_url"]);
        Assert.StartsWith($"portal:{workspaceId}:", portal.IdempotencyKey);
    }

    [Fact]
    public async Task Without_stripe_configured_checkout_portal_and_webhooks_answer_503_and_the_rest_works()
    {
        await using var factory = new ApiFactory(Fixture.ConnectionString, settings: new Dictionary<string, string?>
        {
            ["Stripe:SecretKey"] = "",
            ["Stripe:WebhookSecret"] = "",
        });
        var (owner, workspaceId) = await OwnerWithWorkspaceAsync(factory);

        var checkout = await owner.PostAsync($"/api/v1/workspaces/{workspaceId}/billing/checkout", Idempotent(new { plan = "pro" }));
        var portal = await owner.PostAsync($"/api/v1/workspaces/{workspaceId}/billing/portal", null);
        var webhook = await factory.CreateClient().SendAsync(SignedWebhook("{}", ApiFixture.StripeWebhookSecret, Now));

        var problem = await checkout.ShouldBeProblem(503, "billing.not_configured");
        Assert.Contains("not configured", problem.Detail);
        await portal.ShouldBeProblem(503, "billing.not_configured");
        await webhook.ShouldBeProblem(503, "billing.not_configured");
        await (await owner.GetAsync($"/api/v1/workspaces/{workspaceId}/billing")).ShouldBe(200);
        await (await owner.GetAsync($"/api/v1/workspaces/{workspaceId}/credits")).ShouldBe(200);
        await (await factory.CreateClient().GetAsync("/api/v1/plans")).ShouldBe(200);
    }

    [Fact]
    public async Task Checkout_and_portal_go_through_the_payment_port()
    {
        var gateway = Substitute.For<IPaymentGateway>();
        gateway.IsConfigured.Returns(true);
        gateway.CreateCustomerAsync(Arg.Any<CustomerRequest>(), Arg.Any<string>(), Arg.Any<CancellationToken>()).Returns("cus_port");
        gateway.CreateCheckoutSessionAsync(Arg.Any<CheckoutRequest>(), Arg.Any<string>(), Arg.Any<CancellationToken>())
            .Returns("https://checkout.example/session");
        gateway.CreatePortalSessionAsync("cus_port", Arg.Any<string>(), Arg.Any<string>(), Arg.Any<CancellationToken>())
            .Returns("https://portal.example/session");
        await using var factory = Factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<IPaymentGateway>();
            services.AddSingleton(gateway);
        }));
        var (owner, workspaceId) = await OwnerWithWorkspaceAsync(factory);

        var plan = await owner.PostAsync($"/api/v1/workspaces/{workspaceId}/billing/checkout", Idempotent(new { plan = "business" }, "k-1"));
        var pack = await owner.PostAsync($"/api/v1/workspaces/{workspaceId}/billing/checkout", Idempotent(new { creditPack = "credits-5000" }, "k-2"));
        var portal = await owner.PostAsync($"/api/v1/workspaces/{workspaceId}/billing/portal", null);

        Assert.Equal("https://checkout.example/session", (await plan.ReadAsync<RedirectDto>()).Url);
        await pack.ShouldBe(200);
        Assert.Equal("https://portal.example/session", (await portal.ReadAsync<RedirectDto>()).Url);
        await gateway.Received(1).CreateCustomerAsync(Arg.Is<CustomerRequest>(c => c.WorkspaceId == workspaceId), $"customer:{workspaceId}",
            Arg.Any<CancellationToken>());
        await gateway.Received(1).CreateCheckoutSessionAsync(
            Arg.Is<CheckoutRequest>(c => c.WorkspaceId == workspaceId && c.CustomerId == "cus_port" && c.Mode == CheckoutMode.Subscription
                                         && c.PriceId == "price_business_monthly" && c.TrialDays == 14 && c.CreditPackCode == null),
            Arg.Is<string>(k => k.StartsWith($"checkout:{workspaceId}:plan:business:")), Arg.Any<CancellationToken>());
        await gateway.Received(1).CreateCheckoutSessionAsync(
            Arg.Is<CheckoutRequest>(c => c.Mode == CheckoutMode.Payment && c.CreditPackCode == "credits-5000" && c.TrialDays == null
                                         && c.PriceId == "price_credits_5000"),
            Arg.Is<string>(k => k.StartsWith($"checkout:{workspaceId}:pack:credits-5000:")), Arg.Any<CancellationToken>());
    }

    private static JsonContent Idempotent(object body, string key = "key-1")
    {
        var content = JsonContent.Create(body);
        content.Headers.Add("Idempotency-Key", key);
        return content;
    }

    /// <summary>A signed-in owner on another host (tokens are signed per host) with a fresh workspace.</summary>
    private static async Task<(HttpClient Owner, Guid WorkspaceId)> OwnerWithWorkspaceAsync(WebApplicationFactory<Program> factory)
    {
        var email = $"owner-{Guid.NewGuid():N}@example.com";
        var register = await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/register",
            new { email, password = Password, displayName = "Owner" });
        await register.ShouldBe(201);
        await VerifyEmailAsync(factory, email);
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Bearer", (await register.ReadAsync<AuthResponse>()).AccessToken);
        var workspace = await client.PostAsJsonAsync("/api/v1/workspaces", new { name = "Elsewhere" });
        await workspace.ShouldBe(201);
        return (client, (await workspace.ReadAsync<WorkspaceDto>()).Id);
    }
}
