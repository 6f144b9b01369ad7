using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AdStudio.Core.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class EventIdsAndApprovedLanding : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ApprovedLandingUrl",
                table: "Creatives",
                type: "TEXT",
                maxLength: 2048,
                nullable: true);

            // What approved creatives link to today was approved. (A creative edited back to draft before this
            // migration has no record of its approved URL; its old ids' clicks answer 404 instead of a redirect.)
            migrationBuilder.Sql("UPDATE \"Creatives\" SET \"ApprovedLandingUrl\" = \"LandingUrl\" WHERE \"Status\" = 'Approved'");

            migrationBuilder.AddColumn<string>(
                name: "EventId",
                table: "BehaviourEvents",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_BehaviourEvents_ShopperId_EventId",
                table: "BehaviourEvents",
                columns: new[] { "ShopperId", "EventId" },
                unique: true,
                filter: "\"EventId\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_BehaviourEvents_ShopperId_EventId",
                table: "BehaviourEvents");

            migrationBuilder.DropColumn(
                name: "ApprovedLandingUrl",
                table: "Creatives");

            migrationBuilder.DropColumn(
                name: "EventId",
                table: "BehaviourEvents");
        }
    }
}
