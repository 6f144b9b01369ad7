namespace AdStudio.Core.Serving;

/// <summary>A decision with its signed id and the ticket the id carries.</summary>
public sealed record ServedAd(Decision Decision, string DecisionId, DecisionTicket Ticket, string Placement);
