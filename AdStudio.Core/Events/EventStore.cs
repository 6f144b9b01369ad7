using System.Data.Common;
using AdStudio.Core.Infrastructure;
using AdStudio.Core.Privacy;
using AdStudio.Core.Reporting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace AdStudio.Core.Events;

/// <summary>
/// Writes events in one transaction with ADO.NET commands, batched where the provider can (EF change tracking is far too slow for
/// event volumes). Ad events that are new are folded into <see cref="DailyRollup"/> in the same
/// transaction, so dashboards move as soon as an event is acknowledged. Each ad event the write stored gets
/// its <see cref="AdEvent.Id"/>; one already stored for its decision (a duplicate) is left at 0.
/// With <see cref="IngestConsent"/> (the app's store) consent decides what is stored, in the same transaction; without it
/// (seeding tools and tests that write the history of shoppers they created) events are stored as given and consent
/// events are refused.
/// </summary>
public sealed class EventStore(IDbContextFactory<AdStudioDb> dbFactory, IngestConsent? consent = null)
{
    private const string InsertAdSql =
        """
        INSERT INTO "AdEvents" ("Type", "DecisionId", "ShopperId", "CampaignId", "CreativeId", "ExperimentId", "VariantId", "Placement", "Cost", "Revenue", "OccurredAt")
        VALUES (@type, @decision, @shopper, @campaign, @creative, @experiment, @variant, @placement, @cost, @revenue, @at)
        ON CONFLICT ("DecisionId", "Type") DO NOTHING
        RETURNING "Id"
        """;

    private const string UpsertRollupSql =
        """
        INSERT INTO "DailyRollups" ("Date", "CampaignId", "CreativeId", "VariantId", "Impressions", "Clicks", "Conversions", "Cost", "Revenue")
        VALUES (@date, @campaign, @creative, @variant, @impressions, @clicks, @conversions, @cost, @revenue)
        ON CONFLICT ("Date", "CampaignId", "CreativeId", "VariantId") DO UPDATE SET
            "Impressions" = "DailyRollups"."Impressions" + excluded."Impressions",
            "Clicks" = "DailyRollups"."Clicks" + excluded."Clicks",
            "Conversions" = "DailyRollups"."Conversions" + excluded."Conversions",
            "Cost" = "DailyRollups"."Cost" + excluded."Cost",
            "Revenue" = "DailyRollups"."Revenue" + excluded."Revenue"
        """;

    private static readonly string[] AdNames =
        ["@type", "@decision", "@shopper", "@campaign", "@creative", "@experiment", "@variant", "@placement", "@cost", "@revenue", "@at"];

    private static readonly string[] RollupNames =
        ["@date", "@campaign", "@creative", "@variant", "@impressions", "@clicks", "@conversions", "@cost", "@revenue"];

    public async Task<EventWriteResult> WriteAsync(EventBatch batch, CancellationToken cancellationToken) =>
        (await WriteAsync([batch], cancellationToken))[0];

    /// <summary>Writes several batches in one transaction (group commit) and reports each batch's result.</summary>
    public Task<EventWriteResult[]> WriteAsync(IReadOnlyList<EventBatch> batches, CancellationToken cancellationToken) =>
        WriteAsync(batches, null, cancellationToken);

