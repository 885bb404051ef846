using IaGenify.Domain.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IaGenify.Infrastructure.Persistence.Configurations;

internal sealed class RefreshTokenConfiguration : IEntityTypeConfiguration<RefreshToken>
{
    public void Configure(EntityTypeBuilder<RefreshToken> builder)
    {
        builder.ToTable("refresh_tokens");
        builder.Property(t => t.TokenHash).HasMaxLength(64);
        builder.HasIndex(t => t.TokenHash).IsUnique();
        builder.HasIndex(t => t.FamilyId);
        builder.HasIndex(t => t.UserId);
        builder.HasOne<User>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(t => t.WasExchangedOrRevoked);
        builder.Property(t => t.Client).HasMaxLength(RefreshToken.MaxClientLength);
        builder.Property(t => t.Network).HasMaxLength(RefreshToken.MaxNetworkLength);
        // PostgreSQL's xmin: two requests exchanging the same token cannot both commit.
        builder.Property<uint>("Version").IsRowVersion();
    }
}
