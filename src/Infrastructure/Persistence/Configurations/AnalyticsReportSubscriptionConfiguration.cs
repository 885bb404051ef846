using IaGenify.Domain.Analytics;
using IaGenify.Domain.Workspaces;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IaGenify.Infrastructure.Persistence.Configurations;

internal sealed class AnalyticsReportSubscriptionConfiguration : IEntityTypeConfiguration<AnalyticsReportSubscription>
{
    public void Configure(EntityTypeBuilder<AnalyticsReportSubscription> builder)
    {
        builder.ToTable("analytics_report_subscriptions");
        builder.HasIndex(s => new { s.WorkspaceId, s.UserId }).IsUnique();
        // The subscription ends with the membership (leaving, removal, erasure, workspace purge).
        builder.HasOne<Membership>().WithMany().HasForeignKey(s => s.MembershipId).OnDelete(DeleteBehavior.Cascade);
    }
}
