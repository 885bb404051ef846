using IaGenify.Domain.Webhooks;
using IaGenify.Domain.Workspaces;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IaGenify.Infrastructure.Persistence.Configurations;

internal sealed class WebhookEndpointConfiguration : IEntityTypeConfiguration<WebhookEndpoint>
{
    public void Configure(EntityTypeBuilder<WebhookEndpoint> builder)
    {
        builder.ToTable("webhook_endpoints");
        builder.Property(e => e.Url).HasMaxLength(WebhookEndpoint.MaxUrlLength);
        builder.Property(e => e.Description).HasMaxLength(WebhookEndpoint.MaxDescriptionLength);
        builder.Property(e => e.EventTypes).HasColumnType("text[]");
        builder.Property(e => e.ProtectedSecret).HasMaxLength(200);
        builder.HasIndex(e => new { e.WorkspaceId, e.Id });
        builder.HasOne<Workspace>().WithMany().HasForeignKey(e => e.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
        // The dispatcher updates the failure count under a row lock; an admin's concurrent edit then gets a 409.
        builder.Property<uint>("Version").IsRowVersion();
    }
}
