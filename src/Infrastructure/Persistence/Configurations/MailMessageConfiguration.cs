using IaGenify.Domain.Mailbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NpgsqlTypes;

namespace IaGenify.Infrastructure.Persistence.Configurations;

internal sealed class MailMessageConfiguration : IEntityTypeConfiguration<MailMessage>
{
    public const string SearchVector = "SearchVector";

    public void Configure(EntityTypeBuilder<MailMessage> builder)
    {
        builder.ToTable("mail_messages");
        builder.Property(m => m.FromName).HasMaxLength(MailThread.MaxNameLength);
        builder.Property(m => m.FromEmail).HasMaxLength(254);
        builder.Property(m => m.ToEmail).HasMaxLength(254);
        builder.Property(m => m.Body).HasMaxLength(MailMessage.MaxBodyLength);
        builder.Property(m => m.RawBody).HasMaxLength(MailMessage.MaxRawBodyLength);
        builder.Property(m => m.Phone).HasMaxLength(MailMessage.MaxPhoneLength);
        builder.Property(m => m.InternetMessageId).HasMaxLength(MailMessage.MaxMessageIdLength);
        builder.Property(m => m.InReplyTo).HasMaxLength(MailMessage.MaxMessageIdLength);
        builder.HasIndex(m => new { m.WorkspaceId, m.ThreadId, m.CreatedAt });
        // Inbound threading by In-Reply-To/References looks messages up by Message-ID across workspaces.
        builder.HasIndex(m => m.InternetMessageId);
        builder.Property<NpgsqlTsVector>(SearchVector)
            .HasComputedColumnSql("to_tsvector('simple', coalesce(body, '') || ' ' || coalesce(from_name, '') || ' ' || coalesce(from_email, ''))",
                stored: true);
        builder.HasIndex(nameof(MailMessage.WorkspaceId), SearchVector).HasMethod("gin");
    }
}
