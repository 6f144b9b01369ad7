namespace AdStudio.Core.Events;

/// <summary>
/// What a write stored: ad events already recorded for their decision, and behaviour events whose
/// <see cref="BehaviourEvent.EventId"/> was already stored for their shopper, count as duplicates.
/// </summary>
public readonly record struct EventWriteResult(int BehaviourEvents, int AdEvents, int DuplicateAdEvents, int DuplicateBehaviourEvents = 0)
{
    /// <summary>Events of the write that were already stored.</summary>
    public int Duplicates => DuplicateAdEvents + DuplicateBehaviourEvents;

    public EventWriteResult Add(EventWriteResult other) => new(
        BehaviourEvents + other.BehaviourEvents,
        AdEvents + other.AdEvents,
        DuplicateAdEvents + other.DuplicateAdEvents,
        DuplicateBehaviourEvents + other.DuplicateBehaviourEvents);
}
