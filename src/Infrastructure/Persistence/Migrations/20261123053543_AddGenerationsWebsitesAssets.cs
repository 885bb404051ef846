using System;
using System.Collections.Generic;
using IaGenify.Infrastructure.Generations;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IaGenify.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AddGenerationsWebsitesAssets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "assets",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    workspace_id = table.Column<Guid>(type: "uuid", nullable: false),
                    source = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    content_type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    size_bytes = table.Column<long>(type: "bigint", nullable: false),
                    file_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    storage_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    generation_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_by = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_assets", x => x.id);
                    table.CheckConstraint("ck_assets_size", "size_bytes > 0 AND size_bytes <= 10485760");
                    table.ForeignKey(
                        name: "fk_assets_workspaces_workspace_id",
                        column: x => x.workspace_id,
                        principalTable: "workspaces",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "generations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    workspace_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    input = table.Column<string>(type: "jsonb", nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    error_code = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    error_message = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    output = table.Column<string>(type: "jsonb", nullable: true),
                    operation = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    price = table.Column<long>(type: "bigint", nullable: false),
                    hold_id = table.Column<Guid>(type: "uuid", nullable: true),
                    hold_expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    idempotency_key = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: true),
                    request_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    requested_by = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    run_after = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    lease_token = table.Column<Guid>(type: "uuid", nullable: true),
                    lease_expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    model_max_tokens = table.Column<int>(type: "integer", nullable: true),
                    model_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    model_provider = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    model_temperature = table.Column<double>(type: "double precision", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_generations", x => x.id);
                    table.CheckConstraint("ck_generations_attempts", "attempts >= 0");
                    table.CheckConstraint("ck_generations_price", "price >= 0");
                    table.ForeignKey(
                        name: "fk_generations_workspaces_workspace_id",
                        column: x => x.workspace_id,
                        principalTable: "workspaces",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "websites",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    workspace_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    slug = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    published_revision_id = table.Column<Guid>(type: "uuid", nullable: true),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    revision_count = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    theme_accent = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    theme_background = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    theme_font = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    theme_primary = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    theme_text = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_websites", x => x.id);
                    table.ForeignKey(
                        name: "fk_websites_workspaces_workspace_id",
                        column: x => x.workspace_id,
                        principalTable: "workspaces",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "workspace_model_settings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    workspace_id = table.Column<Guid>(type: "uuid", nullable: false),
                    overrides = table.Column<string>(type: "jsonb", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_workspace_model_settings", x => x.id);
                    table.ForeignKey(
                        name: "fk_workspace_model_settings_workspaces_workspace_id",
                        column: x => x.workspace_id,
                        principalTable: "workspaces",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "website_pages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    workspace_id = table.Column<Guid>(type: "uuid", nullable: false),
                    website_id = table.Column<Guid>(type: "uuid", nullable: false),
                    path = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    title = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    description = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    order = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_website_pages", x => x.id);
                    table.ForeignKey(
                        name: "fk_website_pages_website_website_id",
                        column: x => x.website_id,
                        principalTable: "websites",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "website_revisions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    workspace_id = table.Column<Guid>(type: "uuid", nullable: false),
                    website_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    snapshot = table.Column<string>(type: "jsonb", nullable: false),
                    asset_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    is_live = table.Column<bool>(type: "boolean", nullable: false),
                    published_by = table.Column<Guid>(type: "uuid", nullable: true),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_website_revisions", x => x.id);
                    table.ForeignKey(
                        name: "fk_website_revisions_websites_website_id",
                        column: x => x.website_id,
                        principalTable: "websites",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "website_sections",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    workspace_id = table.Column<Guid>(type: "uuid", nullable: false),
                    page_id = table.Column<Guid>(type: "uuid", nullable: false),
                    type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    props = table.Column<string>(type: "jsonb", nullable: false),
                    order = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_website_sections", x => x.id);
                    table.ForeignKey(
                        name: "fk_website_sections_website_pages_page_id",
                        column: x => x.page_id,
                        principalTable: "website_pages",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_assets_workspace_id_id",
                table: "assets",
                columns: new[] { "workspace_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_generations_active",
                table: "generations",
                column: "run_after",
                filter: "status IN ('Queued', 'Running')");

            migrationBuilder.CreateIndex(
                name: "ix_generations_workspace_id_id",
                table: "generations",
                columns: new[] { "workspace_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_generations_workspace_id_idempotency_key",
                table: "generations",
                columns: new[] { "workspace_id", "idempotency_key" },
                unique: true,
                filter: "idempotency_key IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_website_pages_website_id",
                table: "website_pages",
                column: "website_id");

            migrationBuilder.CreateIndex(
                name: "ix_website_pages_workspace_id_website_id",
                table: "website_pages",
                columns: new[] { "workspace_id", "website_id" });

            migrationBuilder.CreateIndex(
                name: "ix_website_revisions_website_id",
                table: "website_revisions",
                column: "website_id",
                unique: true,
                filter: "is_live");

            migrationBuilder.CreateIndex(
                name: "ix_website_revisions_workspace_id_website_id_number",
                table: "website_revisions",
                columns: new[] { "workspace_id", "website_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_website_sections_page_id",
                table: "website_sections",
                column: "page_id");

            migrationBuilder.CreateIndex(
                name: "ix_website_sections_workspace_id_page_id",
                table: "website_sections",
                columns: new[] { "workspace_id", "page_id" });

            migrationBuilder.CreateIndex(
                name: "ix_websites_slug",
                table: "websites",
                column: "slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_websites_workspace_id_id",
                table: "websites",
                columns: new[] { "workspace_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_workspace_model_settings_workspace_id",
                table: "workspace_model_settings",
                column: "workspace_id",
                unique: true);

            migrationBuilder.Sql(GenerationQueueTrigger.Create);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(GenerationQueueTrigger.Drop);

            migrationBuilder.DropTable(
                name: "assets");

            migrationBuilder.DropTable(
                name: "generations");

            migrationBuilder.DropTable(
                name: "website_revisions");

            migrationBuilder.DropTable(
                name: "website_sections");

            migrationBuilder.DropTable(
                name: "workspace_model_settings");

            migrationBuilder.DropTable(
                name: "website_pages");

            migrationBuilder.DropTable(
                name: "websites");
        }
    }
}
