using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AdStudio.Core.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class ModelServingFeatures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "EventCount",
                table: "Profiles",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<double>(
                name: "HourCos",
                table: "Profiles",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<double>(
                name: "HourSin",
                table: "Profiles",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<int>(
                name: "PurchaseCount",
                table: "Profiles",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "ActivatedAt",
                table: "ModelVersions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DiagnosticsJson",
                table: "ModelVersions",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "FeatureLayoutJson",
                table: "ModelVersions",
                type: "TEXT",
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "EventCount",
                table: "Profiles");

            migrationBuilder.DropColumn(
                name: "HourCos",
                table: "Profiles");

            migrationBuilder.DropColumn(
                name: "HourSin",
                table: "Profiles");

            migrationBuilder.DropColumn(
                name: "PurchaseCount",
                table: "Profiles");

            migrationBuilder.DropColumn(
                name: "ActivatedAt",
                table: "ModelVersions");

            migrationBuilder.DropColumn(
                name: "DiagnosticsJson",
                table: "ModelVersions");

            migrationBuilder.DropColumn(
                name: "FeatureLayoutJson",
                table: "ModelVersions");
        }
    }
}
