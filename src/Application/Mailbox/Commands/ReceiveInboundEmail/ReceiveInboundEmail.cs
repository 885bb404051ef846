using IaGenify.Application.Assets;
using IaGenify.Application.Common.Exceptions;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Common.Storage;
using IaGenify.Application.Mailbox.Ports;
using IaGenify.Application.Mailbox.Specifications;
using IaGenify.Domain.Assets;
using IaGenify.Domain.Mailbox;
using MediatR;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IaGenify.Application.Mailbox.Commands.ReceiveInboundEmail;

/// <summary>
/// A raw email (RFC 5322) posted by the mail provider's inbound webhook, authenticated by an HMAC-SHA256 of the raw
/// body with <c>Mailbox:InboundSecret</c> (<c>sha256=&lt;hex&gt;</c>); anything else is 401 and nothing is stored. It
/// joins the thread its reply address names, else the thread of a message it answers (In-Reply-To, References);
/// an email of no thread is dropped. The shown body is the new text, the raw one is kept; image attachments become
/// assets of the workspace.
/// </summary>
[AllowAnonymous]
public sealed record ReceiveInboundEmail(byte[] Raw, string? Signature) : ICommand<InboundMailResultDto>;

internal sealed class ReceiveInboundEmailHandler(
    IInboundMailParser parser,
    IRepository<MailThread> threads,
    IRepository<MailMessage> messages,
    IRepository<Asset> assets,
    IObjectStorage storage,
    MailboxArrivals arrivals,
    IUnitOfWork unitOfWork,
    IOptionsMonitor<MailboxOptions> options,
    TimeProvider clock,
    ILogger<ReceiveInboundEmailHandler> logger) : IRequestHandler<ReceiveInboundEmail, InboundMailResultDto>
{
    public async Task<InboundMailResultDto> Handle(ReceiveInboundEmail request, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        if (!InboundSignature.IsValid(request.Raw, request.Signature, settings.InboundSecret))
            throw new UnauthenticatedException("The inbound email signature is missing or wrong.");
        InboundMail mail;
        try
        {
            mail = await parser.ParseAsync(new MemoryStream(request.Raw, writable: false), settings.MaxAttachmentBytes, cancellationToken);
        }
        catch (InvalidDataException)
        {
            throw RequestValidationException.For("body", "The body is not an RFC 5322 email message.");
        }

        var thread = await FindThreadAsync(mail, settings.ReplyDomain, cancellationToken);
        if (thread is null)
        {
            logger.LogInformation("Inbound email dropped: it answers no known thread");
            return new InboundMailResultDto(false, null, null);
        }
        // A Message-ID longer than we store is dropped like a missing one (we mint ours) rather than refusing the email.
        var internetMessageId = mail.MessageId is { Length: <= MailMessage.MaxMessageIdLength } ? mail.MessageId : null;
        if (internetMessageId is { } known && (await messages.ListAsync(new MessageByInternetIdSpec([known]), cancellationToken))
                .FirstOrDefault(m => m.ThreadId == thread.Id) is { } duplicate)
            return new InboundMailResultDto(true, thread.Id, duplicate.Id);

        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7();
        var text = string.IsNullOrWhiteSpace(mail.TextBody) ? "(no text)" : mail.TextBody;
        var shown = MailText.Clip(ReplyText.Extract(text), MailMessage.MaxBodyLength);
        var from = MailboxRules.IsDeliverableAddress(mail.FromEmail) ? mail.FromEmail : thread.SenderEmail;
        var message = thread.ReceiveInbound(MailMessageSource.Email, mail.FromName ?? thread.SenderName, from,
            MessageIds.ReplyAddress(thread.ReplyToken, settings.ReplyDomain), shown, text,
            null, internetMessageId ?? MessageIds.New(id, settings.ReplyDomain), mail.InReplyTo, now);
        message.AttachAssets(await StoreAttachmentsAsync(thread.WorkspaceId, mail.Attachments, now, cancellationToken));
        await arrivals.AnnounceAsync(thread, message, cancellationToken);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Inbound email {MessageId} stored in thread {ThreadId} of workspace {WorkspaceId}", message.Id, thread.Id,
            thread.WorkspaceId);
        return new InboundMailResultDto(true, thread.Id, message.Id);
    }

    private async Task<MailThread?> FindThreadAsync(InboundMail mail, string replyDomain, CancellationToken cancellationToken)
    {
        foreach (var address in mail.To)
            if (address.EndsWith("@" + replyDomain, StringComparison.OrdinalIgnoreCase) && MessageIds.TokenOf(address) is { } token
                && await threads.FirstOrDefaultAsync(new ThreadByReplyTokenSpec(token), cancellationToken) is { } byToken)
                return byToken;
        var answered = new[] { mail.InReplyTo }.Concat(mail.References.Reverse()).OfType<string>()
            .Where(id => id.Length is > 0 and <= MailMessage.MaxMessageIdLength).Distinct().Take(20).ToList();
        if (answered.Count == 0)
            return null;
        var message = (await messages.ListAsync(new MessageByInternetIdSpec(answered), cancellationToken)).FirstOrDefault();
        return message is null ? null : await threads.FirstOrDefaultAsync(new ThreadInAnyWorkspaceSpec(message.ThreadId), cancellationToken);
    }

    /// <summary>Images within the size limit become assets; other files are not kept (the raw text says they were there).</summary>
    private async Task<List<Guid>> StoreAttachmentsAsync(Guid workspaceId, IReadOnlyList<InboundAttachment> attachments, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var stored = new List<Guid>();
        var limit = Math.Min(options.CurrentValue.MaxAttachmentBytes, Asset.MaxBytes);
        foreach (var attachment in attachments.Take(MailMessage.MaxAttachments))
        {
            var bytes = attachment.Content;
            var type = bytes.Length is > 0 && bytes.Length <= limit ? ImageFormats.Sniff(bytes.AsSpan(0, Math.Min(bytes.Length, ImageFormats.SniffLength))) : null;
            if (type is null)
                continue;
            var assetId = Guid.CreateVersion7();
            var key = AssetFiles.StorageKey(workspaceId, assetId);
            await storage.PutAsync(key, new MemoryStream(bytes, writable: false), type, cancellationToken);
            assets.Add(Asset.Uploaded(assetId, workspaceId, type, bytes.Length, AssetFiles.ContentHash(bytes), key, attachment.FileName, null, now));
            stored.Add(assetId);
        }
        if (stored.Count < attachments.Count)
            logger.LogInformation("Inbound email: {Dropped} attachments were not images within the size limit and were not kept",
                attachments.Count - stored.Count);
        return stored;
    }
}
