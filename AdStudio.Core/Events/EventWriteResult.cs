namespace AdStudio.Core.Events;

/// <summary>
/// What a write stored: ad events already recorded for their decision, behaviour events whose
/// <see cref="BehaviourEvent.EventId"/> was already stored for their shopper, and exact repeats of consent events count as
/// duplicates. <see cref="WithoutConsent"/> counts behaviour events dropped because their shopper does not allow
/// personalisation; <see cref="Suppressed"/> counts events of erased shoppers dropped until they consent again.
/// </summary>
public readonly record struct EventWriteResult(
    int BehaviourEvents,
    int AdEvents,
    int DuplicateAdEvents,
    int DuplicateBehaviourEvents = 0,
    int ConsentEvents = 0,
    int DuplicateConsentEvents = 0,
    int WithoutConsent = 0,
    int Suppressed = 0)
{
    /// <summary>Events of the write that were already stored.</summary>
    public int Duplicates => DuplicateAdEvents + DuplicateBehaviourEvents + DuplicateConsentEvents;

    /// <summary>Events the write stored.</summary>
    public int Stored => BehaviourEvents + AdEvents + ConsentEvents;

    public EventWriteResult Add(EventWriteResult other) => new(
        BehaviourEvents + other.BehaviourEvents,
        AdEvents + other.AdEvents,
        DuplicateAdEvents + other.DuplicateAdEvents,
        DuplicateBehaviourEvents + other.DuplicateBehaviourEvents,
        ConsentEvents + other.ConsentEvents,
        DuplicateConsentEvents + other.DuplicateConsentEvents,
        WithoutConsent + other.WithoutConsent,
        Suppressed + other.Suppressed);
}
