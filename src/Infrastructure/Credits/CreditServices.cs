using IaGenify.Application.Credits.Ports;
using IaGenify.Application.Workspaces.Purge;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IaGenify.Infrastructure.Credits;

public static class CreditServices
{
    public static IServiceCollection AddCredits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ICreditLedger, CreditLedgerStore>();
        services.AddScoped<ICreditReconciler, CreditReconciler>();
        services.AddSingleton<CreditExpirySweep>();
        services.AddWorkspacePurgeParticipant<CreditLedgerPurgeParticipant>();
        if (configuration.GetValue("Credits:RunSweeper", true))
            services.AddHostedService<CreditExpirySweeper>();
        return services;
    }
}
