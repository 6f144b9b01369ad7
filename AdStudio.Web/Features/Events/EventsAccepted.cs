namespace AdStudio.Web.Features.Events;

/// <summary>
/// Answer of <c>POST /events</c>: how many events were stored, how many were already stored (ad events
/// of the same decision, behaviour events with an event id already seen, exact repeats of consent events), which ad
/// events were not stored because their decision is older than the attribution window, how many behaviour events were
/// dropped because their shopper does not allow personalisation, and how many events of erased (suppressed) shoppers
/// were dropped. The five counts add up to the batch.
/// </summary>
public sealed record EventsAccepted(
    int Accepted, int Duplicates, int Expired, int[] ExpiredIndexes, int DroppedWithoutConsent, int Suppressed);
