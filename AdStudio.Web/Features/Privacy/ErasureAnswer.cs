namespace AdStudio.Web.Features.Privacy;

/// <summary>The answer to an erasure: the request log entry's id and what was removed per table or in-memory store.</summary>
public sealed record ErasureAnswer(int RequestId, IReadOnlyDictionary<string, int> Removed);
