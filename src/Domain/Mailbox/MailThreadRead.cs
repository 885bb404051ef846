using IaGenify.Domain.Common;

namespace IaGenify.Domain.Mailbox;

/// <summary>When a member last read a thread: read state is per member, so one member reading does not hide it from the others.</summary>
public sealed class MailThreadRead : Entity, ITenantOwned
{
    private MailThreadRead()
    {
    }

    public Guid WorkspaceId { get; private set; }
    public Guid ThreadId { get; private set; }
    public Guid UserId { get; private set; }
    public DateTimeOffset ReadAt { get; private set; }
}
