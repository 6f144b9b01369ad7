using System.Data.Common;
using AdStudio.Core.Events;
using AdStudio.Core.Infrastructure;

namespace AdStudio.Core.Shoppers.Import;

/// <summary>Shopper rows: upserted by id; a row whose values are all stored already changes nothing (and counts as unchanged).</summary>
internal sealed class ShopperImporter(TimeProvider clock) : IRowImporter<Shopper>
{
    private const string Consent = "consent";
    private const string AgeBand = "ageBand";
    private const string Gender = "gender";
    private const string Region = "region";
    private const int MaxAgeBandLength = 16;
    private const int MaxRegionLength = 64;

    private static readonly string[] ChangeableColumns = ["AllowsPersonalisation", "AllowsMeasurement", "AgeBand", "Gender", "Region"];

    public IReadOnlyList<string> RequiredColumns { get; } = [EventFields.ShopperId, Consent];

    public Shopper? Read(CsvRow row)
    {
        var id = row.Text(EventFields.ShopperId);
        if (id is null || id.Length > BehaviourEventRules.MaxShopperIdLength)
        {
            row.Reject(EventFields.ShopperId, id is null ? "required" : $"longer than {BehaviourEventRules.MaxShopperIdLength} characters");
        }

        bool? consent = row.Text(Consent)?.ToLowerInvariant() switch
        {
            "true" or "1" or "yes" or "y" => true,
            "false" or "0" or "no" or "n" => false,
            _ => null,
        };
        if (consent is null)
        {
            row.Reject(Consent, "must be true or false (yes/no, 1/0)");
        }

        var gender = row.Text(Gender)?.ToLowerInvariant();
        if (gender is not (null or "female" or "male" or "other"))
        {
            row.Reject(Gender, "must be female, male or other (or empty)");
        }

        var ageBand = row.Text(AgeBand);
        if (ageBand is { Length: > MaxAgeBandLength })
        {
            row.Reject(AgeBand, $"longer than {MaxAgeBandLength} characters");
        }

        var region = row.Text(Region);
        if (region is { Length: > MaxRegionLength })
        {
            row.Reject(Region, $"longer than {MaxRegionLength} characters");
        }

        return row.IsRejected
            ? null
            : new Shopper { Id = id!, AllowsPersonalisation = consent!.Value, AllowsMeasurement = consent.Value, AgeBand = ageBand, Gender = gender, Region = region };
    }

    public async Task<long> WriteAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<Shopper> rows, CancellationToken ct)
    {
        await using var command = Sql.Command(connection, transaction, UpsertSql(SqlDialect.For(connection)));
        var id = Sql.Parameter(command, "@id");
        var consent = Sql.Parameter(command, "@consent");
        var measurement = Sql.Parameter(command, "@measurement");
        var ageBand = Sql.Parameter(command, "@age");
        var gender = Sql.Parameter(command, "@gender");
        var region = Sql.Parameter(command, "@region");
        Sql.Parameter(command, "@now", clock.GetUtcNow().UtcDateTime);
        long written = 0;
        foreach (var shopper in rows)
        {
            id.Value = shopper.Id;
            consent.Value = shopper.AllowsPersonalisation;
            measurement.Value = shopper.AllowsMeasurement;
            ageBand.Value = (object?)shopper.AgeBand ?? DBNull.Value;
            gender.Value = (object?)shopper.Gender ?? DBNull.Value;
            region.Value = (object?)shopper.Region ?? DBNull.Value;
            written += await command.ExecuteNonQueryAsync(ct);
        }

        return written;
    }

    /// <summary>The upsert; its <c>WHERE</c> leaves an unchanged row alone, so it counts 0 rows written.</summary>
    private static string UpsertSql(SqlDialect dialect)
    {
        var changed = string.Join(" OR ", ChangeableColumns.Select(c => dialect.IsDistinctFrom($"\"Shoppers\".\"{c}\"", $"excluded.\"{c}\"")));
        return $"""
            INSERT INTO "Shoppers" ("Id", "AllowsPersonalisation", "AllowsMeasurement", "AgeBand", "Gender", "Region", "FirstSeenAt")
            VALUES (@id, @consent, @measurement, @age, @gender, @region, @now)
            ON CONFLICT ("Id") DO UPDATE SET "AllowsPersonalisation" = excluded."AllowsPersonalisation",
                "AllowsMeasurement" = excluded."AllowsMeasurement", "AgeBand" = excluded."AgeBand",
                "Gender" = excluded."Gender", "Region" = excluded."Region"
            WHERE {changed}
            """;
    }
}
