namespace AdStudio.Core.Serving;

/// <summary>The key that signs new decision ids and the keys whose ids are still accepted.</summary>
public sealed record DecisionKeyRing(byte[] Current, IReadOnlyList<byte[]> Previous);
