using AdStudio.Core.Events;
using AdStudio.Core.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace AdStudio.Web.Infrastructure;

/// <summary>
/// Answers requests whose events storage could not take: every such <c>503</c> is logged with its cause
/// (never with a shopper id) and carries <c>Retry-After</c>.
/// </summary>
public sealed partial class StorageProblems(IOptions<EventWriterOptions> options, ILogger<StorageProblems> logger)
{
    public ProblemHttpResult Unavailable(HttpResponse response, string endpoint, int events, Exception exception)
    {
        var fault = StorageFaults.Classify(exception);
        var retryAfter = TimeSpan.FromSeconds(options.Value.RetryAfterSeconds);
        LogUnavailable(logger, endpoint, events, Describe(fault), exception.Message, options.Value.RetryAfterSeconds);
        return ApiProblems.Unavailable(
            response, $"The events could not be stored ({Describe(fault)}); nothing was acknowledged.", retryAfter);
    }

    /// <summary>Logs a click that could not be stored while the shopper is still sent to the landing page.</summary>
    public void ClickLost(int campaignId, int creativeId, Exception exception)
    {
        var fault = StorageFaults.Classify(exception);
        LogClickLost(logger, campaignId, creativeId, Describe(fault), exception.Message);
    }

    private static string Describe(StorageFaultKind fault) => fault switch
    {
        StorageFaultKind.Locked => "the database is locked by another writer",
        StorageFaultKind.ReadOnly => "the database or its folder is read-only",
        StorageFaultKind.Full => "the disk is full",
        StorageFaultKind.IoError => "the database files could not be opened or written (I/O error)",
        StorageFaultKind.Unreachable => "the database server could not be reached",
        _ => "the database refused the write",
    };

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "{Endpoint} answered 503 for {Events} event(s): {Cause} ({Reason}); Retry-After {RetryAfterSeconds} s.")]
    private static partial void LogUnavailable(ILogger logger, string endpoint, int events, string cause, string reason, int retryAfterSeconds);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "A click on campaign {CampaignId} creative {CreativeId} was not stored: {Cause} ({Reason}); the shopper was redirected anyway.")]
    private static partial void LogClickLost(ILogger logger, int campaignId, int creativeId, string cause, string reason);
}
