namespace AdStudio.Core.Privacy;

/// <summary>One access or erasure request as the log shows it: the masked id, never the raw one.</summary>
/// <param name="Counts">Rows found (access) or removed (erasure) per table or in-memory store.</param>
/// <param name="TrainedAfter">For an erasure: when the first model training that started after it ran (it excludes the shopper); null while none has.</param>
public sealed record PrivacyRequestEntry(
    int Id,
    string Type,
    string MaskedShopperId,
    DateTime RequestedAt,
    string RequestedBy,
    IReadOnlyDictionary<string, int> Counts,
    DateTime? TrainedAfter);
