using IaGenify.Application.Mailbox.Ports;
using IaGenify.Infrastructure.Generations.Offline;
using Microsoft.Extensions.DependencyInjection;

namespace IaGenify.Infrastructure.Mailbox;

public static class MailboxInfrastructure
{
    /// <summary>The mailbox's SQL (inbox, outbox claims), its MIME parser, its background sender and its offline reply drafts.</summary>
    public static IServiceCollection AddMailboxInfrastructure(this IServiceCollection services)
    {
        services.AddScoped<IMailboxInbox, MailboxInbox>();
        services.AddSingleton<IMailDeliveryQueue, MailDeliveryQueue>();
        services.AddSingleton<IInboundMailParser, MimeInboundMailParser>();
        services.AddHostedService<MailboxDeliveryWorker>();
        services.AddOfflineAnswer<OfflineMailReply>();
        return services;
    }
}
