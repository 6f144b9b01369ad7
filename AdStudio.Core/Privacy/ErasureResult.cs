namespace AdStudio.Core.Privacy;

/// <summary>What an erasure removed: rows per table (ad events: rows the shopper id was taken from) and entries per in-memory store.</summary>
public sealed record ErasureResult(int RequestId, IReadOnlyDictionary<string, int> Removed);
