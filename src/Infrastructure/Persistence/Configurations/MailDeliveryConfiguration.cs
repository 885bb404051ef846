using IaGenify.Domain.Mailbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IaGenify.Infrastructure.Persistence.Configurations;

internal sealed class MailDeliveryConfiguration : IEntityTypeConfiguration<MailDelivery>
{
    public void Configure(EntityTypeBuilder<MailDelivery> builder)
    {
        builder.ToTable("mail_deliveries");
        builder.Property(d => d.LastError).HasMaxLength(MailDelivery.MaxErrorLength);
        builder.HasOne<MailThread>().WithMany().HasForeignKey(d => d.ThreadId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<MailMessage>().WithMany().HasForeignKey(d => d.MessageId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => new { d.WorkspaceId, d.MessageId });
        // What the sender's claim scans: emails still owed, by due time.
        builder.HasIndex(d => d.NextAttemptAt).HasFilter("next_attempt_at IS NOT NULL");
        builder.Property<uint>("Version").IsRowVersion();
    }
}
