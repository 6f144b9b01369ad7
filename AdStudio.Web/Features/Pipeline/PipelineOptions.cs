using System.ComponentModel.DataAnnotations;
using AdStudio.Core.Nodes;
using AdStudio.Core.Pipeline;

namespace AdStudio.Web.Features.Pipeline;

/// <summary>Background job settings (section <c>Pipeline</c>).</summary>
public sealed class PipelineOptions : IValidatableObject
{
    public const string SectionName = "Pipeline";

    /// <summary>Hangfire workers in this process.</summary>
    [Range(1, 64)]
    public int WorkerCount { get; set; } = 2;

    /// <summary>Cron (UTC) of the reconciling rollup rebuild; empty to disable.</summary>
    public string? RollupCron { get; set; } = "30 2 * * *";

    /// <summary>Cron (UTC) of the incremental profiling run (a full run happens at most daily by itself); empty to disable.</summary>
    public string? ProfileCron { get; set; } = "*/15 * * * *";

    /// <summary>Cron (UTC) of model training (click and conversion models, champion/challenger); empty to disable.</summary>
    public string? TrainCron { get; set; } = "0 3 * * *";

    /// <summary>Cron (UTC) of audience scoring with the active models; empty to disable.</summary>
    public string? ScoreCron { get; set; } = "15 * * * *";

    /// <summary>Cron (UTC) of the retention step that deletes raw events past <c>Privacy:*RetentionDays</c>; empty to disable.</summary>
    public string? RetentionCron { get; set; } = "30 3 * * *";

    /// <summary>Attempts a run gets; a run interrupted during its last attempt is marked failed instead of queued again.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 3;

    /// <summary>How often a running step writes a heartbeat to the ledger, and how often the orphan sweep runs.</summary>
    [Range(1, 3600)]
    public int HeartbeatSeconds { get; set; } = 10;

    /// <summary>A running run with no heartbeat for this long, not running in this process, is marked failed.</summary>
    [Range(2, 86400)]
    public int OrphanAfterSeconds { get; set; } = 120;

    /// <summary>How long a run's outcome write is retried (with backoff) before the sweep takes it over.</summary>
    [Range(1, 3600)]
    public int LedgerRetrySeconds { get; set; } = 60;

    /// <summary>How often this node records in the database that it is alive (table ClusterNodes).</summary>
    [Range(1, 3600)]
    public int NodeHeartbeatSeconds { get; set; } = 5;

    /// <summary>A node that missed this many beats in a row counts as gone: other nodes re-queue the runs it was executing.</summary>
    [Range(2, 100)]
    public int NodeGoneAfterBeats { get; set; } = 3;

    public NodeLiveness Liveness() => new(TimeSpan.FromSeconds(NodeHeartbeatSeconds), NodeGoneAfterBeats);

    public PipelineSupervision Supervision() => new()
    {
        MaxAttempts = MaxAttempts,
        Heartbeat = TimeSpan.FromSeconds(HeartbeatSeconds),
        OrphanAfter = TimeSpan.FromSeconds(OrphanAfterSeconds),
        FinishRetryBudget = TimeSpan.FromSeconds(LedgerRetrySeconds),
    };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // A live run must miss several beats before it can look orphaned.
        if (OrphanAfterSeconds < 3 * HeartbeatSeconds)
        {
            yield return new ValidationResult(
                $"{nameof(OrphanAfterSeconds)} must be at least three times {nameof(HeartbeatSeconds)}.",
                [nameof(OrphanAfterSeconds)]);
        }
    }
}
