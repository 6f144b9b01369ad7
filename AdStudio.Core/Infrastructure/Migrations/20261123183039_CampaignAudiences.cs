using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AdStudio.Core.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class CampaignAudiences : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CampaignAudiences",
                columns: table => new
                {
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: false),
                    ScoredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CtrModelId = table.Column<int>(type: "INTEGER", nullable: false),
                    CvrModelId = table.Column<int>(type: "INTEGER", nullable: true),
                    Shoppers = table.Column<int>(type: "INTEGER", nullable: false),
                    Threshold = table.Column<double>(type: "REAL", nullable: false),
                    AboveThreshold = table.Column<int>(type: "INTEGER", nullable: false),
                    ExpectedClicks = table.Column<double>(type: "REAL", nullable: false),
                    ExpectedValue = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CampaignAudiences", x => x.CampaignId);
                    table.ForeignKey(
                        name: "FK_CampaignAudiences_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CampaignAudienceMembers",
                columns: table => new
                {
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: false),
                    Rank = table.Column<int>(type: "INTEGER", nullable: false),
                    ShopperId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    CreativeId = table.Column<int>(type: "INTEGER", nullable: false),
                    ClickProbability = table.Column<double>(type: "REAL", nullable: false),
                    ConversionProbability = table.Column<double>(type: "REAL", nullable: false),
                    ExpectedValue = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CampaignAudienceMembers", x => new { x.CampaignId, x.Rank });
                    table.ForeignKey(
                        name: "FK_CampaignAudienceMembers_CampaignAudiences_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "CampaignAudiences",
                        principalColumn: "CampaignId",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CampaignAudienceMembers");

            migrationBuilder.DropTable(
                name: "CampaignAudiences");
        }
    }
}
