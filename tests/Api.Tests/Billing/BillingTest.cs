using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using IaGenify.Api.Tests.Support;
using Stripe;

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
        return (await response.Json()).GetProperty("duplicate").GetBoolean();
    }

    protected static async Task<JsonElement> CreditsAsync(TestUser user, Guid workspaceId)
    {
        var response = await user.Client.GetAsync($"/api/v1/workspaces/{workspaceId}/credits");
        await response.ShouldBe(200);
        return await response.Json();
    }

    protected static async Task<long> BalanceAsync(TestUser user, Guid workspaceId) =>
        (await CreditsAsync(user, workspaceId)).GetProperty("balance").GetInt64();

    protected static async Task<List<JsonElement>> GrantsAsync(TestUser user, Guid workspaceId, string source) =>
        (await CreditsAsync(user, workspaceId)).GetProperty("grants").EnumerateArray()
            .Where(g => g.GetProperty("source").GetString() == source).ToList();

    protected static async Task<JsonElement> BillingAsync(TestUser user, Guid workspaceId)
    {
        var response = await user.Client.GetAsync($"/api/v1/workspaces/{workspaceId}/billing");
        await response.ShouldBe(200);
        return await response.Json();
    }

    protected static string PlanOf(JsonElement billing) => billing.GetProperty("plan").GetProperty("code").GetString()!;

    protected static string StatusOf(JsonElement billing) => billing.GetProperty("status").GetString()!;

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
