namespace AdStudio.Core.Privacy.Consent;

/// <summary>The parts of a <see cref="ConsentRecord"/> the consent shares need.</summary>
public sealed record ConsentChange(string ShopperId, bool Personalisation, bool Measurement, DateTime OccurredAt);
