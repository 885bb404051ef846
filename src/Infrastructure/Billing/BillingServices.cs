using IaGenify.Application.Billing.Ports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IaGenify.Infrastructure.Billing;

public static class BillingServices
{
    public static IServiceCollection AddBillingInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<StripeOptions>(configuration.GetSection(StripeOptions.Section));
        services.AddSingleton<IPaymentGateway, StripePaymentGateway>();
        services.AddScoped<IBillingAccountLock, BillingAccountLock>();
        services.AddScoped<IBillingInbox, BillingInbox>();
        return services;
    }
}
