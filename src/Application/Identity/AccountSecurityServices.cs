using IaGenify.Application.Identity.Mfa;
using Microsoft.Extensions.DependencyInjection;

namespace IaGenify.Application.Identity;

public static class AccountSecurityServices
{
    /// <summary>Session revocation, second-factor checks and the security notices.</summary>
    public static IServiceCollection AddAccountSecurity(this IServiceCollection services)
    {
        services.AddScoped<SessionRevoker>();
        services.AddScoped<SecondFactor>();
        services.AddScoped<SecurityEmails>();
        services.AddScoped<PasswordConfirmation>();
        return services;
    }
}
