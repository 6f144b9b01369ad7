namespace AdStudio.Core.Privacy;

/// <summary>An experiment arm a shopper is (or was) in, in an access document.</summary>
/// <param name="Basis"><c>derived</c>: the arm serving assigns from a hash of the experiment and shopper ids (assignments are not stored); <c>ad-events</c>: the arm recorded on the shopper's ad events.</param>
public sealed record ExperimentAssignment(int ExperimentId, string ExperimentName, string Status, int VariantId, string VariantName, string Basis);
