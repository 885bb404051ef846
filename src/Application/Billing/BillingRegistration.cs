using IaGenify.Application.Billing.Entitlements;
using IaGenify.Application.Billing.Processing;
using IaGenify.Application.Billing.Processing.Handlers;
using IaGenify.Application.Exports;
using IaGenify.Application.Workspaces.Ports;
using IaGenify.Application.Workspaces.Purge;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IaGenify.Application.Billing;

public static class BillingRegistration
{
    public static IServiceCollection AddBilling(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BillingOptions>().Bind(configuration.GetSection(BillingOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BillingOptions>, BillingOptionsValidation>();
        services.AddSingleton<PlanCatalog>();
        services.AddScoped<IEntitlements, EntitlementGuard>();
        services.AddScoped<IMemberSeats, PlanMemberSeats>();
        services.AddScoped<IUsageCounter, MemberCounter>();
        services.AddScoped<IUsageCounter, PendingInvitationCounter>();
        services.AddScoped<BillingEventProcessor>();
        services.AddScoped<BillingWorkspaceResolver>();
        services.AddScoped<SubscriptionSync>();
        services.AddStripeEventHandler<CheckoutCompletedEventHandler>();
        services.AddStripeEventHandler<InvoicePaidEventHandler>();
        services.AddStripeEventHandler<InvoicePaymentFailedEventHandler>();
        services.AddStripeEventHandler<SubscriptionChangedEventHandler>();
        services.AddScoped<BillingEmails>();
        services.AddExportContributor<BillingExportContributor>();
        services.AddWorkspacePurgeParticipant<BillingPurgeParticipant>();
        return services;
    }

    /// <summary>Adds the handler of the Stripe event types it names; a type may have only one handler.</summary>
    public static IServiceCollection AddStripeEventHandler<T>(this IServiceCollection services) where T : class, IStripeEventHandler =>
        services.AddScoped<IStripeEventHandler, T>();
}
