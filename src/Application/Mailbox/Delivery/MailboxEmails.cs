using IaGenify.Application.Common.Email;
using IaGenify.Application.Common.Security;
using IaGenify.Domain.Mailbox;
using Microsoft.Extensions.Options;

namespace IaGenify.Application.Mailbox.Delivery;

/// <summary>Composes the mailbox's emails when they are sent, from the stored thread (the outbox rows hold ids only).</summary>
public sealed class MailboxEmails(IOptionsMonitor<MailboxOptions> mailbox, IOptionsMonitor<PlatformOptions> platform)
{
    /// <summary>
    /// A member's reply to the visitor, from the thread's reply address so that the answer comes back to the thread;
    /// In-Reply-To and References point at the conversation so far.
    /// </summary>
    public EmailMessage Reply(MailThread thread, MailMessage reply)
    {
        var address = MessageIds.ReplyAddress(thread.ReplyToken, mailbox.CurrentValue.ReplyDomain);
        var references = thread.Messages.Where(m => m.CreatedAt < reply.CreatedAt || (m.CreatedAt == reply.CreatedAt && m.Id != reply.Id))
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)
            .Select(m => m.InternetMessageId).Where(id => id.Length > 0).TakeLast(20).ToList();
        var subject = thread.Subject.StartsWith("Re:", StringComparison.OrdinalIgnoreCase) ? thread.Subject : $"Re: {thread.Subject}";
        return new EmailMessage(reply.ToEmail, subject, reply.Body)
        {
            From = new EmailAddressWithName(reply.FromName, address),
            ReplyTo = address,
            MessageId = reply.InternetMessageId,
            InReplyTo = reply.InReplyTo,
            References = references,
        };
    }

    /// <summary>Tells a member that a visitor wrote; the message itself stays in the inbox.</summary>
    public EmailMessage Notification(MailThread thread, MailMessage received, string memberEmail)
    {
        var link = $"{platform.CurrentValue.AppBaseUrl}/workspaces/{thread.WorkspaceId}/mailbox/threads/{thread.Id}";
        var body = $"""
            {received.FromName} sent a message through your website.

            Read and answer it in your inbox:
            {link}

            You receive this email because you are a member of the workspace with access to its mailbox.
            """;
        return new EmailMessage(memberEmail, $"New message from {received.FromName}", body);
    }
}
