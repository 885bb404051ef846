using System.Net.Http.Json;
using System.Text;
using IaGenify.Api.Tests.Support;
using Stripe;
using IaGenify.Application.Billing;
using IaGenify.Application.Billing.Commands.ReceiveStripeWebhook;
using IaGenify.Application.Credits;
using IaGenify.Domain.Billing;
using IaGenify.Domain.Credits;

namespace IaGenify.Api.Tests.Billing;

/// <summary>Drives billing the way Stripe and a customer do: signed webhooks, and Stripe's state in the fake.</summary>
public abstract class BillingTest(ApiFixture fixture) : ApiTest(fixture)
{
    protected FakeStripe Stripe => Fixture.Stripe;

    protected DateTimeOffset Now => Clock.GetUtcNow();

    protected static HttpRequestMessage SignedWebhook(string payload, string secret, DateTimeOffset signedAt)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/webhooks/stripe")
        {
            Content = new StringContent(payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Stripe-Signature", EventUtility.GenerateSignatureHeader(payload, secret, signedAt.ToUnixTimeSeconds()));
        return request;
    }

    protected async Task<HttpResponseMessage> DeliverAsync(string eventJson) =>
        await Anonymous().SendAsync(SignedWebhook(eventJson, ApiFixture.StripeWebhookSecret, Now));

    /// <summary>Delivers an event and asserts Stripe would see it acknowledged; returns whether it was a duplicate.</summary>
    protected async Task<bool> DeliverOkAsync(string eventJson)
    {
        var response = await DeliverAsync(eventJson);
        await response.ShouldBe(200);
        return (await response.ReadAsync<WebhookReceiptDto>()).Duplicate;
    }

    protected static async Task<CreditBalanceDto> CreditsAsync(TestUser user, Guid workspaceId)
    {
        var response = await user.Client.GetAsync($"/api/v1/workspaces/{workspaceId}/credits");
        await response.ShouldBe(200);
        return await response.ReadAsync<CreditBalanceDto>();
    }

    protected static async Task<long> BalanceAsync(TestUser user, Guid workspaceId) =>
        (await CreditsAsync(user, workspaceId)).Balance;

    protected static async Task<List<CreditGrantDto>> GrantsAsync(TestUser user, Guid workspaceId, GrantSource source) =>
        (await CreditsAsync(user, workspaceId)).Grants.Where(g => g.Source == source).ToList();

    protected static async Task<BillingDto> BillingAsync(TestUser user, Guid workspaceId)
    {
        var response = await user.Client.GetAsync($"/api/v1/workspaces/{workspaceId}/billing");
        await response.ShouldBe(200);
        return await response.ReadAsync<BillingDto>();
    }

    protected static string PlanOf(BillingDto billing) => billing.Plan.Code;

    protected static SubscriptionStatus StatusOf(BillingDto billing) => billing.Status;

    protected static Task<HttpResponseMessage> CheckoutAsync(TestUser user, Guid workspaceId, object body, string? idempotencyKey = "key-1")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/workspaces/{workspaceId}/billing/checkout")
        {
            Content = JsonContent.Create(body),
        };
        if (idempotencyKey is not null)
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        return user.Client.SendAsync(request);
    }

    /// <summary>
    /// What Stripe sends when a workspace subscribes: the subscription (set as Stripe's current state), then
    /// checkout.session.completed and the first invoice.paid.
    /// </summary>
    protected async Task<Subscribed> SubscribeAsync(Guid workspaceId, string priceId = StripeJson.ProPrice, string status = "active")
    {
        var ids = Subscribed.For(workspaceId, Now);
        Stripe.SetSubscription(StripeJson.Subscription(ids.SubscriptionId, workspaceId, ids.CustomerId, status, priceId, ids.PeriodStart, ids.PeriodEnd));
        Assert.False(await DeliverOkAsync(StripeJson.Event($"evt_cs_{ids.SubscriptionId}", "checkout.session.completed",
            StripeJson.CheckoutSession($"cs_{ids.SubscriptionId}", "subscription", workspaceId, ids.CustomerId, ids.SubscriptionId), Now)));
        Assert.False(await DeliverOkAsync(StripeJson.Event($"evt_in1_{ids.SubscriptionId}", "invoice.paid",
            StripeJson.Invoice(ids.FirstInvoiceId, workspaceId, ids.CustomerId, ids.SubscriptionId, priceId, ids.PeriodStart, ids.PeriodEnd,
                billingReason: "subscription_create"), Now)));
        return ids;
    }

    protected sealed record Subscribed(string SubscriptionId, string CustomerId, string FirstInvoiceId, DateTimeOffset PeriodStart,
        DateTimeOffset PeriodEnd)
    {
        public static Subscribed For(Guid workspaceId, DateTimeOffset now)
        {
            var suffix = workspaceId.ToString("N")[..12];
            var start = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds());
            return new Subscribed($"sub_{suffix}", $"cus_{suffix}", $"in_first_{suffix}", start, start.AddMonths(1));
        }
    }
}
