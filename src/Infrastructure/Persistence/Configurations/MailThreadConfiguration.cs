using IaGenify.Domain.Mailbox;
using IaGenify.Domain.Websites;
using IaGenify.Domain.Workspaces;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NpgsqlTypes;

namespace IaGenify.Infrastructure.Persistence.Configurations;

internal sealed class MailThreadConfiguration : IEntityTypeConfiguration<MailThread>
{
    /// <summary>Shadow column: the thread's own searchable text (subject and sender); bodies are searched in mail_messages.</summary>
    public const string SearchVector = "SearchVector";

    public void Configure(EntityTypeBuilder<MailThread> builder)
    {
        builder.ToTable("mail_threads");
        builder.Property(t => t.Subject).HasMaxLength(MailThread.MaxSubjectLength);
        builder.Property(t => t.SenderName).HasMaxLength(MailThread.MaxNameLength);
        builder.Property(t => t.SenderEmail).HasMaxLength(254);
        builder.Property(t => t.ReplyToken).HasMaxLength(MailThread.ReplyTokenLength);
        builder.Property(t => t.Snippet).HasMaxLength(MailThread.MaxSnippetLength);
        builder.HasMany(t => t.Messages).WithOne().HasForeignKey(m => m.ThreadId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(t => t.Messages).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasOne<Workspace>().WithMany().HasForeignKey(t => t.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
        // A deleted website keeps its conversations.
        builder.HasOne<Website>().WithMany().HasForeignKey(t => t.WebsiteId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(t => t.ReplyToken).IsUnique();
        // The inbox: newest activity first per workspace and status; the keyset cursor is (last_message_at, id).
        builder.HasIndex(t => new { t.WorkspaceId, t.Status, t.LastMessageAt, t.Id }).HasFilter("deleted_at IS NULL");
        // Continuing a sender's open thread on a site.
        builder.HasIndex(t => new { t.WorkspaceId, t.WebsiteId, t.SenderEmail, t.LastInboundAt });
        builder.HasIndex(t => t.DeletedAt).HasFilter("deleted_at IS NOT NULL");
        builder.Property<NpgsqlTsVector>(SearchVector)
            .HasComputedColumnSql("to_tsvector('simple', coalesce(subject, '') || ' ' || coalesce(sender_name, '') || ' ' || coalesce(sender_email, ''))",
                stored: true);
        builder.HasIndex(nameof(MailThread.WorkspaceId), SearchVector).HasMethod("gin");
        // PostgreSQL's xmin: two writers appending to one thread cannot lose each other's counters.
        builder.Property<uint>("Version").IsRowVersion();
    }
}
