using IaGenify.Application.Common.Specifications;
using IaGenify.Domain.Mailbox;
using IaGenify.Domain.Workspaces;

namespace IaGenify.Application.Mailbox.Specifications;

/// <summary>A thread of the current workspace, with its messages when they are needed (replies, the thread view).</summary>
public sealed class ThreadSpec : Specification<MailThread>
{
    public ThreadSpec(Guid threadId, bool withMessages = false, bool tracking = false)
    {
        Where(t => t.Id == threadId);
        if (withMessages)
            Include(t => t.Messages);
        if (!tracking)
            AsNoTracking();
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
        IgnoreTenantFilter();
        Where(t => t.WorkspaceId == workspaceId && t.WebsiteId == websiteId && t.SenderEmail == senderEmail && t.Status == MailThreadStatus.Open
            && t.DeletedAt == null && t.LastInboundAt >= since);
        OrderByDescending(t => t.LastInboundAt);
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
        IgnoreTenantFilter();
        Where(t => t.ReplyToken == token && t.DeletedAt == null);
    }
}

/// <summary>A thread of any workspace, for inbound mail once a Message-ID it answers has been found.</summary>
public sealed class ThreadInAnyWorkspaceSpec : Specification<MailThread>
{
    public ThreadInAnyWorkspaceSpec(Guid threadId)
    {
        IgnoreTenantFilter();
        Where(t => t.Id == threadId && t.DeletedAt == null);
    }
}

/// <summary>A message some inbound email points at with In-Reply-To or References, in any workspace.</summary>
public sealed class MessageByInternetIdSpec : Specification<MailMessage>
{
    public MessageByInternetIdSpec(IReadOnlyCollection<string> internetMessageIds)
    {
        IgnoreTenantFilter();
        Where(m => internetMessageIds.Contains(m.InternetMessageId));
        OrderByDescending(m => m.CreatedAt);
        AsNoTracking();
    }
}

public sealed class DraftsOfThreadSpec : Specification<MailDraft>
{
    public DraftsOfThreadSpec(Guid threadId)
    {
        Where(d => d.ThreadId == threadId);
        OrderBy(d => d.CreatedAt);
        AsNoTracking();
    }
}

public sealed class DraftByGenerationSpec : Specification<MailDraft>
{
    public DraftByGenerationSpec(Guid generationId) => Where(d => d.GenerationId == generationId);
}

public sealed class DraftSpec : Specification<MailDraft>
{
    public DraftSpec(Guid draftId, Guid threadId)
    {
        Where(d => d.Id == draftId && d.ThreadId == threadId);
        AsNoTracking();
    }
}

public sealed class DeliverySpec : Specification<MailDelivery>
{
    public DeliverySpec(Guid deliveryId) => Where(d => d.Id == deliveryId);
}

public sealed class MessageSpec : Specification<MailMessage>
{
    public MessageSpec(Guid messageId) => Where(m => m.Id == messageId);
}

/// <summary>
/// The workspace's members with their accounts (for notifications). Roles are stored by name, so the caller keeps
/// those whose role grants the mailbox.
/// </summary>
public sealed class MembersWithAccountsSpec : Specification<Membership>
{
    public MembersWithAccountsSpec(Guid workspaceId)
    {
        IgnoreTenantFilter();
        Where(m => m.WorkspaceId == workspaceId);
        Include(m => m.User);
        AsNoTracking();
    }
}

/// <summary>A page of threads for the export, in id order, with their messages.</summary>
public sealed class ThreadsForExportSpec : Specification<MailThread>
{
    public ThreadsForExportSpec(Guid workspaceId, Guid? after, int take)
    {
        Where(t => t.WorkspaceId == workspaceId);
        if (after is { } key)
            Where(t => t.Id.CompareTo(key) > 0);
        Include(t => t.Messages);
        OrderBy(t => t.Id);
        Limit(take);
        AsNoTracking();
    }
}
