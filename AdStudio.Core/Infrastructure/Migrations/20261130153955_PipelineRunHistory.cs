using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AdStudio.Core.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class PipelineRunHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "AttemptStartedAt",
                table: "PipelineRuns",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "HeartbeatAt",
                table: "PipelineRuns",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "InterruptedAt",
                table: "PipelineRuns",
                type: "TEXT",
                nullable: true);

            // Schedules used to queue a step while it was running; keep the oldest unfinished run of each step.
            migrationBuilder.Sql(
                """
                UPDATE "PipelineRuns"
                SET "Status" = 'Failed', "Message" = 'Superseded: another run of this step was already queued or running.'
                WHERE "Status" IN ('Queued', 'Running')
                  AND "Id" NOT IN (SELECT MIN("Id") FROM "PipelineRuns" WHERE "Status" IN ('Queued', 'Running') GROUP BY "Step");
                """);

            migrationBuilder.CreateIndex(
                name: "IX_PipelineRuns_Step_Unfinished",
                table: "PipelineRuns",
                column: "Step",
                unique: true,
                filter: "\"Status\" IN ('Queued', 'Running')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PipelineRuns_Step_Unfinished",
                table: "PipelineRuns");

            migrationBuilder.DropColumn(
                name: "AttemptStartedAt",
                table: "PipelineRuns");

            migrationBuilder.DropColumn(
                name: "HeartbeatAt",
                table: "PipelineRuns");

            migrationBuilder.DropColumn(
                name: "InterruptedAt",
                table: "PipelineRuns");
        }
    }
}
