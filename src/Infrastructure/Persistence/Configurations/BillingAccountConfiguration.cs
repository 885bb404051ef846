using IaGenify.Domain.Billing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IaGenify.Infrastructure.Persistence.Configurations;

/// <summary>One row per workspace that ever had a billing change; no row means the free plan.</summary>
internal sealed class BillingAccountConfiguration : IEntityTypeConfiguration<BillingAccount>
{
    public void Configure(EntityTypeBuilder<BillingAccount> builder)
    {
        builder.ToTable("billing_accounts");
        builder.HasIndex(a => a.WorkspaceId).IsUnique();
        builder.HasIndex(a => a.StripeCustomerId).IsUnique().HasFilter("stripe_customer_id IS NOT NULL");
        builder.HasIndex(a => a.StripeSubscriptionId).HasFilter("stripe_subscription_id IS NOT NULL");
        builder.Property(a => a.PlanCode).HasMaxLength(BillingAccount.MaxPlanCodeLength);
        builder.Property(a => a.StripeCustomerId).HasMaxLength(BillingAccount.MaxStripeIdLength);
        builder.Property(a => a.StripeSubscriptionId).HasMaxLength(BillingAccount.MaxStripeIdLength);
    }
}
