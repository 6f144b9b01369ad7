using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AdStudio.Core.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class ExperimentSettings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "Alpha",
                table: "Experiments",
                type: "REAL",
                nullable: false,
                defaultValue: 0.05);

            migrationBuilder.AddColumn<double>(
                name: "MinimumDetectableEffect",
                table: "Experiments",
                type: "REAL",
                nullable: false,
                defaultValue: 0.1);

            migrationBuilder.AddColumn<long>(
                name: "PlannedUnitsPerVariant",
                table: "Experiments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Sequential",
                table: "Experiments",
                type: "INTEGER",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<double>(
                name: "SequentialTuning",
                table: "Experiments",
                type: "REAL",
                nullable: false,
                defaultValue: 5000.0);

            migrationBuilder.AddColumn<bool>(
                name: "UseCuped",
                table: "Experiments",
                type: "INTEGER",
                nullable: false,
                defaultValue: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Alpha",
                table: "Experiments");

            migrationBuilder.DropColumn(
                name: "MinimumDetectableEffect",
                table: "Experiments");

            migrationBuilder.DropColumn(
                name: "PlannedUnitsPerVariant",
                table: "Experiments");

            migrationBuilder.DropColumn(
                name: "Sequential",
                table: "Experiments");

            migrationBuilder.DropColumn(
                name: "SequentialTuning",
                table: "Experiments");

            migrationBuilder.DropColumn(
                name: "UseCuped",
                table: "Experiments");
        }
    }
}
