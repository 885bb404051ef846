using IaGenify.Application.Mailbox;
using IaGenify.Application.Mailbox.Delivery;
using IaGenify.Infrastructure.Jobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IaGenify.Infrastructure.Mailbox;

/// <summary>Sends the mailbox outbox (replies, notifications) and empties its trash every <c>Mailbox:Delivery:PollInterval</c>.</summary>
internal sealed class MailboxDeliveryWorker(MailboxSender sender, IOptions<MailboxOptions> options, ILogger<MailboxDeliveryWorker> logger)
    : PeriodicWorker(logger)
{
    protected override bool Enabled => options.Value.Delivery.WorkerEnabled;
    protected override TimeSpan Interval => options.Value.Delivery.PollInterval;

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => sender.DrainAsync(cancellationToken);
}
