using IaGenify.Domain.Credits;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IaGenify.Infrastructure.Persistence.Configurations;

internal sealed class CreditGrantConfiguration : IEntityTypeConfiguration<CreditGrant>
{
    public void Configure(EntityTypeBuilder<CreditGrant> builder)
    {
        builder.ToTable("credit_grants", table =>
        {
            table.HasCheckConstraint("ck_credit_grants_amount", "amount > 0");
            table.HasCheckConstraint("ck_credit_grants_remaining", "remaining >= 0 AND remaining <= amount");
            table.HasCheckConstraint("ck_credit_grants_reserved", "reserved >= 0 AND reserved <= remaining");
        });
        builder.Property(g => g.Reference).HasMaxLength(CreditEntry.MaxReferenceLength);
        // The open grants of a workspace are read under its lock for every write.
        builder.HasIndex(g => new { g.WorkspaceId, g.Priority }).HasFilter("remaining > 0");
        builder.HasIndex(g => g.ExpiresAt).HasFilter("expired_at IS NULL AND expires_at IS NOT NULL");
        builder.Ignore(g => g.Unreserved);
    }
}
