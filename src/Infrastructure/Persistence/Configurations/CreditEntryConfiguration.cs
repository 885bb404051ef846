using IaGenify.Domain.Credits;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IaGenify.Infrastructure.Persistence.Configurations;

internal sealed class CreditEntryConfiguration : IEntityTypeConfiguration<CreditEntry>
{
    public void Configure(EntityTypeBuilder<CreditEntry> builder)
    {
        builder.ToTable("credit_entries");
        builder.Property(e => e.IdempotencyKey).HasMaxLength(CreditEntry.MaxIdempotencyKeyLength);
        builder.Property(e => e.Reference).HasMaxLength(CreditEntry.MaxReferenceLength);
        builder.Property(e => e.Draws).HasJsonbConversion();
        // A retried write finds its first result by key; the unique index makes "at most once" a database fact.
        builder.HasIndex(e => new { e.WorkspaceId, e.IdempotencyKey }).IsUnique().HasFilter("idempotency_key IS NOT NULL");
        builder.HasIndex(e => new { e.WorkspaceId, e.Id });
    }
}
