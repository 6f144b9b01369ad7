namespace AdStudio.Core.Events;

/// <summary>Validated events to store together.</summary>
public sealed record EventBatch(IReadOnlyList<BehaviourEvent> BehaviourEvents, IReadOnlyList<AdEvent> AdEvents)
{
    public int Count => BehaviourEvents.Count + AdEvents.Count;
}
