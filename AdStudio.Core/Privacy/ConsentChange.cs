namespace AdStudio.Core.Privacy;

/// <summary>A shopper's consent as a <c>consent</c> event states it: both purposes, at the shop's timestamp.</summary>
public sealed record ConsentChange(string ShopperId, bool Personalisation, bool Measurement, DateTime OccurredAt);
