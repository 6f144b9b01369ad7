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
/// event id) up to a bound below which every event id is settled (see <see cref="UpperBoundAsync"/>) are recomputed, from their last 180 days of events. Once a day it runs in full, so windowed
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

    public string Name => PipelineSteps.Profile;

    public Task<string> RunAsync(IProgress<double> progress, CancellationToken cancellationToken) => RunAsync(false, progress, cancellationToken);

    public async Task<string> RunAsync(bool forceFull, IProgress<double> progress, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var timeZone = shop.Value.FindTimeZone();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var watermark = await SettingAsync(db, WatermarkKey, ct) is { } storedWatermark ? long.Parse(storedWatermark, CultureInfo.InvariantCulture) : (long?)null;
        var lastFull = await SettingAsync(db, FullRunKey, ct) is { } storedFullAt
            ? DateTime.Parse(storedFullAt, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal)
            : (DateTime?)null;
        var full = forceFull || watermark is null || lastFull is null || now - lastFull > FullRunEvery;
        var maxId = await UpperBoundAsync(db, ct);
        var since = now - History;
        List<string>? affected = null;
        HashSet<string> consenting;
        if (full)
        {
            consenting = (await db.Shoppers.Where(s => s.AllowsPersonalisation).Select(s => s.Id).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        }
        else
        {
            // Only the shoppers with new events are read, and only their consent is needed.
            var touched = await db.BehaviourEvents.Where(e => e.Id > watermark && e.Id <= maxId).Select(e => e.ShopperId).Distinct().ToListAsync(ct);
            consenting = [];
            foreach (var chunk in touched.Chunk(500))
            {
                consenting.UnionWith(await db.Shoppers.Where(s => s.AllowsPersonalisation && chunk.Contains(s.Id)).Select(s => s.Id).ToListAsync(ct));
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
        SkippedShoppers skipped;
        await using (var transaction = await connection.BeginTransactionAsync(ct))
        {
            await using var writer = new ProfileWriter(connection, transaction);
            var run = new ProfilingRun(connection, transaction, writer, now, timeZone, consenting, means);
            profiled = full ? await run.ProfileAllAsync(progress, ct) : await run.ProfileOnlyAsync(affected!, progress, ct);
            skipped = run.Skipped;
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

    /// <summary>
    /// The highest event id below which no insert is still in flight, so the next incremental run, starting above it,
    /// skips nothing (docs/profiling.md). With concurrent writers (PostgreSQL, several nodes) an id allocated earlier can
    /// commit after a higher one: the dialect's lock first waits for every open insert transaction to end (holding off
    /// new ones only while the index answers <c>max(Id)</c>), so every id up to the bound is committed or rolled back.
    /// </summary>
    internal static async Task<long> UpperBoundAsync(AdStudioDb db, CancellationToken ct)
    {
        if (SqlDialect.For(db.Database).WaitForWriters("\"BehaviourEvents\"") is not { } wait)
        {
            return await db.BehaviourEvents.MaxAsync(e => (long?)e.Id, ct) ?? 0;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync(wait, ct);
        var bound = await db.BehaviourEvents.MaxAsync(e => (long?)e.Id, ct) ?? 0;
        await transaction.CommitAsync(ct);
        return bound;
    }

    private static async Task RemoveWithoutConsentAsync(DbConnection connection, DbTransaction transaction, CancellationToken ct)
    {
        await using var command = Sql.Command(
            connection,
            transaction,
            """
            DELETE FROM "Profiles" WHERE "ShopperId" NOT IN (SELECT "Id" FROM "Shoppers" WHERE "AllowsPersonalisation" = @consent)
            """);
        Sql.Parameter(command, "@consent", true);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<string?> SettingAsync(AdStudioDb db, string key, CancellationToken ct) =>
        await db.Settings.Where(s => s.Key == key).Select(s => s.Value).FirstOrDefaultAsync(ct);

    private static async Task SaveSettingAsync(DbConnection connection, DbTransaction transaction, string key, string value, CancellationToken ct)
    {
        await using var command = Sql.Command(
            connection, transaction, """INSERT INTO "Settings" ("Key", "Value") VALUES (@key, @value) ON CONFLICT ("Key") DO UPDATE SET "Value" = excluded."Value" """);
        Sql.Parameter(command, "@key", key);
        Sql.Parameter(command, "@value", value);
        await command.ExecuteNonQueryAsync(ct);
    }
}
