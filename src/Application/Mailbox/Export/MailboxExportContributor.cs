using System.Runtime.CompilerServices;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Exports.Ports;
using IaGenify.Application.Mailbox.Specifications;
using IaGenify.Domain.Mailbox;

namespace IaGenify.Application.Mailbox.Export;

/// <summary><c>mailbox.json</c>: every thread (trash included, marked) with its messages as shown and as received.</summary>
internal sealed class MailboxExportContributor(IRepository<MailThread> threads) : IExportContributor
{
    private const int PageSize = 200;

    public sealed record Message(Guid Id, MailDirection Direction, MailMessageSource Source, string FromName, string FromEmail, string To,
        string Body, string? RawBody, string? Phone, string InternetMessageId, string? InReplyTo, DateTimeOffset CreatedAt,
        DateTimeOffset? SentAt, DeliveryStatus DeliveryStatus, IReadOnlyList<Guid> AttachmentAssetIds);

    public sealed record Thread(Guid Id, Guid? WebsiteId, string Subject, string SenderName, string SenderEmail, MailThreadStatus Status,
        DateTimeOffset CreatedAt, DateTimeOffset LastMessageAt, DateTimeOffset? DeletedAt, IReadOnlyList<Message> Messages);

    public string Name => "mailbox";

    public Task WriteAsync(Guid workspaceId, ExportWriter writer, CancellationToken cancellationToken) =>
        writer.WriteJsonArrayAsync("mailbox.json", ReadAsync(workspaceId, cancellationToken), cancellationToken);

    private async IAsyncEnumerable<Thread> ReadAsync(Guid workspaceId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Guid? after = null;
        while (true)
        {
            var page = await threads.ListAsync(new ThreadsForExportSpec(workspaceId, after, PageSize), cancellationToken);
            foreach (var t in page)
                yield return new Thread(t.Id, t.WebsiteId, t.Subject, t.SenderName, t.SenderEmail, t.Status, t.CreatedAt, t.LastMessageAt,
                    t.DeletedAt, [.. t.Messages.OrderBy(m => m.CreatedAt).Select(m => new Message(m.Id, m.Direction, m.Source, m.FromName,
                        m.FromEmail, m.ToEmail, m.Body, m.RawBody, m.Phone, m.InternetMessageId, m.InReplyTo, m.CreatedAt, m.SentAt,
                        m.DeliveryStatus, m.AttachmentAssetIds))]);
            if (page.Count < PageSize)
                yield break;
            after = page[^1].Id;
        }
    }
}
