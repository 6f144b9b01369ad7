namespace AdStudio.Core.Events;

/// <summary>Rules every way in for events (<c>POST /events</c> and the CSV import) applies to their timestamps.</summary>
public static class EventTimestamps
{
    /// <summary>How far ahead of the server's clock an event may be stamped: a storefront's clock may run fast.</summary>
    public static readonly TimeSpan AllowedFutureSkew = TimeSpan.FromMinutes(10);

    /// <summary>Whether an event stamped <paramref name="occurredAt"/> (UTC) lies further ahead of <paramref name="now"/> than the allowed skew.</summary>
    public static bool IsTooFarAhead(DateTime occurredAt, DateTime now) => occurredAt > now + AllowedFutureSkew;
}
