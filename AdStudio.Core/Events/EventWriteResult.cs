namespace AdStudio.Core.Events;

/// <summary>What a write stored: ad events already recorded for their decision count as duplicates.</summary>
public readonly record struct EventWriteResult(int BehaviourEvents, int AdEvents, int DuplicateAdEvents)
{
    public EventWriteResult Add(EventWriteResult other) => new(
        BehaviourEvents + other.BehaviourEvents,
        AdEvents + other.AdEvents,
        DuplicateAdEvents + other.DuplicateAdEvents);
}
