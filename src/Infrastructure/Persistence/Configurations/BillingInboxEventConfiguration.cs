using IaGenify.Domain.Billing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IaGenify.Infrastructure.Persistence.Configurations;

/// <summary>The unique event id is what makes each Stripe event take effect once.</summary>
internal sealed class BillingInboxEventConfiguration : IEntityTypeConfiguration<BillingInboxEvent>
{
    public void Configure(EntityTypeBuilder<BillingInboxEvent> builder)
    {
        builder.ToTable("billing_inbox");
        builder.HasIndex(e => e.EventId).IsUnique();
        builder.HasIndex(e => new { e.WorkspaceId, e.ReceivedAt });
        builder.Property(e => e.EventId).HasMaxLength(BillingInboxEvent.MaxEventIdLength);
        builder.Property(e => e.Type).HasMaxLength(BillingInboxEvent.MaxTypeLength);
        builder.Property(e => e.Outcome).HasMaxLength(BillingInboxEvent.MaxOutcomeLength);
    }
}
