using IaGenify.Domain.Workspaces;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IaGenify.Infrastructure.Persistence.Configurations;

internal sealed class WorkspaceConfiguration : IEntityTypeConfiguration<Workspace>
{
    public void Configure(EntityTypeBuilder<Workspace> builder)
    {
        builder.ToTable("workspaces");
        builder.Property(w => w.Name).HasMaxLength(Workspace.MaxNameLength);
        builder.Property(w => w.Version).IsConcurrencyToken();
        builder.Property(w => w.SuspensionReason).HasMaxLength(Workspace.MaxSuspensionReasonLength);
        builder.Ignore(w => w.IsSuspended);
        builder.HasIndex(w => w.PurgeAfter).HasFilter("purge_after IS NOT NULL");
        builder.Ignore(w => w.IsDeleted);
        builder.HasMany(w => w.Members).WithOne().HasForeignKey(m => m.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(w => w.Members).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
