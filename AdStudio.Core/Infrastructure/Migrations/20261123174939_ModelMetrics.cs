using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AdStudio.Core.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class ModelMetrics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "CalibrationError",
                table: "ModelVersions",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "NormalisedEntropy",
                table: "ModelVersions",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ValidationFrom",
                table: "ModelVersions",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CalibrationError",
                table: "ModelVersions");

            migrationBuilder.DropColumn(
                name: "NormalisedEntropy",
                table: "ModelVersions");

            migrationBuilder.DropColumn(
                name: "ValidationFrom",
                table: "ModelVersions");
        }
    }
}
