using IaGenify.Domain.Credits;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IaGenify.Infrastructure.Persistence.Configurations;

internal sealed class CreditHoldConfiguration : IEntityTypeConfiguration<CreditHold>
{
    public void Configure(EntityTypeBuilder<CreditHold> builder)
    {
        builder.ToTable("credit_holds", table =>
        {
            table.HasCheckConstraint("ck_credit_holds_amount", "amount > 0");
            table.HasCheckConstraint("ck_credit_holds_captured", "captured >= 0 AND captured <= amount");
        });
        builder.Property(h => h.Operation).HasMaxLength(CreditHold.MaxOperationLength);
        builder.Property(h => h.Reference).HasMaxLength(CreditEntry.MaxReferenceLength);
        builder.Property(h => h.Allocations).HasJsonbConversion();
        builder.HasIndex(h => new { h.WorkspaceId, h.Status });
        builder.HasIndex(h => h.ExpiresAt).HasFilter("status = 'Pending'");
        builder.Ignore(h => h.IsPending);
    }
}
