using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AdStudio.Core.Auditing;
using AdStudio.Core.Events;
using AdStudio.Core.Infrastructure;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdStudio.Core.Shoppers.Import;

/// <summary>
/// Streams a CSV of shoppers or behaviour events into the database: rows are read one at a time with
/// CsvHelper, each is validated, valid rows are written in batches and invalid ones reported with row,
/// column and reason (also as a CSV report in the data folder). Shoppers are upserted by id; events carry
/// a content hash, so the same file imported twice adds nothing.
/// </summary>
public sealed class CsvImporter(IDbContextFactory<AdStudioDb> dbFactory, DataPaths paths, TimeProvider clock, IOptions<EventWriterOptions> limits)
{
    public const string Shoppers = "shoppers";
    public const string Events = "events";

    private static readonly string[] ShopperColumns = ["shopperId", "consent"];
    private static readonly string[] EventColumns = ["shopperId", "type", "timestamp"];

    public string ReportFolder => Path.Combine(paths.Directory, "imports");

    /// <param name="actor">Who imports, for the audit trail (counts only; no row content is recorded).</param>
    public async Task<ImportResult> ImportAsync(string kind, Stream csv, string actor, CancellationToken ct)
    {
        if (kind is not (Shoppers or Events))
        {
            throw new ArgumentException($"Import \"{Shoppers}\" or \"{Events}\".", nameof(kind));
        }

        using var reader = CsvReader.Create(csv, CsvReaderOptions.Default, leaveOpen: true);
        var errors = new List<ImportError>();
        long rows = 0, imported = 0, rejected = 0;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Opened through EF Core so the connection interceptor applies Data:Synchronous to the bulk writes too.
        await db.Database.OpenConnectionAsync(ct);
        var connection = db.Database.GetDbConnection();
        var batch = new List<object[]>(ImportLimits.BatchSize);
        Dictionary<string, int>? columns = null;
        while (reader.Read())
        {
            columns ??= Columns(reader, kind == Shoppers ? ShopperColumns : EventColumns);
            rows++;
            var row = reader.RowNumber + 1;
            var values = kind == Shoppers ? ShopperRow(reader, columns, row, errors) : EventRow(reader, columns, row, errors);
            if (values is null)
            {
                rejected++;
                continue;
            }

            batch.Add(values);
            if (batch.Count == ImportLimits.BatchSize)
            {
                imported += await WriteAsync(connection, kind, batch, ct);
                batch.Clear();
            }
        }

        if (columns is null && reader.Headers is { } headers)
        {
            Columns(headers, kind == Shoppers ? ShopperColumns : EventColumns);
        }

        imported += await WriteAsync(connection, kind, batch, ct);
        if (errors.Count > ImportLimits.MaxReportedErrors)
        {
            errors.RemoveRange(ImportLimits.MaxReportedErrors, errors.Count - ImportLimits.MaxReportedErrors);
        }

        var report = errors.Count > 0 ? await WriteReportAsync(errors, ct) : null;
        var result = new ImportResult(kind, rows, imported, rows - rejected - imported, rejected, errors, report);
        AuditTrail.Add(
            db, AuditTrail.Import, 0, actor, "imported",
            $"{kind}: {rows} rows, {imported} imported, {result.Unchanged} unchanged, {rejected} rejected", clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return result;
    }

    /// <summary>The stored error report for an id this importer issued, or null.</summary>
    public string? ReportPath(string id) =>
        Guid.TryParseExact(id, "N", out _) && File.Exists(Path.Combine(ReportFolder, id + ".csv")) ? Path.Combine(ReportFolder, id + ".csv") : null;

    private static Dictionary<string, int> Columns(CsvReader reader, string[] required) => Columns(reader.Headers ?? [], required);

    private static Dictionary<string, int> Columns(IReadOnlyList<string> headers, string[] required)
    {
        var map = headers.Select((h, i) => (h: h.Trim(), i)).GroupBy(x => x.h, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().i, StringComparer.OrdinalIgnoreCase);
        var missing = required.Where(c => !map.ContainsKey(c)).ToList();
        return missing.Count > 0
            ? throw new ImportFormatException($"The header is missing column(s): {string.Join(", ", missing)}. Expected at least: {string.Join(", ", required)}.")
            : map;
    }

    private static string? Field(CsvReader reader, Dictionary<string, int> columns, string name) =>
        columns.TryGetValue(name, out var i) && i < reader.FieldCount && reader.GetStringOrNull(i) is { } s && s.Trim().Length > 0 ? s.Trim() : null;

    private static object[]? ShopperRow(CsvReader reader, Dictionary<string, int> columns, long row, List<ImportError> errors)
    {
        var before = errors.Count;
        var id = Field(reader, columns, "shopperId");
        if (id is null || id.Length > 128)
        {
            errors.Add(new(row, "shopperId", id is null ? "required" : "longer than 128 characters"));
        }

        bool? consent = Field(reader, columns, "consent")?.ToLowerInvariant() switch
        {
            "true" or "1" or "yes" or "y" => true,
            "false" or "0" or "no" or "n" => false,
            _ => null,
        };
        if (consent is null)
        {
            errors.Add(new(row, "consent", "must be true or false (yes/no, 1/0)"));
        }

        var gender = Field(reader, columns, "gender")?.ToLowerInvariant();
        if (gender is not (null or "female" or "male" or "other"))
        {
            errors.Add(new(row, "gender", "must be female, male or other (or empty)"));
        }

        var ageBand = Field(reader, columns, "ageBand");
        if (ageBand is { Length: > 16 })
        {
            errors.Add(new(row, "ageBand", "longer than 16 characters"));
        }

        var region = Field(reader, columns, "region");
        if (region is { Length: > 64 })
        {
            errors.Add(new(row, "region", "longer than 64 characters"));
        }

        return errors.Count > before ? null : [id!, consent!.Value, (object?)ageBand ?? DBNull.Value, (object?)gender ?? DBNull.Value, (object?)region ?? DBNull.Value];
    }

    private object[]? EventRow(CsvReader reader, Dictionary<string, int> columns, long row, List<ImportError> errors)
    {
        var before = errors.Count;
        var id = Field(reader, columns, "shopperId");
        if (id is null || id.Length > 128)
        {
            errors.Add(new(row, "shopperId", id is null ? "required" : "longer than 128 characters"));
        }

        BehaviourEventType? type = Field(reader, columns, "type")?.ToLowerInvariant() switch
        {
            "view" => BehaviourEventType.View,
            "search" => BehaviourEventType.Search,
            "add_to_cart" => BehaviourEventType.AddToCart,
            "purchase" => BehaviourEventType.Purchase,
            _ => null,
        };
        if (type is null)
        {
            errors.Add(new(row, "type", "must be view, search, add_to_cart or purchase"));
        }

        DateTime? at = DateTimeOffset.TryParse(Field(reader, columns, "timestamp"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var ts) ? ts.UtcDateTime : null;
        if (at is null)
        {
            errors.Add(new(row, "timestamp", "must be an ISO 8601 time such as 2026-11-23T10:15:00Z"));
        }
        else if (at > clock.GetUtcNow().UtcDateTime + EventTimestamps.AllowedFutureSkew)
        {
            errors.Add(new(row, "timestamp", "is in the future"));
        }

        var category = Field(reader, columns, "category");
        var product = Field(reader, columns, "productId");
        var query = Field(reader, columns, "query");
        var amount = Number(reader, columns, "amount", limits.Value.MaxAmount, row, errors);
        var dwell = Number(reader, columns, "dwellSeconds", limits.Value.MaxDwellSeconds, row, errors);
        if (type is BehaviourEventType.View or BehaviourEventType.AddToCart or BehaviourEventType.Purchase && (category is null || product is null))
        {
            errors.Add(new(row, category is null ? "category" : "productId", $"required for {Field(reader, columns, "type")}"));
        }

        if (type == BehaviourEventType.Search && query is null)
        {
            errors.Add(new(row, "query", "required for search"));
        }

        if (type == BehaviourEventType.Purchase && Field(reader, columns, "amount") is null)
        {
            errors.Add(new(row, "amount", "required for purchase"));
        }

        foreach (var (name, value) in new[] { ("category", category), ("productId", product), ("query", query) })
        {
            if (value is { Length: > 256 })
            {
                errors.Add(new(row, name, "longer than 256 characters"));
            }
        }

        if (errors.Count > before)
        {
            return null;
        }

        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            string.Join('\u001f', id, (int)type!.Value, at!.Value.Ticks, category, product, query, amount?.ToString("R", CultureInfo.InvariantCulture), dwell?.ToString("R", CultureInfo.InvariantCulture)))));
        return [id!, (int)type.Value, (object?)category ?? DBNull.Value, (object?)product ?? DBNull.Value, (object?)query ?? DBNull.Value,
            (object?)amount ?? DBNull.Value, (object?)dwell ?? DBNull.Value, at.Value, key];
    }

    /// <summary>A number between 0 and <paramref name="max"/>: the same bounds as <c>POST /events</c> (section <c>Events</c>).</summary>
    private static double? Number(CsvReader reader, Dictionary<string, int> columns, string name, double max, long row, List<ImportError> errors)
    {
        if (Field(reader, columns, name) is not { } text)
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) && v >= 0 && v <= max)
        {
            return v;
        }

        errors.Add(new(row, name, $"must be a number from 0 to {max.ToString(CultureInfo.InvariantCulture)} (use a dot for decimals)"));
        return null;
    }

    private async Task<long> WriteAsync(DbConnection connection, string kind, List<object[]> rows, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return 0;
        }

        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        string[] names;
        if (kind == Shoppers)
        {
            // Same values again change nothing, so re-importing a file reports its rows as unchanged.
            command.CommandText =
                """
                INSERT INTO "Shoppers" ("Id", "HasTrackingConsent", "AgeBand", "Gender", "Region", "FirstSeenAt") VALUES (@id, @consent, @age, @gender, @region, @now)
                ON CONFLICT ("Id") DO UPDATE SET "HasTrackingConsent" = excluded."HasTrackingConsent", "AgeBand" = excluded."AgeBand",
                    "Gender" = excluded."Gender", "Region" = excluded."Region"
                WHERE "Shoppers"."HasTrackingConsent" IS NOT excluded."HasTrackingConsent" OR "Shoppers"."AgeBand" IS NOT excluded."AgeBand"
                    OR "Shoppers"."Gender" IS NOT excluded."Gender" OR "Shoppers"."Region" IS NOT excluded."Region"
                """;
            names = ["@id", "@consent", "@age", "@gender", "@region"];
        }
        else
        {
            command.CommandText =
                """
                INSERT INTO "BehaviourEvents" ("ShopperId", "Type", "Category", "ProductId", "Query", "Amount", "DwellSeconds", "OccurredAt", "ImportKey")
                VALUES (@shopper, @type, @category, @product, @query, @amount, @dwell, @at, @key)
                ON CONFLICT ("ImportKey") DO NOTHING
                """;
            names = ["@shopper", "@type", "@category", "@product", "@query", "@amount", "@dwell", "@at", "@key"];
        }

        var parameters = names.Select(n => Sql.Parameter(command, n)).ToArray();
        if (kind == Shoppers)
        {
            Sql.Parameter(command, "@now", clock.GetUtcNow().UtcDateTime);
        }

        long written = 0;
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Length; i++)
            {
                parameters[i].Value = row[i];
            }

            written += await command.ExecuteNonQueryAsync(ct);
        }

        await transaction.CommitAsync(ct);
        return written;
    }

    private async Task<string> WriteReportAsync(List<ImportError> errors, CancellationToken ct)
    {
        Directory.CreateDirectory(ReportFolder);
        var id = Guid.NewGuid().ToString("N");
        await using var file = File.Create(Path.Combine(ReportFolder, id + ".csv"));
        await using var text = new StreamWriter(file, new UTF8Encoding(false));
        using (var csv = CsvWriter.Create(text, CsvWriterOptions.Default with { FormatProvider = CultureInfo.InvariantCulture }, leaveOpen: true))
        {
            csv.WriteRecords(errors.Select(e => new ImportErrorRow(e.Row, e.Column, e.Reason)));
        }

        await text.FlushAsync(ct);
        return id;
    }
}
