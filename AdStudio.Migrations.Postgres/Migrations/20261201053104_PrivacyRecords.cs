using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace AdStudio.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PrivacyRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "HasTrackingConsent",
                table: "Shoppers",
                newName: "AllowsPersonalisation");

            migrationBuilder.AddColumn<bool>(
                name: "AllowsMeasurement",
                table: "Shoppers",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            // The one consent flag of earlier versions stood for both purposes.
            migrationBuilder.Sql("UPDATE \"Shoppers\" SET \"AllowsMeasurement\" = \"AllowsPersonalisation\"");

            migrationBuilder.AddColumn<DateTime>(
                name: "ConsentUpdatedAt",
                table: "Shoppers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "ShopperId",
                table: "AdEvents",
                type: "character varying(128)",
                maxLength: 128,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(128)",
                oldMaxLength: 128);

            migrationBuilder.CreateTable(
                name: "ConsentRecords",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ShopperId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Personalisation = table.Column<bool>(type: "boolean", nullable: false),
                    Measurement = table.Column<bool>(type: "boolean", nullable: false),
                    OccurredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsentRecords", x => x.Id);
                });

            // Its history starts with that flag, dated when the shopper was first seen.
            migrationBuilder.Sql(
                """
                INSERT INTO "ConsentRecords" ("ShopperId", "Personalisation", "Measurement", "OccurredAt", "RecordedAt", "Source")
                SELECT "Id", "AllowsPersonalisation", "AllowsPersonalisation", "FirstSeenAt", "FirstSeenAt", 'migrated' FROM "Shoppers"
                """);

            migrationBuilder.CreateTable(
                name: "PrivacyRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Type = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    MaskedShopperId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RequestedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Counts = table.Column<string>(type: "character varying(4096)", maxLength: 4096, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PrivacyRequests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SuppressedShoppers",
                columns: table => new
                {
                    KeyHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SuppressedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SuppressedShoppers", x => x.KeyHash);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ConsentRecords_OccurredAt",
                table: "ConsentRecords",
                column: "OccurredAt");

            migrationBuilder.CreateIndex(
                name: "IX_ConsentRecords_ShopperId_OccurredAt",
                table: "ConsentRecords",
                columns: new[] { "ShopperId", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PrivacyRequests_RequestedAt",
                table: "PrivacyRequests",
                column: "RequestedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConsentRecords");

            migrationBuilder.DropTable(
                name: "PrivacyRequests");

            migrationBuilder.DropTable(
                name: "SuppressedShoppers");

            migrationBuilder.DropColumn(
                name: "AllowsMeasurement",
                table: "Shoppers");

            migrationBuilder.DropColumn(
                name: "ConsentUpdatedAt",
                table: "Shoppers");

            migrationBuilder.RenameColumn(
                name: "AllowsPersonalisation",
                table: "Shoppers",
                newName: "HasTrackingConsent");

            migrationBuilder.AlterColumn<string>(
                name: "ShopperId",
                table: "AdEvents",
                type: "character varying(128)",
                maxLength: 128,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "character varying(128)",
                oldMaxLength: 128,
                oldNullable: true);
        }
    }
}