    /// <summary>
    /// As <see cref="WriteAsync(IReadOnlyList{EventBatch}, CancellationToken)"/>, waiting at most
    /// <paramref name="lockTimeoutSeconds"/> for another connection's write lock (the connection's own timeout when null).
    /// </summary>
    public async Task<EventWriteResult[]> WriteAsync(
        IReadOnlyList<EventBatch> batches, int? lockTimeoutSeconds, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        if (lockTimeoutSeconds is { } seconds && connection is SqliteConnection sqlite)
        {
            sqlite.DefaultTimeout = seconds;
        }

        // Opened and begun through EF so the connection interceptors (synchronous level, read-only guard) apply.
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var efTransaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var transaction = efTransaction.GetDbTransaction();

        var results = new EventWriteResult[batches.Count];
        var deltas = new RollupDeltas();
        for (var i = 0; i < batches.Count; i++)
        {
            var batch = await ConsentedAsync(connection, transaction, batches[i], cancellationToken);
            var behaviour = await InsertBehaviourAsync(connection, transaction, batch.BehaviourEvents, cancellationToken);
            var inserted = await InsertAdAsync(connection, transaction, batch.AdEvents, batch.Unmeasured, deltas, cancellationToken);
            results[i] = new EventWriteResult(
                behaviour, inserted, batch.AdEvents.Count - inserted, batch.BehaviourEvents.Count - behaviour,
                batch.ConsentEvents, batch.DuplicateConsentEvents, batch.WithoutConsent, batch.Suppressed);
        }

        await UpsertRollupsAsync(connection, transaction, deltas, cancellationToken);
        await efTransaction.CommitAsync(cancellationToken);
        return results;
    }

    private async Task<IngestedBatch> ConsentedAsync(DbConnection connection, DbTransaction transaction, EventBatch batch, CancellationToken ct)
    {
        if (consent is not null)
        {
            return await consent.ApplyAsync(connection, transaction, batch, ct);
        }

        return batch.Consents.Count == 0
            ? IngestedBatch.AsGiven(batch)
            : throw new InvalidOperationException("Consent events need the event store with consent rules (IngestConsent).");
    }

    /// <summary>Inserts the events and returns how many were new (an event id already stored for its shopper is skipped).</summary>
    private static Task<int> InsertBehaviourAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<BehaviourEvent> events, CancellationToken ct) =>
        events.Count == 0 ? Task.FromResult(0) : BehaviourEventInsert.ByEventId(connection, transaction).InsertAsync(events, ct);

    private static async Task<int> InsertAdAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<AdEvent> events, IReadOnlySet<string> unmeasured,
        RollupDeltas deltas, CancellationToken ct)
    {
        if (events.Count == 0)
        {
            return 0;
        }

        // RETURNING yields no row (id 0) when the conflict clause skipped the insert.
        // The event keeps its shopper id in memory (frequency caps count it); without measurement consent none is stored.
        var ids = await SqlBatch.ScalarAsync(connection, transaction, InsertAdSql, AdNames, events, (e, values) =>
        {
            BindAd(e, values);
            if (e.ShopperId is { } shopper && unmeasured.Contains(shopper))
            {
                values[2] = null;
            }
        }, ct);
        var inserted = 0;
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            e.Id = ids[i];
            if (e.Id != 0)
            {
                inserted++;
                deltas.Add(e);
            }
        }

        return inserted;
    }

    private static void BindAd(AdEvent e, object?[] values)
    {
        values[0] = (int)e.Type;
        values[1] = e.DecisionId;
        values[2] = e.ShopperId;
        values[3] = e.CampaignId;
        values[4] = e.CreativeId;
        values[5] = e.ExperimentId;
        values[6] = e.VariantId;
        values[7] = e.Placement;
        values[8] = e.Cost;
        values[9] = e.Revenue;
        values[10] = e.OccurredAt;
    }

    private static async Task UpsertRollupsAsync(
        DbConnection connection, DbTransaction transaction, RollupDeltas deltas, CancellationToken ct)
    {
        if (deltas.Count == 0)
        {
            return;
        }

        await SqlBatch.NonQueryAsync(connection, transaction, UpsertRollupSql, RollupNames, deltas.ToList(), BindRollup, ct);
    }

    private static void BindRollup(KeyValuePair<RollupKey, RollupTotals> cell, object?[] values)
    {
        var (key, totals) = cell;
        values[0] = key.Date;
        values[1] = key.CampaignId;
        values[2] = key.CreativeId;
        values[3] = key.VariantId;
        values[4] = totals.Impressions;
        values[5] = totals.Clicks;
        values[6] = totals.Conversions;
        values[7] = totals.Cost;
        values[8] = totals.Revenue;
    }
}
