using AdStudio.Core.Infrastructure;
using AdStudio.Core.Pipeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdStudio.Core.Privacy.Retention;

/// <summary>
/// Deletes raw behaviour and ad events older than the retention settings, by <see cref="PrivacyOptions"/> and the
/// injected clock. Deletes go in batches of ids, each its own statement and transaction, so the event writer waits at
/// most one short batch for its lock (SQLite has one writer; on PostgreSQL a batch locks only its own rows). Rollups,
/// consent records and everything else stay. Safe to run again: a second run finds less or nothing to delete.
/// </summary>
public sealed class RetentionStep(IDbContextFactory<AdStudioDb> dbFactory, IOptions<PrivacyOptions> options, TimeProvider clock) : IPipelineStep
{
    /// <summary>Rows per delete statement: small enough that a batch holds the write lock for milliseconds.</summary>
    public const int DefaultBatchSize = 2000;

    /// <summary>Rows per delete statement (tests use small batches to see many of them).</summary>
    public int BatchSize { get; init; } = DefaultBatchSize;

    public string Name => PipelineSteps.Retention;

    public async Task<string> RunAsync(IProgress<double> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var cutoffs = RetentionCutoffs.At(clock.GetUtcNow().UtcDateTime, options.Value);
        long behaviourDue, adDue;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            // Both counts use the OccurredAt indexes; they only scale the progress bar.
            behaviourDue = await db.BehaviourEvents.LongCountAsync(e => e.OccurredAt < cutoffs.BehaviourEvents, cancellationToken);
            adDue = await db.AdEvents.LongCountAsync(e => e.OccurredAt < cutoffs.AdEvents, cancellationToken);
        }

        progress.Report(0.02);
        var tracker = new DeletionProgress(progress, behaviourDue + adDue);
        var behaviour = await DeleteInBatchesAsync(
            (db, ct) =>
            {
                var batch = db.BehaviourEvents.Where(e => e.OccurredAt < cutoffs.BehaviourEvents).OrderBy(e => e.Id).Select(e => e.Id).Take(BatchSize);
                return db.BehaviourEvents.Where(e => batch.Contains(e.Id)).ExecuteDeleteAsync(ct);
            },
            tracker,
            cancellationToken);
        var ad = await DeleteInBatchesAsync(
            (db, ct) =>
            {
                var batch = db.AdEvents.Where(e => e.OccurredAt < cutoffs.AdEvents).OrderBy(e => e.Id).Select(e => e.Id).Take(BatchSize);
                return db.AdEvents.Where(e => batch.Contains(e.Id)).ExecuteDeleteAsync(ct);
            },
            tracker,
            cancellationToken);
        progress.Report(1);
        return new RetentionSummary(behaviour, cutoffs.BehaviourEvents, ad, cutoffs.AdEvents).ToMessage();
    }

    // One DELETE ... WHERE Id IN (SELECT Id ... ORDER BY Id LIMIT n) per batch, autocommitted, until none is left.
    private async Task<long> DeleteInBatchesAsync(
        Func<AdStudioDb, CancellationToken, Task<int>> deleteBatch, DeletionProgress tracker, CancellationToken cancellationToken)
    {
        long deleted = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var rows = await deleteBatch(db, cancellationToken);
            if (rows == 0)
            {
                return deleted;
            }

            deleted += rows;
            tracker.Add(rows);
        }
    }
}
