using IaGenify.Domain.ApiKeys;
using IaGenify.Domain.Workspaces;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IaGenify.Infrastructure.Persistence.Configurations;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.ToTable("api_keys");
        builder.Property(k => k.Name).HasMaxLength(ApiKey.MaxNameLength);
        builder.Property(k => k.SecretHash).HasMaxLength(64);
        builder.Property(k => k.DisplayPrefix).HasMaxLength(16);
        // Authentication looks keys up by hash alone; the secret itself is the scope.
        builder.HasIndex(k => k.SecretHash).IsUnique();
        builder.HasIndex(k => new { k.WorkspaceId, k.Id });
        builder.HasOne<Workspace>().WithMany().HasForeignKey(k => k.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
    }
}
