using IaGenify.Domain.Events;
using IaGenify.Domain.Webhooks;
using IaGenify.Domain.Workspaces;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IaGenify.Infrastructure.Persistence.Configurations;

internal sealed class OutboxEventConfiguration : IEntityTypeConfiguration<OutboxEvent>
{
    public void Configure(EntityTypeBuilder<OutboxEvent> builder)
    {
        builder.ToTable("outbox_events");
        builder.Property(e => e.Type).HasMaxLength(EventTypes.MaxLength);
        builder.Property(e => e.Data).HasColumnType("jsonb");
        builder.HasIndex(e => new { e.WorkspaceId, e.Id });
        // The dispatcher's queue: only events not yet fanned out, oldest first.
        builder.HasIndex(e => e.Id).HasFilter("dispatched_at IS NULL").HasDatabaseName("ix_outbox_events_pending");
        builder.HasIndex(e => e.TargetEndpointId).HasFilter("target_endpoint_id IS NOT NULL");
        builder.HasOne<Workspace>().WithMany().HasForeignKey(e => e.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
        // A test event dies with the endpoint it was meant for.
        builder.HasOne<WebhookEndpoint>().WithMany().HasForeignKey(e => e.TargetEndpointId).OnDelete(DeleteBehavior.Cascade);
    }
}
