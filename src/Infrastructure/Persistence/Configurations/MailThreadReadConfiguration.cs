using IaGenify.Domain.Mailbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IaGenify.Infrastructure.Persistence.Configurations;

internal sealed class MailThreadReadConfiguration : IEntityTypeConfiguration<MailThreadRead>
{
    public void Configure(EntityTypeBuilder<MailThreadRead> builder)
    {
        builder.ToTable("mail_thread_reads");
        builder.HasOne<MailThread>().WithMany().HasForeignKey(r => r.ThreadId).OnDelete(DeleteBehavior.Cascade);
        // One mark per reader and thread (upserted); the reader is a user or an API key, so no foreign key.
        builder.HasIndex(r => new { r.WorkspaceId, r.ThreadId, r.UserId }).IsUnique();
    }
}
