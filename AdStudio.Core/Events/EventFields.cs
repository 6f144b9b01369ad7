namespace AdStudio.Core.Events;

/// <summary>The field names of an event, the same in a <c>POST /events</c> body and in a CSV import's header.</summary>
public static class EventFields
{
    public const string ShopperId = "shopperId";
    public const string Type = "type";
    public const string Timestamp = "timestamp";
    public const string Category = "category";
    public const string ProductId = "productId";
    public const string Query = "query";
    public const string Amount = "amount";
    public const string DwellSeconds = "dwellSeconds";
    public const string EventId = "eventId";
}
