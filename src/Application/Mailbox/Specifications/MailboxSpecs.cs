using Ardalis.Specification;
using IaGenify.Application.Common.Specifications;
using IaGenify.Domain.Mailbox;
using IaGenify.Domain.Workspaces;

namespace IaGenify.Application.Mailbox.Specifications;

/// <summary>A thread of the current workspace, with its messages when they are needed (replies, the thread view).</summary>
public sealed class ThreadSpec : Specification<MailThread>
{
    public ThreadSpec(Guid threadId, bool withMessages = false, bool tracking = false)
    {
        Query.Where(t => t.Id == threadId);
        if (withMessages)
            Query.Include(t => t.Messages);
        if (!tracking)
            Query.AsNoTracking();
    }
}

/// <summary>
/// The open thread a new submission of the same sender on the same site continues, if any (newest first). Contact
/// submissions are anonymous, so the site's workspace is named explicitly.
/// </summary>
public sealed class ContinuedThreadSpec : Specification<MailThread>
{
    public ContinuedThreadSpec(Guid workspaceId, Guid websiteId, string senderEmail, DateTimeOffset since)
    {
        Query.IgnoreTenantFilter();
        Query.Where(t => t.WorkspaceId == workspaceId && t.WebsiteId == websiteId && t.SenderEmail == senderEmail && t.Status == MailThreadStatus.Open
            && t.DeletedAt == null && t.LastInboundAt >= since);
        Query.OrderByDescending(t => t.LastInboundAt);
    }
}

/// <summary>
/// The thread an inbound email answers, by the token of its reply address. Inbound mail arrives outside any
/// workspace; the 160-bit token is the scope.
/// </summary>
public sealed class ThreadByReplyTokenSpec : Specification<MailThread>
{
    public ThreadByReplyTokenSpec(string token)
    {
        Query.IgnoreTenantFilter();
        Query.Where(t => t.ReplyToken == token && t.DeletedAt == null);
    }
}

/// <summary>A thread of any workspace, for inbound mail once a Message-ID it answers has been found.</summary>
public sealed class ThreadInAnyWorkspaceSpec : Specification<MailThread>
{
    public ThreadInAnyWorkspaceSpec(Guid threadId)
    {
        Query.IgnoreTenantFilter();
        Query.Where(t => t.Id == threadId && t.DeletedAt == null);
    }
}

/// <summary>A message some inbound email points at with In-Reply-To or References, in any workspace.</summary>
public sealed class MessageByInternetIdSpec : Specification<MailMessage>
{
    public MessageByInternetIdSpec(IReadOnlyCollection<string> internetMessageIds)
    {
        Query.IgnoreTenantFilter();
        Query.Where(m => internetMessageIds.Contains(m.InternetMessageId));
        Query.OrderByDescending(m => m.CreatedAt);
        Query.AsNoTracking();
    }
}

public sealed class DraftsOfThreadSpec : Specification<MailDraft>
{
    public DraftsOfThreadSpec(Guid threadId)
    {
        Query.Where(d => d.ThreadId == threadId);
        Query.OrderBy(d => d.CreatedAt);
        Query.AsNoTracking();
    }
}

public sealed class DraftByGenerationSpec : Specification<MailDraft>
{
    public DraftByGenerationSpec(Guid generationId) => Query.Where(d => d.GenerationId == generationId);
}

public sealed class DraftSpec : Specification<MailDraft>
{
    public DraftSpec(Guid draftId, Guid threadId)
    {
        Query.Where(d => d.Id == draftId && d.ThreadId == threadId);
        Query.AsNoTracking();
    }
}

public sealed class DeliverySpec : Specification<MailDelivery>
{
    public DeliverySpec(Guid deliveryId) => Query.Where(d => d.Id == deliveryId);
}

public sealed class MessageSpec : Specification<MailMessage>
{
    public MessageSpec(Guid messageId) => Query.Where(m => m.Id == messageId);
}

/// <summary>
/// The workspace's members with their accounts (for notifications). Roles are stored by name, so the caller keeps
/// those whose role grants the mailbox.
/// </summary>
public sealed class MembersWithAccountsSpec : Specification<Membership>
{
    public MembersWithAccountsSpec(Guid workspaceId)
    {
        Query.IgnoreTenantFilter();
        Query.Where(m => m.WorkspaceId == workspaceId);
        Query.Include(m => m.User);
        Query.AsNoTracking();
    }
}

/// <summary>A page of threads for the export, in id order, with their messages.</summary>
public sealed class ThreadsForExportSpec : Specification<MailThread>
{
    public ThreadsForExportSpec(Guid workspaceId, Guid? after, int take)
    {
        Query.Where(t => t.WorkspaceId == workspaceId);
        if (after is { } key)
            Query.Where(t => t.Id.CompareTo(key) > 0);
        Query.Include(t => t.Messages);
        Query.OrderBy(t => t.Id);
        Query.Take(take);
        Query.AsNoTracking();
    }
}
