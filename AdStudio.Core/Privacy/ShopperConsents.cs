using System.Data.Common;
using AdStudio.Core.Infrastructure;

namespace AdStudio.Core.Privacy;

/// <summary>
/// The SQL that keeps consent: history rows in <c>ConsentRecords</c>, the latest mirrored on <c>Shoppers</c>, and shopper
/// records created on first sight. Plain statements inside the caller's transaction, the same on SQLite and PostgreSQL.
/// </summary>
public static class ShopperConsents
{
    private const int Chunk = 500;

    // An exact repeat (same shopper, time, purposes and source) is already history: it adds no row.
    private const string RecordSql =
        """
        INSERT INTO "ConsentRecords" ("ShopperId", "Personalisation", "Measurement", "OccurredAt", "RecordedAt", "Source")
        SELECT @shopper, @personalisation, @measurement, @at, @now, @source
        WHERE NOT EXISTS (SELECT 1 FROM "ConsentRecords" WHERE "ShopperId" = @shopper AND "OccurredAt" = @at
            AND "Personalisation" = @personalisation AND "Measurement" = @measurement AND "Source" = @source)
        """;

    // Latest wins: a change older than the one mirrored (arriving late) stays history only.
    private const string ApplySql =
        """
        INSERT INTO "Shoppers" ("Id", "AllowsPersonalisation", "AllowsMeasurement", "ConsentUpdatedAt", "FirstSeenAt")
        VALUES (@shopper, @personalisation, @measurement, @at, @now)
        ON CONFLICT ("Id") DO UPDATE SET "AllowsPersonalisation" = excluded."AllowsPersonalisation",
            "AllowsMeasurement" = excluded."AllowsMeasurement", "ConsentUpdatedAt" = excluded."ConsentUpdatedAt"
        WHERE "Shoppers"."ConsentUpdatedAt" IS NULL OR "Shoppers"."ConsentUpdatedAt" < excluded."ConsentUpdatedAt"
        """;

    private const string CreateSql =
        """
        INSERT INTO "Shoppers" ("Id", "AllowsPersonalisation", "AllowsMeasurement", "FirstSeenAt")
        VALUES (@shopper, @personalisation, @measurement, @now)
        ON CONFLICT ("Id") DO NOTHING
        """;

    private static readonly string[] ChangeNames = ["@shopper", "@personalisation", "@measurement", "@at", "@now", "@source"];
    private static readonly string[] CreateNames = ["@shopper", "@personalisation", "@measurement", "@now"];

    /// <summary>Adds a history row per change; per change 1 when it was new, 0 for an exact repeat.</summary>
    public static Task<long[]> RecordAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<ConsentChange> changes, string source, DateTime now, CancellationToken ct) =>
        SqlBatch.NonQueryAsync(connection, transaction, RecordSql, ChangeNames, changes, (c, v) => BindChange(c, v, now, source), ct);

    /// <summary>Mirrors each change on its shopper (creating the record) unless a later one is mirrored already.</summary>
    public static Task<long[]> ApplyLatestAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<ConsentChange> changes, DateTime now, CancellationToken ct) =>
        SqlBatch.NonQueryAsync(connection, transaction, ApplySql, ChangeNames[..5], changes, (c, v) => BindChange(c, v, now, null), ct);

    /// <summary>Creates the shoppers not seen before with the default consent of the consent model; existing ones are left alone.</summary>
    public static Task<long[]> CreateUnknownAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<string> shopperIds, bool consents, DateTime now, CancellationToken ct) =>
        SqlBatch.NonQueryAsync(connection, transaction, CreateSql, CreateNames, shopperIds, (id, v) =>
        {
            v[0] = id;
            v[1] = consents;
            v[2] = consents;
            v[3] = now;
        }, ct);

    /// <summary>The current consent of the shoppers that exist among <paramref name="shopperIds"/>.</summary>
    public static async Task<Dictionary<string, (bool Personalisation, bool Measurement)>> ReadAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyCollection<string> shopperIds, CancellationToken ct)
    {
        var consent = new Dictionary<string, (bool, bool)>(StringComparer.Ordinal);
        foreach (var chunk in shopperIds.Chunk(Chunk))
        {
            var names = chunk.Select((_, i) => $"@s{i}").ToArray();
            await using var command = Sql.Command(connection, transaction,
                $"""SELECT "Id", "AllowsPersonalisation", "AllowsMeasurement" FROM "Shoppers" WHERE "Id" IN ({string.Join(", ", names)})""");
            for (var i = 0; i < chunk.Length; i++)
            {
                Sql.Parameter(command, names[i], chunk[i]);
            }

            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                consent[reader.GetString(0)] = (reader.GetBoolean(1), reader.GetBoolean(2));
            }
        }

        return consent;
    }

    private static void BindChange(ConsentChange change, object?[] values, DateTime now, string? source)
    {
        values[0] = change.ShopperId;
        values[1] = change.Personalisation;
        values[2] = change.Measurement;
        values[3] = change.OccurredAt;
        values[4] = now;
        if (source is not null)
        {
            values[5] = source;
        }
    }
}
