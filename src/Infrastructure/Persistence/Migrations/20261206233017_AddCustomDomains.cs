using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IaGenify.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AddCustomDomains : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "custom_domains",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    workspace_id = table.Column<Guid>(type: "uuid", nullable: false),
                    website_id = table.Column<Guid>(type: "uuid", nullable: false),
                    hostname = table.Column<string>(type: "character varying(253)", maxLength: 253, nullable: false),
                    verification_value = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    is_primary = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    verified_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_checked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_custom_domains", x => x.id);
                    table.ForeignKey(
                        name: "fk_custom_domains_website_website_id",
                        column: x => x.website_id,
                        principalTable: "websites",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_custom_domains_hostname",
                table: "custom_domains",
                column: "hostname",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_custom_domains_website_id",
                table: "custom_domains",
                column: "website_id");

            migrationBuilder.CreateIndex(
                name: "ix_custom_domains_workspace_id_website_id",
                table: "custom_domains",
                columns: new[] { "workspace_id", "website_id" });

            // Every process that serves published pages caches them; these statements tell all of them, at commit,
            // that something a published page is made of changed (SiteChangeListener). Draft edits do not fire.
            migrationBuilder.Sql("""
                CREATE FUNCTION notify_site_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_notify('site_changed', '');
                    RETURN NULL;
                END $$;
                CREATE TRIGGER websites_site_changed AFTER UPDATE OF published_revision_id, slug OR DELETE ON websites
                    FOR EACH STATEMENT EXECUTE FUNCTION notify_site_changed();
                CREATE TRIGGER website_revisions_site_changed AFTER INSERT OR UPDATE OR DELETE ON website_revisions
                    FOR EACH STATEMENT EXECUTE FUNCTION notify_site_changed();
                CREATE TRIGGER custom_domains_site_changed AFTER INSERT OR UPDATE OR DELETE ON custom_domains
                    FOR EACH STATEMENT EXECUTE FUNCTION notify_site_changed();
                CREATE TRIGGER workspaces_site_changed AFTER UPDATE OF deleted_at OR DELETE ON workspaces
                    FOR EACH STATEMENT EXECUTE FUNCTION notify_site_changed();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER workspaces_site_changed ON workspaces;
                DROP TRIGGER custom_domains_site_changed ON custom_domains;
                DROP TRIGGER website_revisions_site_changed ON website_revisions;
                DROP TRIGGER websites_site_changed ON websites;
                DROP FUNCTION notify_site_changed();
                """);
            migrationBuilder.DropTable(
                name: "custom_domains");
        }
    }
}
