using System.Data.Common;
using System.Text.Json;
using AdStudio.Core.Infrastructure;

namespace AdStudio.Core.Profiling;

/// <summary>Upserts profiles with one prepared statement inside the caller's transaction.</summary>
internal sealed class ProfileWriter : IAsyncDisposable
{
    private const string UpsertSql =
        """
        INSERT INTO "Profiles" ("ShopperId", "UpdatedAt", "LastVisitAt", "LastPurchaseAt", "Visits7d", "Visits30d", "Purchases7d", "Purchases30d",
            "Spend30d", "Spend90d", "AverageDwellSeconds", "PriceSensitivity", "PreferredDaypart", "InterestsJson", "TopCategories",
            "EventCount", "PurchaseCount", "HourSin", "HourCos")
        VALUES (@id, @updated, @visit, @purchase, @v7, @v30, @p7, @p30, @s30, @s90, @dwell, @price, @daypart, @interests, @top, @events, @purchases, @hsin, @hcos)
        ON CONFLICT ("ShopperId") DO UPDATE SET
            "UpdatedAt" = excluded."UpdatedAt", "LastVisitAt" = excluded."LastVisitAt", "LastPurchaseAt" = excluded."LastPurchaseAt",
            "Visits7d" = excluded."Visits7d", "Visits30d" = excluded."Visits30d", "Purchases7d" = excluded."Purchases7d",
            "Purchases30d" = excluded."Purchases30d", "Spend30d" = excluded."Spend30d", "Spend90d" = excluded."Spend90d",
            "AverageDwellSeconds" = excluded."AverageDwellSeconds", "PriceSensitivity" = excluded."PriceSensitivity",
            "PreferredDaypart" = excluded."PreferredDaypart", "InterestsJson" = excluded."InterestsJson", "TopCategories" = excluded."TopCategories",
            "EventCount" = excluded."EventCount", "PurchaseCount" = excluded."PurchaseCount", "HourSin" = excluded."HourSin", "HourCos" = excluded."HourCos"
        """;

    private readonly DbCommand _command;
    private readonly DbParameter[] _p;

    public ProfileWriter(DbConnection connection, DbTransaction transaction)
    {
        _command = Sql.Command(connection, transaction, UpsertSql);
        string[] names = ["@id", "@updated", "@visit", "@purchase", "@v7", "@v30", "@p7", "@p30", "@s30", "@s90", "@dwell", "@price", "@daypart", "@interests", "@top", "@events", "@purchases", "@hsin", "@hcos"];
        _p = [.. names.Select(n => Sql.Parameter(_command, n))];
    }

    public async Task WriteAsync(string shopperId, ProfileValues v, DateTime updatedAt, CancellationToken ct)
    {
        object?[] values =
        [
            shopperId, updatedAt, v.LastVisitAt, v.LastPurchaseAt, v.Visits7d, v.Visits30d, v.Purchases7d, v.Purchases30d,
            v.Spend30d, v.Spend90d, v.AverageDwellSeconds, v.PriceSensitivity, v.PreferredDaypart,
            JsonSerializer.Serialize(v.Interests.ToDictionary(kv => kv.Key, kv => Math.Round(kv.Value, 5))), string.Join(",", v.TopCategories),
            v.EventCount, v.PurchaseCount, v.HourSin, v.HourCos,
        ];
        for (var i = 0; i < values.Length; i++)
        {
            _p[i].Value = values[i] ?? DBNull.Value;
        }

        await _command.ExecuteNonQueryAsync(ct);
    }

    public ValueTask DisposeAsync() => _command.DisposeAsync();
}
