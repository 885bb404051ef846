using IaGenify.Domain.Generations;
using IaGenify.Domain.Workspaces;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IaGenify.Infrastructure.Persistence.Configurations;

internal sealed class GenerationConfiguration : IEntityTypeConfiguration<Generation>
{
    public void Configure(EntityTypeBuilder<Generation> builder)
    {
        builder.ToTable("generations", table =>
        {
            table.HasCheckConstraint("ck_generations_price", "price >= 0");
            table.HasCheckConstraint("ck_generations_attempts", "attempts >= 0");
        });
        builder.Property(g => g.Input).HasColumnType("jsonb");
        builder.Property(g => g.Output).HasColumnType("jsonb");
        builder.Property(g => g.Operation).HasMaxLength(60);
        builder.Property(g => g.ErrorCode).HasMaxLength(GenerationError.MaxCodeLength);
        builder.Property(g => g.ErrorMessage).HasMaxLength(GenerationError.MaxMessageLength);
        builder.Property(g => g.IdempotencyKey).HasMaxLength(Generation.MaxIdempotencyKeyLength);
        builder.Property(g => g.RequestHash).HasMaxLength(64);
        builder.ComplexProperty(g => g.ModelSettings, settings =>
        {
            settings.Property(s => s.Provider).HasMaxLength(40).HasColumnName("model_provider");
            settings.Property(s => s.Model).HasMaxLength(ModelSettings.MaxModelLength).HasColumnName("model_name");
            settings.Property(s => s.Temperature).HasColumnName("model_temperature");
            settings.Property(s => s.MaxTokens).HasColumnName("model_max_tokens");
        });
        builder.Ignore(g => g.IsTerminal);
        builder.HasOne<Workspace>().WithMany().HasForeignKey(g => g.WorkspaceId).OnDelete(DeleteBehavior.Cascade);

        builder.HasIndex(g => new { g.WorkspaceId, g.Id });
        builder.HasIndex(g => new { g.WorkspaceId, g.IdempotencyKey }).IsUnique().HasFilter("idempotency_key IS NOT NULL");
        // The queue's working set: queued and running jobs only, in the order they become due.
        builder.HasIndex(g => g.RunAfter).HasDatabaseName("ix_generations_active").HasFilter("status IN ('Queued', 'Running')");
    }
}
