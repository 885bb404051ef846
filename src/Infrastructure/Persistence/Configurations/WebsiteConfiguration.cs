using IaGenify.Domain.Websites;
using IaGenify.Domain.Workspaces;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IaGenify.Infrastructure.Persistence.Configurations;

internal sealed class WebsiteConfiguration : IEntityTypeConfiguration<Website>
{
    public void Configure(EntityTypeBuilder<Website> builder)
    {
        builder.ToTable("websites");
        builder.Property(w => w.Name).HasMaxLength(Website.MaxNameLength);
        builder.Property(w => w.Slug).HasMaxLength(SitePaths.MaxSlugLength);
        builder.Property(w => w.Version).IsConcurrencyToken();
        builder.Property(w => w.AllowedFrameAncestors).HasColumnType("text[]");
        builder.ComplexProperty(w => w.Theme, theme =>
        {
            theme.Property(t => t.Primary).HasMaxLength(7).HasColumnName("theme_primary");
            theme.Property(t => t.Accent).HasMaxLength(7).HasColumnName("theme_accent");
            theme.Property(t => t.Background).HasMaxLength(7).HasColumnName("theme_background");
            theme.Property(t => t.Text).HasMaxLength(7).HasColumnName("theme_text");
            theme.Property(t => t.Font).HasColumnName("theme_font");
        });
        // Public addresses are global: /sites/{slug} is resolved without a workspace.
        builder.HasIndex(w => w.Slug).IsUnique();
        builder.HasIndex(w => new { w.WorkspaceId, w.Id });
        builder.HasOne<Workspace>().WithMany().HasForeignKey(w => w.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(w => w.Pages).WithOne().HasForeignKey(p => p.WebsiteId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(w => w.Pages).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(w => w.OrderedPages);
    }
}

internal sealed class WebPageConfiguration : IEntityTypeConfiguration<WebPage>
{
    public void Configure(EntityTypeBuilder<WebPage> builder)
    {
        builder.ToTable("website_pages");
        builder.Property(p => p.Path).HasMaxLength(SitePaths.MaxPathLength);
        builder.Property(p => p.Title).HasMaxLength(WebPage.MaxTitleLength);
        builder.Property(p => p.Description).HasMaxLength(WebPage.MaxDescriptionLength);
        builder.HasIndex(p => new { p.WorkspaceId, p.WebsiteId });
        builder.HasMany(p => p.Sections).WithOne().HasForeignKey(s => s.PageId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Sections).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(p => p.OrderedSections);
    }
}

internal sealed class SectionConfiguration : IEntityTypeConfiguration<Section>
{
    public void Configure(EntityTypeBuilder<Section> builder)
    {
        builder.ToTable("website_sections");
        builder.Property(s => s.Props).HasColumnType("jsonb");
        builder.HasIndex(s => new { s.WorkspaceId, s.PageId });
        builder.Ignore(s => s.ValidatedProps);
    }
}

internal sealed class WebsiteRevisionConfiguration : IEntityTypeConfiguration<WebsiteRevision>
{
    public void Configure(EntityTypeBuilder<WebsiteRevision> builder)
    {
        builder.ToTable("website_revisions");
        builder.Property(r => r.Snapshot).HasColumnType("jsonb");
        builder.HasIndex(r => new { r.WorkspaceId, r.WebsiteId, r.Number }).IsUnique();
        // At most one live revision per website.
        builder.HasIndex(r => r.WebsiteId).IsUnique().HasFilter("is_live");
        builder.HasOne<Website>().WithMany().HasForeignKey(r => r.WebsiteId).OnDelete(DeleteBehavior.Cascade);
    }
}
