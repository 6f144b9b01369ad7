namespace AdStudio.Web.Features.Events;

/// <summary>One event of a <c>POST /events</c> batch, as the storefront sends it.</summary>
public sealed class IncomingEvent
{
    public string? Type { get; set; }

    /// <summary>The client's own id of the event, so a batch sent again after a timeout is stored once.</summary>
    public string? EventId { get; set; }

    public string? ShopperId { get; set; }

    public DateTimeOffset? Timestamp { get; set; }

    public string? DecisionId { get; set; }

    public double? Revenue { get; set; }

    public string? Category { get; set; }

    public string? ProductId { get; set; }

    public string? Query { get; set; }

    public double? Amount { get; set; }

    public double? DwellSeconds { get; set; }

    /// <summary>Consent events: whether the shopper allows personalisation (behaviour tracking, profiles, segments, personalised ads).</summary>
    public bool? Personalisation { get; set; }

    /// <summary>Consent events: whether the shopper allows measurement (ad events kept with their shopper id).</summary>
    public bool? Measurement { get; set; }
}
