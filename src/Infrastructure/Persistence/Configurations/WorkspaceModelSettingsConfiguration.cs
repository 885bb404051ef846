using System.Text.Json;
using System.Text.Json.Serialization;
using IaGenify.Domain.Generations;
using IaGenify.Domain.Workspaces;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IaGenify.Infrastructure.Persistence.Configurations;

internal sealed class WorkspaceModelSettingsConfiguration : IEntityTypeConfiguration<WorkspaceModelSettings>
{
    // Kinds by name, like every enum we store.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public void Configure(EntityTypeBuilder<WorkspaceModelSettings> builder)
    {
        builder.ToTable("workspace_model_settings");
        builder.HasIndex(s => s.WorkspaceId).IsUnique();
        builder.HasOne<Workspace>().WithMany().HasForeignKey(s => s.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.Overrides).HasColumnType("jsonb").HasConversion(
            value => JsonSerializer.Serialize(value, Json),
            json => JsonSerializer.Deserialize<List<ModelOverride>>(json, Json) ?? new List<ModelOverride>(),
            new ValueComparer<List<ModelOverride>>(
                (a, b) => a!.SequenceEqual(b!),
                list => list.Aggregate(0, (hash, item) => HashCode.Combine(hash, item)),
                list => list.ToList()));
    }
}
