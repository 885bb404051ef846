using IaGenify.Domain.Generations;
using IaGenify.Domain.Mailbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IaGenify.Infrastructure.Persistence.Configurations;

internal sealed class MailDraftConfiguration : IEntityTypeConfiguration<MailDraft>
{
    public void Configure(EntityTypeBuilder<MailDraft> builder)
    {
        builder.ToTable("mail_drafts");
        builder.Property(d => d.Instruction).HasMaxLength(MailDraft.MaxInstructionLength);
        builder.Property(d => d.Subject).HasMaxLength(MailThread.MaxSubjectLength);
        builder.Property(d => d.Body).HasMaxLength(MailMessage.MaxBodyLength);
        builder.HasOne<MailThread>().WithMany().HasForeignKey(d => d.ThreadId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Generation>().WithMany().HasForeignKey(d => d.GenerationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => new { d.WorkspaceId, d.ThreadId, d.CreatedAt });
        builder.HasIndex(d => d.GenerationId).IsUnique();
    }
}
