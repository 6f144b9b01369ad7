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

    private static readonly string[] ParameterNames =
        ["@id", "@updated", "@visit", "@purchase", "@v7", "@v30", "@p7", "@p30", "@s30", "@s90", "@dwell", "@price", "@daypart", "@interests", "@top", "@events", "@purchases", "@hsin", "@hcos"];

    private readonly DbCommand _command;

    public ProfileWriter(DbConnection connection, DbTransaction transaction)
    {
        _command = Sql.Command(connection, transaction, UpsertSql);
        foreach (var name in ParameterNames)
        {
            Sql.Parameter(_command, name);
        }
    }

    public async Task WriteAsync(string shopperId, ProfileValues profile, DateTime updatedAt, CancellationToken ct)
    {
        Set("@id", shopperId);
        Set("@updated", updatedAt);
        Set("@visit", profile.LastVisitAt);
        Set("@purchase", profile.LastPurchaseAt);
        Set("@v7", profile.Visits7d);
        Set("@v30", profile.Visits30d);
        Set("@p7", profile.Purchases7d);
        Set("@p30", profile.Purchases30d);
        Set("@s30", profile.Spend30d);
        Set("@s90", profile.Spend90d);
        Set("@dwell", profile.AverageDwellSeconds);
        Set("@price", profile.PriceSensitivity);
        Set("@daypart", profile.PreferredDaypart);
        Set("@interests", JsonSerializer.Serialize(profile.Interests.ToDictionary(kv => kv.Key, kv => Math.Round(kv.Value, 5))));
        Set("@top", string.Join(",", profile.TopCategories));
        Set("@events", profile.EventCount);
        Set("@purchases", profile.PurchaseCount);
        Set("@hsin", profile.HourSin);
        Set("@hcos", profile.HourCos);
        await _command.ExecuteNonQueryAsync(ct);
    }

    private void Set(string name, object? value) => _command.Parameters[name].Value = value ?? DBNull.Value;

    public ValueTask DisposeAsync() => _command.DisposeAsync();
}
