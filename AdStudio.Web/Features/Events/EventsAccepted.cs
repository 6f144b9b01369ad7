namespace AdStudio.Web.Features.Events;

/// <summary>Answer of <c>POST /events</c>: how many events were stored and how many ad events were repeats.</summary>
public sealed record EventsAccepted(int Accepted, int Duplicates);
