using IaGenify.Application.Common.Email;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Identity.Specifications;
using IaGenify.Application.Mailbox.Ports;
using IaGenify.Application.Mailbox.Specifications;
using IaGenify.Domain.Identity;
using IaGenify.Domain.Mailbox;
using IaGenify.Domain.Workspaces;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IaGenify.Application.Mailbox.Delivery;

/// <summary>
/// Sends what the mailbox outbox holds: replies and notifications. Each claimed email gets its own scope in its
/// workspace; it is composed from the stored thread, handed to the email port, and marked sent, or failed with the
/// next attempt planned. An email whose thread went to the trash is abandoned. Also empties the trash of threads
/// past their 30 days. Called by the background worker and by tests.
/// </summary>
public sealed class MailboxSender(
    IServiceScopeFactory scopes,
    IOptionsMonitor<MailboxOptions> options,
    TimeProvider clock,
    ILogger<MailboxSender> logger)
{
    /// <returns>How many emails were attempted.</returns>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue.Delivery;
        IReadOnlyList<ClaimedMailDelivery> claimed;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var queue = scope.ServiceProvider.GetRequiredService<IMailDeliveryQueue>();
            var now = clock.GetUtcNow();
            var purged = await queue.PurgeTrashAsync(now - MailThread.TrashRetention, cancellationToken);
            if (purged > 0)
                logger.LogInformation("Purged {ThreadCount} mailbox threads past their 30 days in the trash", purged);
            claimed = await queue.ClaimDueAsync(now, settings.Lease, settings.BatchSize, cancellationToken);
        }
        foreach (var delivery in claimed)
            await SendAsync(delivery, cancellationToken);
        return claimed.Count;
    }

    /// <summary>Sends until nothing is due (tests and one-off runs).</summary>
    public async Task<int> DrainAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        int sent;
        while ((sent = await SendDueAsync(cancellationToken)) > 0)
            total += sent;
        return total;
    }

    private async Task SendAsync(ClaimedMailDelivery claim, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateSystemScope();
        var services = scope.ServiceProvider;
        var context = services.GetRequiredService<RequestContext>();
        context.EnterWorkspace(claim.WorkspaceId, Role.Owner);

        var delivery = await services.GetRequiredService<IRepository<MailDelivery>>().FirstOrDefaultAsync(new DeliverySpec(claim.Id), cancellationToken);
        if (delivery is null)
            return;
        var unitOfWork = services.GetRequiredService<IUnitOfWork>();
        var thread = await services.GetRequiredService<IRepository<MailThread>>()
            .FirstOrDefaultAsync(new ThreadSpec(delivery.ThreadId, withMessages: true, tracking: true), cancellationToken);
        var message = thread?.Messages.FirstOrDefault(m => m.Id == delivery.MessageId);
        var email = thread is null || message is null || thread.IsInTrash ? null : await ComposeAsync(services, delivery, thread, message, cancellationToken);
        if (email is null)
        {
            delivery.Abandon("gone");
            await unitOfWork.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Mailbox email {DeliveryId} abandoned: its thread or recipient is gone", delivery.Id);
            return;
        }

        var settings = options.CurrentValue.Delivery;
        var now = clock.GetUtcNow();
        try
        {
            await services.GetRequiredService<IEmailSender>().SendAsync(email, cancellationToken);
            delivery.MarkSent(now);
            if (delivery.Kind == MailDeliveryKind.Reply)
                message!.MarkSent(now);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            delivery.MarkFailed(ex.GetType().Name, now, settings.MaxAttempts, settings.RetryBaseDelay, settings.RetryMaxDelay);
            if (delivery.Kind == MailDeliveryKind.Reply)
                message!.MarkFailed();
            logger.LogWarning("Mailbox email {DeliveryId} ({Kind}) attempt {Attempt} failed with {ExceptionType}; next attempt {NextAttemptAt}",
                delivery.Id, delivery.Kind, delivery.Attempts, ex.GetType().Name, delivery.NextAttemptAt);
        }
        await unitOfWork.SaveChangesAsync(cancellationToken);
    }

    private static async Task<EmailMessage?> ComposeAsync(IServiceProvider services, MailDelivery delivery, MailThread thread, MailMessage message,
        CancellationToken cancellationToken)
    {
        var emails = services.GetRequiredService<MailboxEmails>();
        if (delivery.Kind == MailDeliveryKind.Reply)
            return emails.Reply(thread, message);
        var user = delivery.RecipientUserId is { } userId
            ? await services.GetRequiredService<IRepository<User>>().FirstOrDefaultAsync(new UserByIdSpec(userId), cancellationToken)
            : null;
        return user is null || user.DeletedAt is not null ? null : emails.Notification(thread, message, user.Email);
    }
}
