namespace AdStudio.Core.Privacy;

/// <summary>What the Privacy page shows about a looked-up shopper before an export or erasure: no personal data beyond consent.</summary>
/// <param name="Counts">Rows per table of <see cref="ShopperTables"/>.</param>
public sealed record ShopperSummary(string MaskedShopperId, bool? AllowsPersonalisation, bool? AllowsMeasurement, IReadOnlyDictionary<string, int> Counts);
