using System.Text.Json;
using Stripe;

namespace IaGenify.Cluster;

/// <summary>
/// Stripe's side of a credit-pack purchase: a <c>checkout.session.completed</c> event for a paid session, signed
/// offline with the webhook secret the cluster is configured with, exactly as Stripe signs its deliveries.
/// </summary>
internal static class StripeDeliveries
{
    public const string CreditPack = "credits-1000";
    public const long PackCredits = 1000;

    public static (string Payload, string Signature) CreditPackPaid(string eventId, string sessionId, Guid workspaceId, string secret)
    {
        var created = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var payload = JsonSerializer.Serialize(new
        {
            id = eventId,
            @object = "event",
            api_version = "2026-10-28.endive",
            created,
            livemode = false,
            pending_webhooks = 1,
            type = "checkout.session.completed",
            data = new
            {
                @object = new
                {
                    id = sessionId,
                    @object = "checkout.session",
                    mode = "payment",
                    payment_status = "paid",
                    status = "complete",
                    currency = "eur",
                    amount_total = 1000,
                    client_reference_id = workspaceId.ToString(),
                    customer = $"cus_{workspaceId:N}",
                    metadata = new Dictionary<string, string> { ["workspace_id"] = workspaceId.ToString(), ["credit_pack"] = CreditPack },
                },
            },
        });
        return (payload, EventUtility.GenerateSignatureHeader(payload, secret, created));
    }
}
