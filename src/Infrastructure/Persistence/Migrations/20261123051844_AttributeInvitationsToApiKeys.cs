using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IaGenify.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AttributeInvitationsToApiKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<Guid>(
                name: "invited_by_user_id",
                table: "invitations",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AddColumn<Guid>(
                name: "invited_by_api_key_id",
                table: "invitations",
                type: "uuid",
                nullable: true);

            // Invitations sent with an API key used to record the key's id as the inviting user.
            migrationBuilder.Sql("""
                UPDATE invitations SET invited_by_api_key_id = invited_by_user_id, invited_by_user_id = NULL
                WHERE invited_by_user_id IN (SELECT id FROM api_keys)
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "invited_by_api_key_id",
                table: "invitations");

            migrationBuilder.AlterColumn<Guid>(
                name: "invited_by_user_id",
                table: "invitations",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);
        }
    }
}
