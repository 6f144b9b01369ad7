namespace AdStudio.Core.Events;

/// <summary>Something a shopper did in the shop: a product view, a search, an add-to-cart or a purchase.</summary>
public sealed class BehaviourEvent
{
    public long Id { get; set; }

    public required string ShopperId { get; set; }

    public BehaviourEventType Type { get; set; }

    public string? Category { get; set; }

    public string? ProductId { get; set; }

    public string? Query { get; set; }

    public double? Amount { get; set; }

    public double? DwellSeconds { get; set; }

    public DateTime OccurredAt { get; set; }

    /// <summary>
    /// The storefront's own id of the event (at most 64 characters), unique per shopper: a batch sent again
    /// after a timeout is stored once. Null when the client sends none.
    /// </summary>
    public string? EventId { get; set; }

    /// <summary>For imported rows: a hash of the row's content, so importing the same file twice adds nothing.</summary>
    public string? ImportKey { get; set; }
}
