namespace AdStudio.Core.Serving;

/// <summary>What a verified tracking URL stands for: the decision, its id as stored with events, and the shopper it was served to.</summary>
public readonly record struct OpenedTracking(DecisionTicket Ticket, string DecisionId, string ShopperId);
