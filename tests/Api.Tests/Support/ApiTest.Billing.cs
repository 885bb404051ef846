using System.Text;
using IaGenify.Api.Tests.Billing;
using Stripe;

namespace IaGenify.Api.Tests.Support;

public abstract partial class ApiTest
{
    /// <summary>
    /// Puts the workspace on a paid plan (Pro by default: API access, 20 members, 10 websites) the way Stripe does:
    /// the fake Stripe holds an active subscription and a signed <c>customer.subscription.created</c> arrives. No
    /// credits are granted. Calling it again for the same workspace is a duplicate delivery and changes nothing.
    /// </summary>
    protected async Task SubscribeToPlanAsync(Guid workspaceId, string priceId = StripeJson.ProPrice)
    {
        var suffix = workspaceId.ToString("N");
        var now = Clock.GetUtcNow();
        var subscription = StripeJson.Subscription($"sub_plan_{suffix}", workspaceId, $"cus_plan_{suffix}", "active", priceId, now, now.AddMonths(1));
        Fixture.Stripe.SetSubscription(subscription);
        var payload = StripeJson.Event($"evt_plan_{suffix}", "customer.subscription.created", subscription, now);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/webhooks/stripe")
        {
            Content = new StringContent(payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Stripe-Signature", EventUtility.GenerateSignatureHeader(payload, ApiFixture.StripeWebhookSecret, now.ToUnixTimeSeconds()));
        await (await Anonymous().SendAsync(request)).ShouldBe(200);
    }
}
