namespace IaGenify.Api.Tests.Billing;

/// <summary>
/// Stripe objects and events as Stripe sends them for API version <c>2026-10-28.endive</c> (invoice
/// <c>parent.subscription_details</c>, line <c>pricing.price_details.price</c>, periods on subscription items).
/// Only the fields billing reads vary; the rest are there so that the payloads look like Stripe's.
/// </summary>
public static class StripeJson
{
    public const string ApiVersion = "2026-10-28.endive";
    public const string ProPrice = "price_pro_monthly";
    public const string BusinessPrice = "price_business_monthly";

    public static long Unix(DateTimeOffset time) => time.ToUnixTimeSeconds();

    public static string Event(string id, string type, string dataObject, DateTimeOffset created, string? previousAttributes = null) => $$"""
        {
          "id": "{{id}}",
          "object": "event",
          "api_version": "{{ApiVersion}}",
          "created": {{Unix(created)}},
          "data": {
            "object": {{dataObject}}{{(previousAttributes is null ? "" : $",\n    \"previous_attributes\": {previousAttributes}")}}
          },
          "livemode": false,
          "pending_webhooks": 1,
          "request": { "id": null, "idempotency_key": null },
          "type": "{{type}}"
        }
        """;

    public static string CheckoutSession(string id, string mode, Guid workspaceId, string customerId, string? subscriptionId = null,
        string? creditPack = null, string paymentStatus = "paid", long amountTotal = 1000) => $$"""
        {
          "id": "{{id}}",
          "object": "checkout.session",
          "amount_subtotal": {{amountTotal}},
          "amount_total": {{amountTotal}},
          "cancel_url": "https://app.iagenify.test/billing?checkout=canceled",
          "client_reference_id": "{{workspaceId}}",
          "created": {{Unix(DateTimeOffset.UtcNow)}},
          "currency": "eur",
          "customer": "{{customerId}}",
          "customer_details": { "email": "owner@example.com", "name": null, "tax_exempt": "none" },
          "expires_at": {{Unix(DateTimeOffset.UtcNow.AddHours(24))}},
          "invoice": null,
          "livemode": false,
          "metadata": { "workspace_id": "{{workspaceId}}"{{(creditPack is null ? "" : $", \"credit_pack\": \"{creditPack}\"")}} },
          "mode": "{{mode}}",
          "payment_intent": {{(mode == "payment" ? $"\"pi_{id}\"" : "null")}},
          "payment_method_types": ["card"],
          "payment_status": "{{paymentStatus}}",
          "status": "complete",
          "subscription": {{(subscriptionId is null ? "null" : $"\"{subscriptionId}\"")}},
          "success_url": "https://app.iagenify.test/billing?checkout=success",
          "ui_mode": "hosted",
          "url": null
        }
        """;

    public static string Subscription(string id, Guid workspaceId, string customerId, string status, string priceId,
        DateTimeOffset periodStart, DateTimeOffset periodEnd, DateTimeOffset? trialEnd = null, bool cancelAtPeriodEnd = false,
        DateTimeOffset? canceledAt = null) => $$"""
        {
          "id": "{{id}}",
          "object": "subscription",
          "application": null,
          "billing_cycle_anchor": {{Unix(periodStart)}},
          "cancel_at": {{(cancelAtPeriodEnd ? Unix(periodEnd).ToString() : "null")}},
          "cancel_at_period_end": {{(cancelAtPeriodEnd ? "true" : "false")}},
          "canceled_at": {{(canceledAt is { } c ? Unix(c).ToString() : "null")}},
          "collection_method": "charge_automatically",
          "created": {{Unix(periodStart)}},
          "currency": "eur",
          "customer": "{{customerId}}",
          "ended_at": {{(status == "canceled" && canceledAt is { } e ? Unix(e).ToString() : "null")}},
          "items": {
            "object": "list",
            "data": [
              {
                "id": "si_{{id}}",
                "object": "subscription_item",
                "created": {{Unix(periodStart)}},
                "current_period_end": {{Unix(periodEnd)}},
                "current_period_start": {{Unix(periodStart)}},
                "metadata": {},
                "price": {
                  "id": "{{priceId}}",
                  "object": "price",
                  "active": true,
                  "billing_scheme": "per_unit",
                  "currency": "eur",
                  "livemode": false,
                  "product": "prod_{{priceId}}",
                  "recurring": { "interval": "month", "interval_count": 1, "usage_type": "licensed" },
                  "type": "recurring",
                  "unit_amount": 2900
                },
                "quantity": 1,
                "subscription": "{{id}}"
              }
            ],
            "has_more": false,
            "url": "/v1/subscription_items?subscription={{id}}"
          },
          "latest_invoice": "in_latest_{{id}}",
          "livemode": false,
          "metadata": { "workspace_id": "{{workspaceId}}" },
          "start_date": {{Unix(periodStart)}},
          "status": "{{status}}",
          "trial_end": {{(trialEnd is { } t ? Unix(t).ToString() : "null")}},
          "trial_start": {{(trialEnd is not null ? Unix(periodStart).ToString() : "null")}}
        }
        """;

    /// <param name="workspaceId">Null for an invoice whose subscription carries no metadata (found by customer instead).</param>
    public static string Invoice(string id, Guid? workspaceId, string customerId, string subscriptionId, string priceId,
        DateTimeOffset periodStart, DateTimeOffset periodEnd, string status = "paid", string billingReason = "subscription_cycle",
        long amount = 2900) => $$"""
        {
          "id": "{{id}}",
          "object": "invoice",
          "account_country": "FR",
          "amount_due": {{amount}},
          "amount_paid": {{(status == "paid" ? amount : 0)}},
          "amount_remaining": {{(status == "paid" ? 0 : amount)}},
          "attempt_count": 1,
          "attempted": true,
          "billing_reason": "{{billingReason}}",
          "collection_method": "charge_automatically",
          "created": {{Unix(periodStart)}},
          "currency": "eur",
          "customer": "{{customerId}}",
          "lines": {
            "object": "list",
            "data": [
              {
                "id": "il_{{id}}",
                "object": "line_item",
                "amount": {{amount}},
                "currency": "eur",
                "description": "1 × Plan (at €29.00 / month)",
                "invoice": "{{id}}",
                "livemode": false,
                "metadata": {},
                "parent": {
                  "type": "subscription_item_details",
                  "subscription_item_details": { "invoice_item": null, "proration": false, "subscription": "{{subscriptionId}}", "subscription_item": "si_{{subscriptionId}}" }
                },
                "period": { "end": {{Unix(periodEnd)}}, "start": {{Unix(periodStart)}} },
                "pricing": {
                  "type": "price_details",
                  "price_details": { "price": "{{priceId}}", "product": "prod_{{priceId}}" },
                  "unit_amount_decimal": "{{amount}}"
                },
                "quantity": 1
              }
            ],
            "has_more": false,
            "url": "/v1/invoices/{{id}}/lines"
          },
          "livemode": false,
          "metadata": {},
          "parent": {
            "type": "subscription_details",
            "quote_details": null,
            "subscription_details": {
              "metadata": {{(workspaceId is { } ws ? $"{{ \"workspace_id\": \"{ws}\" }}" : "{}")}},
              "subscription": "{{subscriptionId}}"
            }
          },
          "period_end": {{Unix(periodStart)}},
          "period_start": {{Unix(periodStart)}},
          "status": "{{status}}",
          "subtotal": {{amount}},
          "total": {{amount}}
        }
        """;
}
