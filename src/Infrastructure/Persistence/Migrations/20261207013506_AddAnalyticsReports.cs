using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IaGenify.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// Members' opt-in to the weekly analytics report, and the (workspace, member, week) rows that make each report go
    /// out once: a worker inserts the row in the transaction that stages the email, and the primary key stops others.
    /// </summary>
    public partial class AddAnalyticsReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "analytics_report_subscriptions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    workspace_id = table.Column<Guid>(type: "uuid", nullable: false),
                    membership_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    weekly = table.Column<bool>(type: "boolean", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_analytics_report_subscriptions", x => x.id);
                    table.ForeignKey(
                        name: "fk_analytics_report_subscriptions_memberships_membership_id",
                        column: x => x.membership_id,
                        principalTable: "memberships",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_analytics_report_subscriptions_membership_id",
                table: "analytics_report_subscriptions",
                column: "membership_id");

            migrationBuilder.CreateIndex(
                name: "ix_analytics_report_subscriptions_workspace_id_user_id",
                table: "analytics_report_subscriptions",
                columns: new[] { "workspace_id", "user_id" },
                unique: true);

            migrationBuilder.Sql("""
                CREATE TABLE analytics_report_deliveries (
                    workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
                    user_id uuid NOT NULL,
                    week date NOT NULL,
                    sent_at timestamptz NOT NULL,
                    CONSTRAINT pk_analytics_report_deliveries PRIMARY KEY (workspace_id, user_id, week)
                );
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE IF EXISTS analytics_report_deliveries;");
            migrationBuilder.DropTable(
                name: "analytics_report_subscriptions");
        }
    }
}
