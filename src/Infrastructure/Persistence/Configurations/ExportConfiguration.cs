using IaGenify.Domain.Exports;
using IaGenify.Domain.Workspaces;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IaGenify.Infrastructure.Persistence.Configurations;

internal sealed class ExportConfiguration : IEntityTypeConfiguration<Export>
{
    private const string Active = "status IN ('Queued', 'Running')";

    public void Configure(EntityTypeBuilder<Export> builder)
    {
        builder.ToTable("exports");
        builder.Property(e => e.ObjectKey).HasMaxLength(512);
        builder.Property(e => e.Error).HasMaxLength(Export.MaxErrorLength);
        builder.HasOne<Workspace>().WithMany().HasForeignKey(e => e.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
        // Newest-first pages per workspace.
        builder.HasIndex(e => new { e.WorkspaceId, e.Id });
        // One queued or running export per workspace; also what the worker's claim scans.
        builder.HasIndex(e => e.WorkspaceId).IsUnique().HasFilter(Active).HasDatabaseName("ix_exports_workspace_id_active");
        builder.HasIndex(e => e.CreatedAt).HasFilter(Active).HasDatabaseName("ix_exports_created_at_active");
        builder.HasIndex(e => e.ExpiresAt).HasFilter("status = 'Succeeded'");
        // PostgreSQL's xmin: a worker whose lease was taken over cannot overwrite the new owner's outcome.
        builder.Property<uint>("Version").IsRowVersion();
    }
}
