namespace AdStudio.Core.Infrastructure;

/// <summary>
/// The outcome of the latest event write, shared by the writer (which records it) and the health check
/// (which reports a failure that no later write has cleared).
/// </summary>
public sealed class StorageWriteState(TimeProvider clock)
{
    private WriteOutcome _latest = new(false, StorageFaultKind.None, DateTimeOffset.MinValue);

    /// <summary>The latest write's outcome; <see cref="WriteOutcome.Failed"/> stays set until a write succeeds.</summary>
    public WriteOutcome Latest => Volatile.Read(ref _latest);

    public void RecordSuccess() => Volatile.Write(ref _latest, new WriteOutcome(false, StorageFaultKind.None, clock.GetUtcNow()));

    public void RecordFailure(StorageFaultKind fault) => Volatile.Write(ref _latest, new WriteOutcome(true, fault, clock.GetUtcNow()));
}
