using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using AdStudio.Core.Events;
using AdStudio.Core.Infrastructure;
using AdStudio.Core.Pipeline;
using AdStudio.Core.Segments;
using AdStudio.Core.Serving;
using AdStudio.Core.Shop;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdStudio.Core.Profiling;

/// <summary>
/// The <c>profile</c> step. Incremental: only shoppers with events after the watermark (the last processed
/// event id) are recomputed, from their last 180 days of events. Once a day it runs in full, so windowed
/// features (visits in 7 days, …) stay current for shoppers who went quiet. Shoppers without tracking
/// consent get no profile (and lose one they had). Afterwards the audience is reloaded and segment
/// membership materialised.
/// </summary>
public sealed class ProfilingStep(
    IDbContextFactory<AdStudioDb> dbFactory,
    AudienceLoader audienceLoader,
    AudienceIndex audienceIndex,
    SegmentMaterializer materializer,
    IClusterMembership clusters,
    IOptions<ShopOptions> shop,
    TimeProvider clock) : IPipelineStep
{
    public const string WatermarkKey = "profile.watermark";
    public const string FullRunKey = "profile.full-at";
    public const string CategoryMeansKey = "profile.category-means";
    public static readonly TimeSpan History = TimeSpan.FromDays(180);
    public static readonly TimeSpan FullRunEvery = TimeSpan.FromHours(24);

    private const string EventsHead =
        """
        SELECT "ShopperId", "Type", "Category", "Amount", "DwellSeconds", "OccurredAt" FROM "BehaviourEvents"
        WHERE "OccurredAt" >= @since 
        """;

    private const string EventsTail = """ ORDER BY "ShopperId", "OccurredAt" """;

    public string Name => PipelineSteps.Profile;

    public Task<string> RunAsync(IProgress<double> progress, CancellationToken cancellationToken) => RunAsync(false, progress, cancellationToken);

    public async Task<string> RunAsync(bool forceFull, IProgress<double> progress, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var timeZone = shop.Value.FindTimeZone();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var watermark = await SettingAsync(db, WatermarkKey, ct) is { } w ? long.Parse(w, CultureInfo.InvariantCulture) : (long?)null;
        var lastFull = await SettingAsync(db, FullRunKey, ct) is { } f ? DateTime.Parse(f, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal) : (DateTime?)null;
        var full = forceFull || watermark is null || lastFull is null || now - lastFull > FullRunEvery;
        var maxId = await db.BehaviourEvents.MaxAsync(e => (long?)e.Id, ct) ?? 0;
        var since = now - History;
        List<string>? affected = null;
        HashSet<string> consenting;
        if (full)
        {
            consenting = (await db.Shoppers.Where(s => s.HasTrackingConsent).Select(s => s.Id).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        }
        else
        {
            // Only the shoppers with new events are read, and only their consent is needed.
            var touched = await db.BehaviourEvents.Where(e => e.Id > watermark).Select(e => e.ShopperId).Distinct().ToListAsync(ct);
            consenting = [];
            foreach (var chunk in touched.Chunk(500))
            {
                consenting.UnionWith(await db.Shoppers.Where(s => s.HasTrackingConsent && chunk.Contains(s.Id)).Select(s => s.Id).ToListAsync(ct));
            }

            affected = [.. touched.Where(consenting.Contains)];
        }

        // Category price means move slowly: computed on full runs and reused by incremental ones.
        var means = !full && await SettingAsync(db, CategoryMeansKey, ct) is { } stored
            ? JsonSerializer.Deserialize<Dictionary<string, double>>(stored) ?? []
            : await db.BehaviourEvents
                .Where(e => e.Type == BehaviourEventType.Purchase && e.OccurredAt >= since && e.Category != null && e.Amount > 0 && e.Amount <= ValueBounds.MaxMoney)
                .GroupBy(e => e.Category!).Select(g => new { g.Key, Mean = g.Average(e => e.Amount!.Value) })
                .ToDictionaryAsync(x => x.Key, x => x.Mean, StringComparer.Ordinal, ct);
        means = means.Where(m => double.IsFinite(m.Value) && m.Value > 0).ToDictionary(StringComparer.Ordinal);
        progress.Report(0.05);
        await db.Database.OpenConnectionAsync(ct);
        var connection = db.Database.GetDbConnection();
        int profiled;
        var skipped = new SkippedShoppers();
        await using (var transaction = await connection.BeginTransactionAsync(ct))
        {
            await using var writer = new ProfileWriter(connection, transaction);
            profiled = full
                ? await ProfileAsync(connection, transaction, writer, since, null, consenting, means, now, timeZone, skipped, progress, ct)
                : await ProfileChunksAsync(connection, transaction, writer, since, affected!, consenting, means, now, timeZone, skipped, progress, ct);
            await RemoveWithoutConsentAsync(connection, transaction, ct);
            await SaveSettingAsync(connection, transaction, WatermarkKey, maxId.ToString(CultureInfo.InvariantCulture), ct);
            if (full)
            {
                await SaveSettingAsync(connection, transaction, FullRunKey, now.ToString("O", CultureInfo.InvariantCulture), ct);
                await SaveSettingAsync(connection, transaction, CategoryMeansKey, JsonSerializer.Serialize(means), ct);
            }

            await transaction.CommitAsync(ct);
        }

        progress.Report(0.85);
        var audience = full
            ? await audienceLoader.LoadAsync(now, ct)
            : await audienceLoader.RefreshAsync(await audienceIndex.GetAsync(ct), affected!, now, ct);
        audienceIndex.Swap(audience);
        var segments = await materializer.MaterializeAsync(audience, await clusters.LatestAsync(ct), now, ct);
        progress.Report(1);
        return $"{(full ? "Full" : "Incremental")} run: profiled {profiled:N0} shopper(s) up to event #{maxId:N0}; {segments} segment(s) materialised.{skipped.Summary()}";
    }

    private static async Task<int> ProfileChunksAsync(
        DbConnection connection, DbTransaction transaction, ProfileWriter writer, DateTime since, List<string> shoppers, HashSet<string> consenting,
        Dictionary<string, double> means, DateTime now, TimeZoneInfo tz, SkippedShoppers skipped, IProgress<double> progress, CancellationToken ct)
    {
        var done = 0;
        foreach (var chunk in shoppers.Chunk(500))
        {
            done += await ProfileAsync(connection, transaction, writer, since, chunk, consenting, means, now, tz, skipped, new Progress<double>(), ct);
            progress.Report(0.05 + (0.8 * done / Math.Max(1, shoppers.Count)));
        }

        return done;
    }

    /// <summary>Streams events ordered by shopper and profiles each shopper as their events end.</summary>
    private static async Task<int> ProfileAsync(
        DbConnection connection, DbTransaction transaction, ProfileWriter writer, DateTime since, string[]? only, HashSet<string> consenting,
        Dictionary<string, double> means, DateTime now, TimeZoneInfo tz, SkippedShoppers skipped, IProgress<double> progress, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var filter = "";
        if (only is not null)
        {
            filter = $"AND \"ShopperId\" IN ({string.Join(", ", only.Select((_, i) => $"@s{i}"))})";
            for (var i = 0; i < only.Length; i++)
            {
                Sql.Parameter(command, $"@s{i}", only[i]);
            }
        }

        command.CommandText = EventsHead + filter + EventsTail;
        Sql.Parameter(command, "@since", since);
        var total = only is null ? Math.Max(1, consenting.Count) : only.Length;
        var profiled = 0;
        string? current = null;
        var events = new List<BehaviourEvent>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var shopper = reader.GetString(0);
                if (shopper != current)
                {
                    profiled += await FlushAsync(writer, current, events, consenting, means, now, tz, skipped, ct);
                    current = shopper;
                    events.Clear();
                    if (profiled % 2000 == 0)
                    {
                        progress.Report(0.05 + (0.8 * Math.Min(1, (double)profiled / total)));
                    }
                }

                events.Add(new BehaviourEvent
                {
                    ShopperId = shopper,
                    Type = (BehaviourEventType)reader.GetInt32(1),
                    Category = reader.IsDBNull(2) ? null : reader.GetString(2),
                    Amount = reader.IsDBNull(3) ? null : reader.GetDouble(3),
                    DwellSeconds = reader.IsDBNull(4) ? null : reader.GetDouble(4),
                    OccurredAt = DateTime.SpecifyKind(reader.GetDateTime(5), DateTimeKind.Utc),
                });
            }
        }

        profiled += await FlushAsync(writer, current, events, consenting, means, now, tz, skipped, ct);
        return profiled;
    }

    /// <summary>
    /// Profiles one shopper. A shopper whose events still cannot be computed, or compute to a value that is not finite,
    /// is skipped and counted (keeping any earlier profile) so one shopper's data never fails the run for everyone.
    /// </summary>
    private static async Task<int> FlushAsync(
        ProfileWriter writer, string? shopper, List<BehaviourEvent> events, HashSet<string> consenting,
        Dictionary<string, double> means, DateTime now, TimeZoneInfo tz, SkippedShoppers skipped, CancellationToken ct)
    {
        if (shopper is null || !consenting.Contains(shopper))
        {
            return 0;
        }

        ProfileValues values;
        try
        {
            values = ProfileCalculator.Compute(events, now, means, tz);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            skipped.Add($"whose events could not be profiled ({ex.GetType().Name})");
            return 0;
        }

        if (!ProfileCalculator.IsFinite(values))
        {
            skipped.Add("whose profile would not be finite");
            return 0;
        }

        await writer.WriteAsync(shopper, values, now, ct);
        return 1;
    }

    private static async Task RemoveWithoutConsentAsync(DbConnection connection, DbTransaction transaction, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            """
            DELETE FROM "Profiles" WHERE "ShopperId" NOT IN (SELECT "Id" FROM "Shoppers" WHERE "HasTrackingConsent" = @consent)
            """;
        Sql.Parameter(command, "@consent", true);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<string?> SettingAsync(AdStudioDb db, string key, CancellationToken ct) =>
        await db.Settings.Where(s => s.Key == key).Select(s => s.Value).FirstOrDefaultAsync(ct);

    private static async Task SaveSettingAsync(DbConnection connection, DbTransaction transaction, string key, string value, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """INSERT INTO "Settings" ("Key", "Value") VALUES (@key, @value) ON CONFLICT ("Key") DO UPDATE SET "Value" = excluded."Value" """;
        Sql.Parameter(command, "@key", key);
        Sql.Parameter(command, "@value", value);
        await command.ExecuteNonQueryAsync(ct);
    }
}
