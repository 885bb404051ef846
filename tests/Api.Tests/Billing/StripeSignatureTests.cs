using System.Text;
using IaGenify.Api.Tests.Support;
using Npgsql;
using IaGenify.Application.Billing.Commands.ReceiveStripeWebhook;

namespace IaGenify.Api.Tests.Billing;

/// <summary>The webhook is anonymous: only a valid, fresh Stripe-Signature lets an event in, and a rejected one changes nothing.</summary>
public sealed class StripeSignatureTests(ApiFixture fixture) : BillingTest(fixture)
{
    private async Task<(Guid WorkspaceId, TestUser Owner, string Payload)> PackEventAsync()
    {
        var owner = await RegisterAsync();
        var workspaceId = await CreateWorkspaceAsync(owner);
        var payload = StripeJson.Event("evt_sig_1", "checkout.session.completed",
            StripeJson.CheckoutSession("cs_sig_1", "payment", workspaceId, "cus_sig", creditPack: "credits-1000"), Now);
        return (workspaceId, owner, payload);
    }

    private async Task AssertNothingChangedAsync(TestUser owner, Guid workspaceId)
    {
        Assert.Equal(50, await BalanceAsync(owner, workspaceId));
        await using var connection = new NpgsqlConnection(Fixture.ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM billing_inbox", connection);
        Assert.Equal(0L, await count.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_validly_signed_event_is_accepted()
    {
        var (workspaceId, owner, payload) = await PackEventAsync();

        var response = await Anonymous().SendAsync(SignedWebhook(payload, ApiFixture.StripeWebhookSecret, Now));

        await response.ShouldBe(200);
        Assert.Equal("evt_sig_1", (await response.ReadAsync<WebhookReceiptDto>()).EventId);
        Assert.Equal(1050, await BalanceAsync(owner, workspaceId));
    }

    [Fact]
    public async Task A_signature_made_with_another_secret_is_refused()
    {
        var (workspaceId, owner, payload) = await PackEventAsync();

        var response = await Anonymous().SendAsync(SignedWebhook(payload, "whsec_someone_else", Now));

        await response.ShouldBeProblem(400, "webhook.rejected");
        await AssertNothingChangedAsync(owner, workspaceId);
    }

    [Fact]
    public async Task A_signature_older_than_the_tolerance_is_refused()
    {
        var (workspaceId, owner, payload) = await PackEventAsync();

        var response = await Anonymous().SendAsync(SignedWebhook(payload, ApiFixture.StripeWebhookSecret, Now.AddSeconds(-301)));

        await response.ShouldBeProblem(400, "webhook.rejected");
        await AssertNothingChangedAsync(owner, workspaceId);
    }

    [Fact]
    public async Task A_signature_within_the_tolerance_is_accepted()
    {
        var (_, _, payload) = await PackEventAsync();

        var response = await Anonymous().SendAsync(SignedWebhook(payload, ApiFixture.StripeWebhookSecret, Now.AddSeconds(-290)));

        await response.ShouldBe(200);
    }

    [Fact]
    public async Task A_missing_signature_is_refused()
    {
        var (workspaceId, owner, payload) = await PackEventAsync();

        var response = await Anonymous().PostAsync("/api/v1/webhooks/stripe", new StringContent(payload, Encoding.UTF8, "application/json"));

        await response.ShouldBeProblem(400);
        await AssertNothingChangedAsync(owner, workspaceId);
    }

    [Fact]
    public async Task A_tampered_body_is_refused()
    {
        var (workspaceId, owner, payload) = await PackEventAsync();
        var request = SignedWebhook(payload, ApiFixture.StripeWebhookSecret, Now);
        request.Content = new StringContent(payload.Replace("credits-1000", "credits-5000"), Encoding.UTF8, "application/json");

        var response = await Anonymous().SendAsync(request);

        await response.ShouldBeProblem(400, "webhook.rejected");
        await AssertNothingChangedAsync(owner, workspaceId);
    }

    [Theory]
    [InlineData("this is not json")]
    [InlineData("{\"id\": 12, \"data\": []}")]
    [InlineData("{}")]
    public async Task A_correctly_signed_body_that_is_not_a_stripe_event_is_refused(string payload)
    {
        var owner = await RegisterAsync();
        var workspaceId = await CreateWorkspaceAsync(owner);

        var response = await Anonymous().SendAsync(SignedWebhook(payload, ApiFixture.StripeWebhookSecret, Now));

        await response.ShouldBeProblem(400);
        await AssertNothingChangedAsync(owner, workspaceId);
    }
}
