using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AdStudio.Core.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class ExperimentPrimaryMetric : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PrimaryMetric",
                table: "Experiments",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            // Existing experiments decide on the default for their campaign's objective (MetricKey.DefaultFor); null still means that.
            migrationBuilder.Sql(
                "UPDATE \"Experiments\" SET \"PrimaryMetric\" = CASE "
                + "(SELECT \"Objective\" FROM \"Campaigns\" WHERE \"Campaigns\".\"Id\" = \"Experiments\".\"CampaignId\") "
                + "WHEN 'Conversions' THEN 'conversion_rate' WHEN 'Revenue' THEN 'revenue_per_shopper' ELSE 'ctr' END");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PrimaryMetric",
                table: "Experiments");
        }
    }
}
