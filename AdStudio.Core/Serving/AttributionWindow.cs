using Microsoft.Extensions.Options;

namespace AdStudio.Core.Serving;

/// <summary>
/// Judges a decision's events in time: a ticket older than the attribution window (plus the clock skew)
/// is expired, and no event may claim to have happened before its decision (minus the clock skew).
/// </summary>
public sealed class AttributionWindow(IOptions<ServingOptions> options, TimeProvider clock)
{
    /// <summary>How long after its decision an event is still attributed.</summary>
    public TimeSpan Window { get; } = TimeSpan.FromDays(options.Value.AttributionWindowDays);

    /// <summary>How far the clocks of the storefront, the nodes and this server may disagree.</summary>
    public TimeSpan ClockSkew { get; } = TimeSpan.FromSeconds(options.Value.ClockSkewSeconds);

    /// <summary>True when the ticket is older than the window now (it is judged when the event arrives).</summary>
    public bool IsExpired(in DecisionTicket ticket) =>
        clock.GetUtcNow().UtcDateTime > ticket.IssuedAt + Window + ClockSkew;

    /// <summary>True when an event claims a time before its decision was made.</summary>
    public bool IsBackdated(in DecisionTicket ticket, DateTime occurredAt) =>
        occurredAt < ticket.IssuedAt - ClockSkew;
}
