using IaGenify.Application.Analytics.Ports;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Mailbox.Ports;
using IaGenify.Application.Mailbox.Specifications;
using IaGenify.Application.Websites.Queries.RenderPublishedPage;
using IaGenify.Domain.Common;
using IaGenify.Domain.Mailbox;
using IaGenify.Domain.Websites;
using MediatR;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IaGenify.Application.Mailbox.Commands.SubmitContactMessage;

/// <summary>
/// A visitor's message through the contact form of a published site. It lands in the site's workspace inbox in one
/// transaction: in the sender's open thread on that site if they wrote within 7 days, else in a new one. A filled
/// honeypot is stored as spam and answered like any other submission, so a bot learns nothing.
/// <para><see cref="Page"/> is the path of the page the form was on (HTML forms send it); a submission that is not
/// spam counts as a conversion of that page in analytics.</para>
/// </summary>
[AllowAnonymous]
public sealed record SubmitContactMessage(string Slug, string? Name, string? Email, string? Message, string? Phone, string? Honeypot,
    string? Page = null) : ICommand<ContactSubmissionResult>;

/// <summary>Where the submission went; the endpoint only tells the visitor that it was received.</summary>
public sealed record ContactSubmissionResult(Guid WorkspaceId, Guid WebsiteId, Guid ThreadId, Guid MessageId, bool Spam);

internal sealed class SubmitContactMessageHandler(
    PublishedSites sites,
    IRepository<MailThread> threads,
    IMailboxInbox inbox,
    MailboxArrivals arrivals,
    IUnitOfWork unitOfWork,
    IOptionsMonitor<MailboxOptions> options,
    TimeProvider clock,
    IAnalyticsCollector analytics,
    ILogger<SubmitContactMessageHandler> logger) : IRequestHandler<SubmitContactMessage, ContactSubmissionResult>
{
    public async Task<ContactSubmissionResult> Handle(SubmitContactMessage request, CancellationToken cancellationToken)
    {
        var (website, _) = await sites.FindAsync(request.Slug, cancellationToken);
        var now = clock.GetUtcNow();
        var email = EmailAddress.Normalize(request.Email!);
        var name = request.Name!.Trim();
        var spam = !string.IsNullOrEmpty(request.Honeypot);

        MailThread? thread = null;
        if (!spam)
        {
            await inbox.LockSenderAsync(website.WorkspaceId, email, cancellationToken);
            // Read after the lock: the thread loaded is the latest, and no member's change can come between.
            var since = now - MailThread.ContinuationWindow;
            await inbox.LockContinuableThreadsAsync(website.WorkspaceId, website.Id, email, since, cancellationToken);
            thread = await threads.FirstOrDefaultAsync(new ContinuedThreadSpec(website.WorkspaceId, website.Id, email, since), cancellationToken);
        }
        if (thread is null)
        {
            thread = MailThread.Start(website.WorkspaceId, website.Id, $"{website.Name}: message from {name}", name, email, spam,
                MessageIds.NewReplyToken(), now);
            threads.Add(thread);
        }
        var messageId = Guid.CreateVersion7();
        var message = thread.ReceiveInbound(MailMessageSource.ContactForm, name, email, null, request.Message!.Trim(), null, request.Phone,
            MessageIds.New(messageId, options.CurrentValue.ReplyDomain), null, now);
        await arrivals.AnnounceAsync(thread, message, cancellationToken);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Contact message {MessageId} stored in thread {ThreadId} of workspace {WorkspaceId} (spam: {Spam})",
            message.Id, thread.Id, thread.WorkspaceId, spam);
        if (!spam)
        {
            var page = SitePaths.NormalizeRequestPath(request.Page);
            analytics.RecordConversion(website.WorkspaceId, website.Id, SitePaths.IsPagePath(page) ? page : "/");
        }
        return new ContactSubmissionResult(thread.WorkspaceId, website.Id, thread.Id, message.Id, spam);
    }
}
