using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IaGenify.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AssetContentHash : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "content_hash",
                table: "assets",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "content_hash",
                table: "assets");
        }
    }
}
