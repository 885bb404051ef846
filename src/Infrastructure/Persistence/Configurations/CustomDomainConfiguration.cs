using IaGenify.Domain.Websites;
using IaGenify.Domain.Websites.Domains;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IaGenify.Infrastructure.Persistence.Configurations;

internal sealed class CustomDomainConfiguration : IEntityTypeConfiguration<CustomDomain>
{
    public void Configure(EntityTypeBuilder<CustomDomain> builder)
    {
        builder.ToTable("custom_domains");
        builder.Property(d => d.Hostname).HasMaxLength(HostNames.MaxLength);
        builder.Property(d => d.VerificationValue).HasMaxLength(200);
        builder.Ignore(d => d.VerificationName);
        // Host names are global: a request's Host header is resolved without a workspace, to one website at most.
        builder.HasIndex(d => d.Hostname).IsUnique();
        builder.HasIndex(d => new { d.WorkspaceId, d.WebsiteId });
        builder.HasOne<Website>().WithMany().HasForeignKey(d => d.WebsiteId).OnDelete(DeleteBehavior.Cascade);
    }
}
