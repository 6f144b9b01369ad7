using AdStudio.Core.Events;

namespace AdStudio.Core.Privacy;

/// <summary>
/// What consent let through of one <see cref="EventBatch"/>: the behaviour and ad events to store, the shoppers whose ad
/// events are stored without their id (no measurement consent), and the counts of what was recorded or dropped.
/// </summary>
public sealed record IngestedBatch(
    IReadOnlyList<BehaviourEvent> BehaviourEvents,
    IReadOnlyList<AdEvent> AdEvents,
    IReadOnlySet<string> Unmeasured,
    int ConsentEvents,
    int DuplicateConsentEvents,
    int WithoutConsent,
    int Suppressed)
{
    /// <summary>A batch stored as given (no consent rules applied).</summary>
    public static IngestedBatch AsGiven(EventBatch batch) =>
        new(batch.BehaviourEvents, batch.AdEvents, new HashSet<string>(), 0, 0, 0, 0);
}
