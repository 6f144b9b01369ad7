using Microsoft.Extensions.Logging;

namespace AdStudio.Core.Pipeline;

internal static partial class PipelineLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Pipeline run {RunId} is not queued any more; skipping.")]
    public static partial void NotQueued(ILogger logger, int runId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pipeline run {RunId} ({Step}) was interrupted by shutdown.")]
    public static partial void Interrupted(ILogger logger, int runId, string step);

    [LoggerMessage(Level = LogLevel.Error, Message = "Pipeline run {RunId} ({Step}) failed.")]
    public static partial void Failed(ILogger logger, Exception exception, int runId, string step);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recording the outcome of pipeline run {RunId} failed; retrying in {Delay}.")]
    public static partial void OutcomeWriteFailed(ILogger logger, Exception exception, int runId, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "The outcome of pipeline run {RunId} could not be recorded within {Budget}; the sweep keeps trying.")]
    public static partial void OutcomeNotRecorded(ILogger logger, int runId, TimeSpan budget);

    [LoggerMessage(Level = LogLevel.Information, Message = "Pipeline run {RunId} attempt {Attempt} no longer owns its run (swept or re-queued); its outcome is dropped.")]
    public static partial void OutcomeStale(ILogger logger, int runId, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Marked {Count} orphaned pipeline run(s) failed: no heartbeat since {SilentSince:u}.")]
    public static partial void OrphansFailed(ILogger logger, int count, DateTime silentSince);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The pipeline sweep could not reach the ledger.")]
    public static partial void SweepFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Heartbeat of pipeline run {RunId} could not be written.")]
    public static partial void HeartbeatFailed(ILogger logger, Exception exception, int runId);
}
