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
}
