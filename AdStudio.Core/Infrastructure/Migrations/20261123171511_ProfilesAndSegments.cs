using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AdStudio.Core.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class ProfilesAndSegments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ClusterKey",
                table: "Segments",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PreferredDaypart",
                table: "Profiles",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<double>(
                name: "PriceSensitivity",
                table: "Profiles",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Purchases7d",
                table: "Profiles",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<double>(
                name: "Spend30d",
                table: "Profiles",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<int>(
                name: "Visits7d",
                table: "Profiles",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "ClusterAssignments",
                columns: table => new
                {
                    ShopperId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    ClusterKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClusterAssignments", x => x.ShopperId);
                });

            migrationBuilder.CreateTable(
                name: "Clusters",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Size = table.Column<int>(type: "INTEGER", nullable: false),
                    CentroidJson = table.Column<string>(type: "TEXT", nullable: false),
                    RunAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Clusters", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "SegmentSizes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SegmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Size = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SegmentSizes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SegmentSizes_Segments_SegmentId",
                        column: x => x.SegmentId,
                        principalTable: "Segments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ClusterAssignments_ClusterKey",
                table: "ClusterAssignments",
                column: "ClusterKey");

            migrationBuilder.CreateIndex(
                name: "IX_SegmentSizes_SegmentId_At",
                table: "SegmentSizes",
                columns: new[] { "SegmentId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ClusterAssignments");

            migrationBuilder.DropTable(
                name: "Clusters");

            migrationBuilder.DropTable(
                name: "SegmentSizes");

            migrationBuilder.DropColumn(
                name: "ClusterKey",
                table: "Segments");

            migrationBuilder.DropColumn(
                name: "PreferredDaypart",
                table: "Profiles");

            migrationBuilder.DropColumn(
                name: "PriceSensitivity",
                table: "Profiles");

            migrationBuilder.DropColumn(
                name: "Purchases7d",
                table: "Profiles");

            migrationBuilder.DropColumn(
                name: "Spend30d",
                table: "Profiles");

            migrationBuilder.DropColumn(
                name: "Visits7d",
                table: "Profiles");
        }
    }
}
