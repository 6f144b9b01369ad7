namespace AdStudio.Web.Features.Events;

/// <summary>
/// Answer of <c>POST /events</c>: how many events were stored, how many were already stored (ad events
/// of the same decision, behaviour events with an event id already seen), and which ad events were not
/// stored because their decision is older than the attribution window. The three counts add up to the batch.
/// </summary>
public sealed record EventsAccepted(int Accepted, int Duplicates, int Expired, int[] ExpiredIndexes);
