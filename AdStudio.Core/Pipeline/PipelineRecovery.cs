namespace AdStudio.Core.Pipeline;

/// <summary>
/// What a recovery pass of the ledger takes back: running runs of nodes silent since before <paramref name="NodesSilentBefore"/>
/// (or stopped; null: every other node is gone, as for a single node at start-up), and waiting runs too when <paramref name="RequeueWaiting"/> (their jobs were lost with an in-memory queue).
/// <paramref name="Cause"/> names the interruption in the runs' messages ("a restart", "its node going silent").
/// </summary>
public sealed record PipelineRecovery(int MaxAttempts, DateTime? NodesSilentBefore, bool RequeueWaiting, string Cause);
