using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AdStudio.Core.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class OneActiveModelPerKind : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Earlier versions could, in a race, leave two active models of a kind: keep the one activated last.
            migrationBuilder.Sql(
                """
                UPDATE "ModelVersions" SET "Status" = 'Retired'
                WHERE "Status" = 'Active' AND EXISTS (
                    SELECT 1 FROM "ModelVersions" AS "Newer"
                    WHERE "Newer"."Kind" = "ModelVersions"."Kind" AND "Newer"."Status" = 'Active' AND "Newer"."Id" <> "ModelVersions"."Id"
                      AND (COALESCE("Newer"."ActivatedAt", "Newer"."TrainedAt") > COALESCE("ModelVersions"."ActivatedAt", "ModelVersions"."TrainedAt")
                           OR (COALESCE("Newer"."ActivatedAt", "Newer"."TrainedAt") = COALESCE("ModelVersions"."ActivatedAt", "ModelVersions"."TrainedAt")
                               AND "Newer"."Id" > "ModelVersions"."Id")));
                """);

            migrationBuilder.CreateIndex(
                name: "IX_ModelVersions_Kind_Active",
                table: "ModelVersions",
                column: "Kind",
                unique: true,
                filter: "\"Status\" = 'Active'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ModelVersions_Kind_Active",
                table: "ModelVersions");
        }
    }
}
