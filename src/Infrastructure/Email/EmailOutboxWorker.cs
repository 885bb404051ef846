using IaGenify.Infrastructure.Jobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IaGenify.Infrastructure.Email;

/// <summary>Delivers the email outbox every <c>Email:Outbox:PollInterval</c>.</summary>
internal sealed class EmailOutboxWorker(EmailOutboxDispatcher dispatcher, IOptions<EmailOptions> options, ILogger<EmailOutboxWorker> logger)
    : PeriodicWorker(logger)
{
    protected override bool Enabled => options.Value.Outbox.DispatcherEnabled;
    protected override TimeSpan Interval => options.Value.Outbox.PollInterval;

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => dispatcher.DrainAsync(cancellationToken);
}
