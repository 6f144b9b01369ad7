using System.Data.Common;
using System.Globalization;
using AdStudio.Core.Infrastructure;
using AdStudio.Core.Reporting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace AdStudio.Core.Events;

/// <summary>
/// Writes events in one transaction with prepared commands (EF change tracking is far too slow for
/// event volumes). Ad events that are new are folded into <see cref="DailyRollup"/> in the same
/// transaction, so dashboards move as soon as an event is acknowledged. Each ad event the write stored gets
/// its <see cref="AdEvent.Id"/>; one already stored for its decision (a duplicate) is left at 0.
/// </summary>
public sealed class EventStore(IDbContextFactory<AdStudioDb> dbFactory)
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
            var batch = batches[i];
            var behaviour = await InsertBehaviourAsync(connection, transaction, batch.BehaviourEvents, cancellationToken);
            var inserted = await InsertAdAsync(connection, transaction, batch.AdEvents, deltas, cancellationToken);
            results[i] = new EventWriteResult(behaviour, inserted, batch.AdEvents.Count - inserted, batch.BehaviourEvents.Count - behaviour);
        }

        await UpsertRollupsAsync(connection, transaction, deltas, cancellationToken);
        await efTransaction.CommitAsync(cancellationToken);
        return results;
    }

    /// <summary>Inserts the events and returns how many were new (an event id already stored for its shopper is skipped).</summary>
    private static async Task<int> InsertBehaviourAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<BehaviourEvent> events, CancellationToken ct)
    {
        if (events.Count == 0)
        {
            return 0;
        }

        await using var insert = BehaviourEventInsert.ByEventId(connection, transaction);
        var inserted = 0;
        foreach (var behaviourEvent in events)
        {
            inserted += await insert.InsertAsync(behaviourEvent, ct);
        }

        return inserted;
    }

    private static async Task<int> InsertAdAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<AdEvent> events, RollupDeltas deltas, CancellationToken ct)
    {
        if (events.Count == 0)
        {
            return 0;
        }

        await using var command = Sql.Command(connection, transaction, InsertAdSql);
        var type = Sql.Parameter(command, "@type");
        var decision = Sql.Parameter(command, "@decision");
        var shopper = Sql.Parameter(command, "@shopper");
        var campaign = Sql.Parameter(command, "@campaign");
        var creative = Sql.Parameter(command, "@creative");
        var experiment = Sql.Parameter(command, "@experiment");
        var variant = Sql.Parameter(command, "@variant");
        var placement = Sql.Parameter(command, "@placement");
        var cost = Sql.Parameter(command, "@cost");
        var revenue = Sql.Parameter(command, "@revenue");
        var at = Sql.Parameter(command, "@at");
        var inserted = 0;
        foreach (var e in events)
        {
            type.Value = (int)e.Type;
            decision.Value = e.DecisionId;
            shopper.Value = e.ShopperId;
            campaign.Value = e.CampaignId;
            creative.Value = e.CreativeId;
            experiment.Value = (object?)e.ExperimentId ?? DBNull.Value;
            variant.Value = (object?)e.VariantId ?? DBNull.Value;
            placement.Value = (object?)e.Placement ?? DBNull.Value;
            cost.Value = e.Cost;
            revenue.Value = e.Revenue;
            at.Value = e.OccurredAt;

            // RETURNING yields no row when the conflict clause skipped the insert.
            var stored = await command.ExecuteScalarAsync(ct);
            e.Id = stored is null or DBNull ? 0 : Convert.ToInt64(stored, CultureInfo.InvariantCulture);
            if (e.Id != 0)
            {
                inserted++;
                deltas.Add(e);
            }
        }

        return inserted;
    }

    private static async Task UpsertRollupsAsync(
        DbConnection connection, DbTransaction transaction, RollupDeltas deltas, CancellationToken ct)
    {
        if (deltas.Count == 0)
        {
            return;
        }

        await using var command = Sql.Command(connection, transaction, UpsertRollupSql);
        var date = Sql.Parameter(command, "@date");
        var campaign = Sql.Parameter(command, "@campaign");
        var creative = Sql.Parameter(command, "@creative");
        var variant = Sql.Parameter(command, "@variant");
        var impressions = Sql.Parameter(command, "@impressions");
        var clicks = Sql.Parameter(command, "@clicks");
        var conversions = Sql.Parameter(command, "@conversions");
        var cost = Sql.Parameter(command, "@cost");
        var revenue = Sql.Parameter(command, "@revenue");
        foreach (var (key, totals) in deltas)
        {
            date.Value = key.Date;
            campaign.Value = key.CampaignId;
            creative.Value = key.CreativeId;
            variant.Value = key.VariantId;
            impressions.Value = totals.Impressions;
            clicks.Value = totals.Clicks;
            conversions.Value = totals.Conversions;
            cost.Value = totals.Cost;
            revenue.Value = totals.Revenue;
            await command.ExecuteNonQueryAsync(ct);
        }
    }
}
