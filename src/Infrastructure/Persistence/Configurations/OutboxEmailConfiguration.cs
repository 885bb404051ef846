using IaGenify.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IaGenify.Infrastructure.Persistence.Configurations;

internal sealed class OutboxEmailConfiguration : IEntityTypeConfiguration<OutboxEmail>
{
    public void Configure(EntityTypeBuilder<OutboxEmail> builder)
    {
        builder.ToTable("email_outbox");
        builder.Property(e => e.Type).HasMaxLength(OutboxEmail.TypeMaxLength);
        builder.Property(e => e.Recipient).HasMaxLength(320);
        builder.Property(e => e.Subject).HasMaxLength(1000);
        builder.Property(e => e.FromName).HasMaxLength(200);
        builder.Property(e => e.FromAddress).HasMaxLength(320);
        builder.Property(e => e.ReplyTo).HasMaxLength(320);
        builder.Property(e => e.MessageId).HasMaxLength(1000);
        builder.Property(e => e.InReplyTo).HasMaxLength(1000);
        builder.Property(e => e.LastError).HasMaxLength(OutboxEmail.ErrorMaxLength);
        // The dispatcher's queue: only emails still to send, soonest first.
        builder.HasIndex(e => e.NextAttemptAt).HasFilter("sent_at IS NULL AND next_attempt_at IS NOT NULL")
            .HasDatabaseName("ix_email_outbox_due");
    }
}
