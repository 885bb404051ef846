using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IaGenify.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AllowedFrameAncestors : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string[]>(
                name: "allowed_frame_ancestors",
                table: "websites",
                type: "text[]",
                nullable: false,
                defaultValue: new string[0]);

            // Who may frame a published page is in its headers, so a change must reach every instance's page cache.
            migrationBuilder.Sql("""
                DROP TRIGGER websites_site_changed ON websites;
                CREATE TRIGGER websites_site_changed AFTER UPDATE OF published_revision_id, slug, allowed_frame_ancestors OR DELETE ON websites
                    FOR EACH STATEMENT EXECUTE FUNCTION notify_site_changed();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER websites_site_changed ON websites;
                CREATE TRIGGER websites_site_changed AFTER UPDATE OF published_revision_id, slug OR DELETE ON websites
                    FOR EACH STATEMENT EXECUTE FUNCTION notify_site_changed();
                """);

            migrationBuilder.DropColumn(
                name: "allowed_frame_ancestors",
                table: "websites");
        }
    }
}
