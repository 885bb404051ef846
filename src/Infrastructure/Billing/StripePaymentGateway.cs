using System.Net;
using IaGenify.Application.Billing;
using IaGenify.Application.Billing.Ports;
using IaGenify.Application.Common.Exceptions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Stripe;
using Stripe.Checkout;

namespace IaGenify.Infrastructure.Billing;

/// <summary>
/// The payment port on Stripe.net (API version <c>2026-10-28.endive</c>, the SDK's own). Every creating call carries
/// the caller's idempotency key, which Stripe.net also reuses on its network retries.
/// </summary>
internal sealed class StripePaymentGateway(IOptions<StripeOptions> options, TimeProvider clock, ILogger<StripePaymentGateway> logger)
    : IPaymentGateway, IDisposable
{
    private readonly Lazy<(HttpClient Http, StripeClient Client)> _stripe = new(() =>
    {
        var settings = options.Value;
        var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var client = new StripeClient(new StripeClientOptions
        {
            ApiKey = settings.SecretKey,
            ApiBase = string.IsNullOrWhiteSpace(settings.ApiBase) ? StripeClient.DefaultApiBase : settings.ApiBase.TrimEnd('/'),
            HttpClient = new SystemNetHttpClient(http, settings.MaxNetworkRetries, appInfo: null, enableTelemetry: false),
        });
        return (http, client);
    });

    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.Value.SecretKey) && !string.IsNullOrWhiteSpace(options.Value.WebhookSecret);

    private StripeClient Client => IsConfigured ? _stripe.Value.Client : throw BillingErrors.NotConfigured();

    public PaymentEvent ReadWebhook(string payload, string? signatureHeader)
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.WebhookSecret))
            throw BillingErrors.NotConfigured();
        Event stripeEvent;
        try
        {
            // Events of another API version are accepted: billing reads few fields and re-fetches subscriptions.
            stripeEvent = EventUtility.ConstructEvent(payload, signatureHeader ?? string.Empty, settings.WebhookSecret,
                (long)settings.WebhookTolerance.TotalSeconds, clock.GetUtcNow().ToUnixTimeSeconds(), throwOnApiVersionMismatch: false);
        }
        catch (StripeException ex)
        {
            throw new WebhookRejectedException(ex.Message);
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or Newtonsoft.Json.JsonException or ArgumentException
            or InvalidCastException or FormatException)
        {
            throw new WebhookRejectedException("The webhook body is not a Stripe event.");
        }
        return StripeEventMapper.Map(stripeEvent);
    }

    public async Task<string> CreateCustomerAsync(CustomerRequest request, string idempotencyKey, CancellationToken cancellationToken)
    {
        var customer = await CallAsync("customer.create", () => new CustomerService(Client).CreateAsync(new CustomerCreateOptions
        {
            Name = request.WorkspaceName,
            Email = request.Email,
            Metadata = new Dictionary<string, string> { [StripeEventMapper.WorkspaceIdKey] = request.WorkspaceId.ToString() },
        }, Keyed(idempotencyKey), cancellationToken));
        return customer.Id;
    }

    public async Task<string> CreateCheckoutSessionAsync(CheckoutRequest request, string idempotencyKey, CancellationToken cancellationToken)
    {
        var workspace = request.WorkspaceId.ToString();
        var metadata = new Dictionary<string, string> { [StripeEventMapper.WorkspaceIdKey] = workspace };
        if (request.CreditPackCode is { } pack)
            metadata[StripeEventMapper.CreditPackKey] = pack;
        var create = new SessionCreateOptions
        {
            Mode = request.Mode == CheckoutMode.Subscription ? "subscription" : "payment",
            Customer = request.CustomerId,
            ClientReferenceId = workspace,
            LineItems = [new SessionLineItemOptions { Price = request.PriceId, Quantity = 1 }],
            Metadata = metadata,
            SuccessUrl = request.SuccessUrl,
            CancelUrl = request.CancelUrl,
        };
        if (request.Mode == CheckoutMode.Subscription)
            create.SubscriptionData = new SessionSubscriptionDataOptions
            {
                Metadata = new Dictionary<string, string> { [StripeEventMapper.WorkspaceIdKey] = workspace },
                TrialPeriodDays = request.TrialDays,
            };
        else
            create.PaymentIntentData = new SessionPaymentIntentDataOptions { Metadata = new Dictionary<string, string>(metadata) };

        var session = await CallAsync("checkout.session.create",
            () => new SessionService(Client).CreateAsync(create, Keyed(idempotencyKey), cancellationToken));
        return session.Url;
    }

    public async Task<string> CreatePortalSessionAsync(string customerId, string returnUrl, string idempotencyKey,
        CancellationToken cancellationToken)
    {
        var session = await CallAsync("billing_portal.session.create", () => new Stripe.BillingPortal.SessionService(Client).CreateAsync(
            new Stripe.BillingPortal.SessionCreateOptions { Customer = customerId, ReturnUrl = returnUrl },
            Keyed(idempotencyKey), cancellationToken));
        return session.Url;
    }

    public Task CancelSubscriptionAsync(string subscriptionId, string idempotencyKey, CancellationToken cancellationToken) =>
        CallAsync("subscription.cancel", async () =>
        {
            try
            {
                return await new SubscriptionService(Client).CancelAsync(subscriptionId,
                    new SubscriptionCancelOptions { Prorate = false, InvoiceNow = false }, Keyed(idempotencyKey), cancellationToken);
            }
            catch (StripeException ex) when (ex.HttpStatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }
        });

    public async Task<SubscriptionSnapshot?> GetSubscriptionAsync(string subscriptionId, CancellationToken cancellationToken)
    {
        var subscription = await CallAsync("subscription.retrieve", async () =>
        {
            try
            {
                return await new SubscriptionService(Client).GetAsync(subscriptionId, cancellationToken: cancellationToken);
            }
            catch (StripeException ex) when (ex.HttpStatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }
        });
        return subscription is null ? null : StripeEventMapper.Snapshot(subscription);
    }

    public async Task<IReadOnlyList<PaymentEvent>> ListEventsAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var events = await CallAsync("event.list", async () =>
        {
            var listed = new List<PaymentEvent>();
            var listing = new EventService(Client).ListAutoPagingAsync(new EventListOptions
            {
                Created = new DateRangeOptions { GreaterThanOrEqual = since.UtcDateTime },
                Types = [.. PaymentEventTypes.Handled],
                Limit = 100,
            }, cancellationToken: cancellationToken);
            await foreach (var stripeEvent in listing.WithCancellation(cancellationToken))
            {
                listed.Add(StripeEventMapper.Map(stripeEvent));
                if (listed.Count >= options.Value.MaxReconciledEvents)
                    break;
            }
            return listed;
        });
        // Stripe lists newest first; apply them in the order they happened.
        return events.OrderBy(e => e.Created).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// A failed Stripe call becomes a 503 (a webhook then gets retried by Stripe). Its message can quote Stripe's
    /// response, so only the operation, status and Stripe's error code are logged.
    /// </summary>
    private async Task<T> CallAsync<T>(string operation, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (StripeException ex)
        {
            logger.LogWarning("Stripe {Operation} failed: HTTP {StatusCode}, {ErrorType}/{ErrorCode}, request {RequestId}", operation,
                (int)ex.HttpStatusCode, ex.StripeError?.Type, ex.StripeError?.Code, ex.StripeResponse?.RequestId);
            throw new ServiceUnavailableException("billing.provider_error",
                $"The payment provider could not complete {operation} (HTTP {(int)ex.HttpStatusCode}). Try again later.");
        }
    }

    private static RequestOptions Keyed(string idempotencyKey) => new() { IdempotencyKey = idempotencyKey };

    public void Dispose()
    {
        if (_stripe.IsValueCreated)
            _stripe.Value.Http.Dispose();
    }
}
