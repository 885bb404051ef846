using IaGenify.Domain.Assets;
using IaGenify.Domain.Workspaces;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IaGenify.Infrastructure.Persistence.Configurations;

internal sealed class AssetConfiguration : IEntityTypeConfiguration<Asset>
{
    public void Configure(EntityTypeBuilder<Asset> builder)
    {
        builder.ToTable("assets", table => table.HasCheckConstraint("ck_assets_size", $"size_bytes > 0 AND size_bytes <= {Asset.MaxBytes}"));
        builder.Property(a => a.ContentType).HasMaxLength(40);
        builder.Property(a => a.FileName).HasMaxLength(Asset.MaxFileNameLength);
        builder.Property(a => a.StorageKey).HasMaxLength(200);
        builder.Property(a => a.ContentHash).HasMaxLength(64);
        builder.HasIndex(a => new { a.WorkspaceId, a.Id });
        builder.HasOne<Workspace>().WithMany().HasForeignKey(a => a.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
    }
}
