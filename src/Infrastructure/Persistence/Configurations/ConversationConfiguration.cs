using IaGenify.Domain.Assistant;
using IaGenify.Domain.Workspaces;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IaGenify.Infrastructure.Persistence.Configurations;

internal sealed class ConversationConfiguration : IEntityTypeConfiguration<Conversation>
{
    public void Configure(EntityTypeBuilder<Conversation> builder)
    {
        builder.ToTable("assistant_conversations");
        builder.HasIndex(c => new { c.WorkspaceId, c.OwnerId, c.Id });
        // Conversations are workspace data: purging the workspace removes them.
        builder.HasOne<Workspace>().WithMany().HasForeignKey(c => c.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Messages).WithOne().HasForeignKey(m => m.ConversationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Messages).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(c => c.PendingActions).WithOne().HasForeignKey(a => a.ConversationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.PendingActions).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(c => c.OrderedMessages);
    }
}

internal sealed class AssistantMessageConfiguration : IEntityTypeConfiguration<AssistantMessage>
{
    public void Configure(EntityTypeBuilder<AssistantMessage> builder)
    {
        builder.ToTable("assistant_messages");
        builder.Property(m => m.ToolCallId).HasMaxLength(100);
        builder.Property(m => m.ToolName).HasMaxLength(100);
        builder.Property(m => m.ToolCalls).HasColumnType("jsonb");
        builder.HasIndex(m => new { m.WorkspaceId, m.ConversationId, m.Sequence }).IsUnique();
    }
}

internal sealed class PendingActionConfiguration : IEntityTypeConfiguration<PendingAction>
{
    public void Configure(EntityTypeBuilder<PendingAction> builder)
    {
        builder.ToTable("assistant_pending_actions");
        builder.Property(a => a.ToolCallId).HasMaxLength(100);
        builder.Property(a => a.Tool).HasMaxLength(100);
        builder.Property(a => a.Arguments).HasColumnType("jsonb");
        builder.Property(a => a.Summary).HasMaxLength(PendingAction.MaxSummaryLength);
        builder.Property(a => a.Result).HasColumnType("jsonb");
        builder.HasIndex(a => new { a.WorkspaceId, a.ConversationId });
    }
}
