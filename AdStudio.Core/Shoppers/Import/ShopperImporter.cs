using System.Data.Common;
using AdStudio.Core.Events;
using AdStudio.Core.Infrastructure;
using AdStudio.Core.Privacy;

namespace AdStudio.Core.Shoppers.Import;

/// <summary>
/// Shopper rows: upserted by id; a row whose values are all stored already changes nothing (and counts as unchanged).
/// Consent per purpose comes from the <c>personalisation</c> and <c>measurement</c> columns, or from the older
/// <c>consent</c> column for both; a row that changes a shopper's consent adds a <see cref="ConsentRecord"/> (source
/// <c>import</c>, at the time of the import) and removes what a withdrawn purpose allowed. Rows of erased (suppressed)
/// shoppers are dropped and counted.
/// </summary>
internal sealed class ShopperImporter(TimeProvider clock, Suppressions suppressions) : IRowImporter<Shopper>
{
    private const string Consent = "consent";
    private const string AgeBand = "ageBand";
    private const string Gender = "gender";
    private const string Region = "region";
    private const string BooleanReason = "must be true or false (yes/no, 1/0)";
    private const int MaxAgeBandLength = 16;
    private const int MaxRegionLength = 64;

    private static readonly string[] ChangeableColumns = ["AllowsPersonalisation", "AllowsMeasurement", "AgeBand", "Gender", "Region"];

    public IReadOnlyList<string> RequiredColumns { get; } = [EventFields.ShopperId];

    public long Suppressed { get; private set; }

    public long WithoutConsent => 0;

    public void CheckColumns(IReadOnlyCollection<string> columns)
    {
        bool Has(string name) => columns.Contains(name, StringComparer.OrdinalIgnoreCase);
        if (!Has(Consent) && !(Has(ConsentFields.Personalisation) && Has(ConsentFields.Measurement)))
        {
            throw new ImportFormatException(
                $"The header is missing column(s): {ConsentFields.Personalisation}, {ConsentFields.Measurement} (or the older {Consent} for both).");
        }
    }

    public Shopper? Read(CsvRow row)
    {
        var id = row.Text(EventFields.ShopperId);
        if (id is null || id.Length > BehaviourEventRules.MaxShopperIdLength)
        {
            row.Reject(EventFields.ShopperId, id is null ? "required" : $"longer than {BehaviourEventRules.MaxShopperIdLength} characters");
        }

        var (personalisation, measurement) = ReadConsent(row);
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
            : new Shopper { Id = id!, AllowsPersonalisation = personalisation!.Value, AllowsMeasurement = measurement!.Value, AgeBand = ageBand, Gender = gender, Region = region };
    }

    /// <summary>Each purpose from its own column, else from <c>consent</c>; problems are reported on the row.</summary>
    private static (bool? Personalisation, bool? Measurement) ReadConsent(CsvRow row)
    {
        var legacyText = row.Text(Consent);
        var legacy = ParseBool(legacyText);
        if (legacyText is not null && legacy is null)
        {
            row.Reject(Consent, BooleanReason);
            return (null, null);
        }

        return (Purpose(row, ConsentFields.Personalisation, legacy), Purpose(row, ConsentFields.Measurement, legacy));
    }

    private static bool? Purpose(CsvRow row, string column, bool? legacy)
    {
        var text = row.Text(column);
        if (text is null)
        {
            if (legacy is null)
            {
                row.Reject(column, $"required ({BooleanReason}), or give {Consent} for both purposes");
            }

            return legacy;
        }

        var value = ParseBool(text);
        if (value is null)
        {
            row.Reject(column, BooleanReason);
        }

        return value;
    }

    private static bool? ParseBool(string? text) => text?.ToLowerInvariant() switch
    {
        "true" or "1" or "yes" or "y" => true,
        "false" or "0" or "no" or "n" => false,
        _ => null,
    };

    public async Task<long> WriteAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<Shopper> rows, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var ids = rows.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var suppressed = await suppressions.FindAsync(connection, transaction, ids, ct);
        var consent = await ShopperConsents.ReadAsync(connection, transaction, ids, ct);
        await using var command = Sql.Command(connection, transaction, UpsertSql(SqlDialect.For(connection)));
        var id = Sql.Parameter(command, "@id");
        var personalisation = Sql.Parameter(command, "@consent");
        var measurement = Sql.Parameter(command, "@measurement");
        var consentChanged = Sql.Parameter(command, "@consentChanged");
        var ageBand = Sql.Parameter(command, "@age");
        var gender = Sql.Parameter(command, "@gender");
        var region = Sql.Parameter(command, "@region");
        Sql.Parameter(command, "@now", now);
        long written = 0;
        var changes = new List<ConsentChange>();
        var withoutPersonalisation = new List<string>();
        var withoutMeasurement = new List<string>();
        foreach (var shopper in rows)
        {
            if (suppressed.Contains(shopper.Id))
            {
                Suppressed++;
                continue;
            }

            var state = (shopper.AllowsPersonalisation, shopper.AllowsMeasurement);
            var known = consent.TryGetValue(shopper.Id, out var before);
            var changed = !known || before != state;
            id.Value = shopper.Id;
            personalisation.Value = shopper.AllowsPersonalisation;
            measurement.Value = shopper.AllowsMeasurement;
            consentChanged.Value = changed;
            ageBand.Value = (object?)shopper.AgeBand ?? DBNull.Value;
            gender.Value = (object?)shopper.Gender ?? DBNull.Value;
            region.Value = (object?)shopper.Region ?? DBNull.Value;
            written += await command.ExecuteNonQueryAsync(ct);
            if (!changed)
            {
                continue;
            }

            consent[shopper.Id] = state;
            changes.Add(new ConsentChange(shopper.Id, state.AllowsPersonalisation, state.AllowsMeasurement, now));
            if (known && before.Personalisation && !state.AllowsPersonalisation)
            {
                withoutPersonalisation.Add(shopper.Id);
            }

            if (known && before.Measurement && !state.AllowsMeasurement)
            {
                withoutMeasurement.Add(shopper.Id);
            }
        }

        await ShopperConsents.RecordAsync(connection, transaction, changes, ConsentSources.Import, now, ct);
        await ConsentWithdrawal.ApplyAsync(connection, transaction, withoutPersonalisation, withoutMeasurement, ct);
        return written;
    }

    /// <summary>The upsert; its <c>WHERE</c> leaves an unchanged row alone, so it counts 0 rows written.</summary>
    private static string UpsertSql(SqlDialect dialect)
    {
        var changed = string.Join(" OR ", ChangeableColumns.Select(c => dialect.IsDistinctFrom($"\"Shoppers\".\"{c}\"", $"excluded.\"{c}\"")));
        return $"""
            INSERT INTO "Shoppers" ("Id", "AllowsPersonalisation", "AllowsMeasurement", "ConsentUpdatedAt", "AgeBand", "Gender", "Region", "FirstSeenAt")
            VALUES (@id, @consent, @measurement, @now, @age, @gender, @region, @now)
            ON CONFLICT ("Id") DO UPDATE SET "AllowsPersonalisation" = excluded."AllowsPersonalisation",
                "AllowsMeasurement" = excluded."AllowsMeasurement",
                "ConsentUpdatedAt" = CASE WHEN @consentChanged THEN excluded."ConsentUpdatedAt" ELSE "Shoppers"."ConsentUpdatedAt" END,
                "AgeBand" = excluded."AgeBand", "Gender" = excluded."Gender", "Region" = excluded."Region"
            WHERE {changed}
            """;
    }
}
