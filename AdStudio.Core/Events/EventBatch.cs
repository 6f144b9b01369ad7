using AdStudio.Core.Privacy;

namespace AdStudio.Core.Events;

/// <summary>Validated events to store together; consent events, when present, apply before the others.</summary>
public sealed record EventBatch(IReadOnlyList<BehaviourEvent> BehaviourEvents, IReadOnlyList<AdEvent> AdEvents)
{
    public EventBatch(IReadOnlyList<BehaviourEvent> behaviourEvents, IReadOnlyList<AdEvent> adEvents, IReadOnlyList<ConsentChange> consents)
        : this(behaviourEvents, adEvents) => Consents = consents;

    public IReadOnlyList<ConsentChange> Consents { get; init; } = [];

    public int Count => BehaviourEvents.Count + AdEvents.Count + Consents.Count;
}
