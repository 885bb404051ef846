using IaGenify.Application.Exports;
using IaGenify.Application.Generations.Generators;
using IaGenify.Application.Mailbox.Delivery;
using IaGenify.Application.Mailbox.Export;
using IaGenify.Application.Mailbox.Generators;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IaGenify.Application.Mailbox;

public static class MailboxServices
{
    /// <summary>The mailbox module: its generation kind, its outbox sender, its part of exports.</summary>
    public static IServiceCollection AddMailbox(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MailboxOptions>(configuration.GetSection(MailboxOptions.Section));
        services.AddScoped<MailboxArrivals>();
        services.AddScoped<MailboxEmails>();
        services.AddSingleton<MailboxSender>();
        services.AddScoped<IGenerator, MailReplyGenerator>();
        services.AddScoped<IGenerationCompletion, MailReplyCompletion>();
        services.AddExportContributor<MailboxExportContributor>();
        services.AddScoped<Identity.IAccountErasureParticipant, MailboxAccountErasure>();
        return services;
    }
}
