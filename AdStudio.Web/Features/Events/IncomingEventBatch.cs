namespace AdStudio.Web.Features.Events;

/// <summary>The body of <c>POST /events</c>: <c>{"events":[...]}</c>.</summary>
public sealed class IncomingEventBatch
{
    public List<IncomingEvent?>? Events { get; set; }
}
