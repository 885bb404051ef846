using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace IaGenify.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Mailbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:btree_gin", ",,");

            migrationBuilder.CreateTable(
                name: "mail_threads",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    workspace_id = table.Column<Guid>(type: "uuid", nullable: false),
                    website_id = table.Column<Guid>(type: "uuid", nullable: true),
                    subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    sender_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    sender_email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    reply_token = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    message_count = table.Column<int>(type: "integer", nullable: false),
                    snippet = table.Column<string>(type: "character varying(160)", maxLength: 160, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_message_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_inbound_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    deleted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    search_vector = table.Column<NpgsqlTsVector>(type: "tsvector", nullable: true, computedColumnSql: "to_tsvector('simple', coalesce(subject, '') || ' ' || coalesce(sender_name, '') || ' ' || coalesce(sender_email, ''))", stored: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_mail_threads", x => x.id);
                    table.ForeignKey(
                        name: "fk_mail_threads_website_website_id",
                        column: x => x.website_id,
                        principalTable: "websites",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_mail_threads_workspaces_workspace_id",
                        column: x => x.workspace_id,
                        principalTable: "workspaces",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "mail_drafts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    workspace_id = table.Column<Guid>(type: "uuid", nullable: false),
                    thread_id = table.Column<Guid>(type: "uuid", nullable: false),
                    generation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    instruction = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    body = table.Column<string>(type: "character varying(10240)", maxLength: 10240, nullable: true),
                    requested_by = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_mail_drafts", x => x.id);
                    table.ForeignKey(
                        name: "fk_mail_drafts_generations_generation_id",
                        column: x => x.generation_id,
                        principalTable: "generations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_mail_drafts_mail_thread_thread_id",
                        column: x => x.thread_id,
                        principalTable: "mail_threads",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "mail_messages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    workspace_id = table.Column<Guid>(type: "uuid", nullable: false),
                    thread_id = table.Column<Guid>(type: "uuid", nullable: false),
                    direction = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    source = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    from_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    from_email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    to_email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    body = table.Column<string>(type: "character varying(10240)", maxLength: 10240, nullable: false),
                    raw_body = table.Column<string>(type: "character varying(262144)", maxLength: 262144, nullable: true),
                    phone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    internet_message_id = table.Column<string>(type: "character varying(250)", maxLength: 250, nullable: false),
                    in_reply_to = table.Column<string>(type: "character varying(250)", maxLength: 250, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    delivery_status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    sent_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    draft_id = table.Column<Guid>(type: "uuid", nullable: true),
                    attachment_asset_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    search_vector = table.Column<NpgsqlTsVector>(type: "tsvector", nullable: true, computedColumnSql: "to_tsvector('simple', coalesce(body, '') || ' ' || coalesce(from_name, '') || ' ' || coalesce(from_email, ''))", stored: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_mail_messages", x => x.id);
                    table.ForeignKey(
                        name: "fk_mail_messages_mail_threads_thread_id",
                        column: x => x.thread_id,
                        principalTable: "mail_threads",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "mail_thread_reads",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    workspace_id = table.Column<Guid>(type: "uuid", nullable: false),
                    thread_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    read_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_mail_thread_reads", x => x.id);
                    table.ForeignKey(
                        name: "fk_mail_thread_reads_mail_threads_thread_id",
                        column: x => x.thread_id,
                        principalTable: "mail_threads",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "mail_deliveries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    workspace_id = table.Column<Guid>(type: "uuid", nullable: false),
                    thread_id = table.Column<Guid>(type: "uuid", nullable: false),
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    recipient_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    lease_expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_error = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_mail_deliveries", x => x.id);
                    table.ForeignKey(
                        name: "fk_mail_deliveries_mail_message_message_id",
                        column: x => x.message_id,
                        principalTable: "mail_messages",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_mail_deliveries_mail_thread_thread_id",
                        column: x => x.thread_id,
                        principalTable: "mail_threads",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_mail_deliveries_message_id",
                table: "mail_deliveries",
                column: "message_id");

            migrationBuilder.CreateIndex(
                name: "ix_mail_deliveries_next_attempt_at",
                table: "mail_deliveries",
                column: "next_attempt_at",
                filter: "next_attempt_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_mail_deliveries_thread_id",
                table: "mail_deliveries",
                column: "thread_id");

            migrationBuilder.CreateIndex(
                name: "ix_mail_deliveries_workspace_id_message_id",
                table: "mail_deliveries",
                columns: new[] { "workspace_id", "message_id" });

            migrationBuilder.CreateIndex(
                name: "ix_mail_drafts_generation_id",
                table: "mail_drafts",
                column: "generation_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_mail_drafts_thread_id",
                table: "mail_drafts",
                column: "thread_id");

            migrationBuilder.CreateIndex(
                name: "ix_mail_drafts_workspace_id_thread_id_created_at",
                table: "mail_drafts",
                columns: new[] { "workspace_id", "thread_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_mail_messages_internet_message_id",
                table: "mail_messages",
                column: "internet_message_id");

            migrationBuilder.CreateIndex(
                name: "ix_mail_messages_thread_id",
                table: "mail_messages",
                column: "thread_id");

            migrationBuilder.CreateIndex(
                name: "ix_mail_messages_workspace_id_search_vector",
                table: "mail_messages",
                columns: new[] { "workspace_id", "search_vector" })
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_mail_messages_workspace_id_thread_id_created_at",
                table: "mail_messages",
                columns: new[] { "workspace_id", "thread_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_mail_thread_reads_thread_id",
                table: "mail_thread_reads",
                column: "thread_id");

            migrationBuilder.CreateIndex(
                name: "ix_mail_thread_reads_workspace_id_thread_id_user_id",
                table: "mail_thread_reads",
                columns: new[] { "workspace_id", "thread_id", "user_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_mail_threads_deleted_at",
                table: "mail_threads",
                column: "deleted_at",
                filter: "deleted_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_mail_threads_reply_token",
                table: "mail_threads",
                column: "reply_token",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_mail_threads_website_id",
                table: "mail_threads",
                column: "website_id");

            migrationBuilder.CreateIndex(
                name: "ix_mail_threads_workspace_id_search_vector",
                table: "mail_threads",
                columns: new[] { "workspace_id", "search_vector" })
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_mail_threads_workspace_id_status_last_message_at_id",
                table: "mail_threads",
                columns: new[] { "workspace_id", "status", "last_message_at", "id" },
                filter: "deleted_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_mail_threads_workspace_id_website_id_sender_email_last_inbo",
                table: "mail_threads",
                columns: new[] { "workspace_id", "website_id", "sender_email", "last_inbound_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "mail_deliveries");

            migrationBuilder.DropTable(
                name: "mail_drafts");

            migrationBuilder.DropTable(
                name: "mail_thread_reads");

            migrationBuilder.DropTable(
                name: "mail_messages");

            migrationBuilder.DropTable(
                name: "mail_threads");

            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:PostgresExtension:btree_gin", ",,");
        }
    }
}
